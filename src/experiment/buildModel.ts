import type { ContactCenterConfig } from '../model/index.js';
import { makeDistribution } from '../random/index.js';
import { perInterval, type Scenario } from '../scenario/index.js';

/** The model configuration of a validated scenario: rates per second, distributions built. */
export function buildModel(scenario: Scenario): ContactCenterConfig {
  const intervalSeconds = scenario.intervalMinutes * 60;
  const n = scenario.intervals;
  const typeIndex = new Map(scenario.contactTypes.map((t, i) => [t.id, i]));
  const hasChat = (skills: readonly string[]) =>
    skills.some((s) => scenario.contactTypes[typeIndex.get(s) ?? -1]?.channel === 'chat');
  return {
    intervalSeconds,
    intervals: n,
    warmupSeconds: scenario.warmupMinutes * 60,
    types: scenario.contactTypes.map((t) => ({
      id: t.id,
      channel: t.channel,
      arrivalRate: perInterval(t.volume, n).map((v) => v / intervalSeconds),
      handleTime: makeDistribution(t.handleTime),
      wrapUp: t.wrapUp === undefined ? null : makeDistribution(t.wrapUp),
      patience: t.patience === undefined ? null : makeDistribution(t.patience),
      serviceLevelSeconds: t.serviceLevel.seconds,
      bot:
        t.bot === undefined
          ? null
          : { share: t.bot.share, containment: t.bot.containment, duration: makeDistribution(t.bot.duration) },
    })),
    groups: scenario.agentGroups.map((g) => ({
      id: g.id,
      skills: g.skills.map((s) => typeIndex.get(s) ?? -1),
      staff: perInterval(g.staff, n),
      concurrency: hasChat(g.skills) ? (g.concurrency ?? 1) : 1,
    })),
  };
}
