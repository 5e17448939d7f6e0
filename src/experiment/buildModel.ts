import type { AgentGroupConfig, ContactCenterConfig, ContactTypeConfig, QueueClosing, ShiftTimes, StaffPlan } from '../model/index.js';
import { intervalStaffPlan, shiftStaffPlan } from '../model/index.js';
import { makeDistribution } from '../random/index.js';
import type { AgentGroupSpec, ContactTypeSpec, Scenario, ShiftSpec } from '../scenario/index.js';
// The zod-free readers: a worker thread builds models without loading the validator.
import { longSkill, parseClock, perInterval, perIntervalDist } from '../scenario/values.js';
import { largestRemainder } from '../scenario/apportion.js';
import { assertSimulable } from './runSize.js';
import type { StaffArrays } from './replicationRunner.js';
import { counterfactualModel, type Counterfactual } from './counterfactual.js';

/** Agent seconds of an outbound attempt before it connects or fails, when the scenario says nothing. */
export const OUTBOUND_DIAL_SECONDS = 20;

/**
 * The model configuration of a validated scenario: rates per second, distributions built, staff
 * plans. A scenario no run could finish (HARD_LIMITS, endless follow-ups) is refused here, so no
 * caller can start one.
 * @throws RunTooLargeError
 */
export function buildModel(scenario: Scenario): ContactCenterConfig {
  assertSimulable(scenario);
  const intervalSeconds = scenario.intervalMinutes * 60;
  const n = scenario.intervals;
  const typeIndex = new Map(scenario.contactTypes.map((t, i) => [t.id, i]));
  const initial = scenario.initialState;
  return {
    // A state with no contacts is no state: the run is exactly the one without it.
    initial:
      initial === undefined || !hasContacts(initial)
        ? null
        : {
            // Longest wait first: the order in line.
            waiting: scenario.contactTypes.map((t) => [...(initial.waiting?.[t.id] ?? [])].sort((a, b) => b - a)),
            inService: scenario.agentGroups.map((g) => scenario.contactTypes.map((t) => [...(initial.inService?.[g.id]?.[t.id] ?? [])])),
          },
    intervalSeconds,
    intervals: n,
    warmupSeconds: scenario.warmupMinutes * 60,
    types: scenario.contactTypes.map((t) => typeConfig(t, n, intervalSeconds, typeIndex)),
    groups: scenario.agentGroups.map((g) => groupConfig(g, scenario, typeIndex)),
    lines: scenario.lines ?? null,
    closeQueue: queueClosing(scenario),
  };
}

/**
 * `closeQueueAt` in simulation seconds: each "HH:MM" on every day the horizon covers, inside
 * [start of interval 0, end of the last interval]; "end" as a flag.
 */
function queueClosing(scenario: Scenario): QueueClosing | null {
  const at = scenario.closeQueueAt;
  if (at === undefined) return null;
  const warmup = scenario.warmupMinutes * 60;
  const origin = parseClock(scenario.start);
  const horizon = scenario.intervals * scenario.intervalMinutes;
  const times: number[] = [];
  for (const clock of at) {
    if (clock === 'end') continue;
    const minute = parseClock(clock);
    for (let day = 0; day * 1440 <= origin + horizon; day++) {
      const offset = day * 1440 + minute - origin;
      if (offset >= 0 && offset <= horizon) times.push(warmup + offset * 60);
    }
  }
  return { times: [...new Set(times)].sort((a, b) => a - b), atEnd: at.includes('end') };
}

/**
 * The model of `config`'s scenario with every group's staff replaced by `staff[g]` per interval
 * (shifts replaced), exactly `buildModel(withStaff(scenario, staff))` without rebuilding the
 * rest: what a worker does for each candidate plan of a staffing search. `null`: `config` itself.
 * A `counterfactual` (`ccsim explain`) is applied after the staff.
 */
export function restaffedModel(config: ContactCenterConfig, staff: StaffArrays | null, counterfactual: Counterfactual | null = null): ContactCenterConfig {
  if (counterfactual !== null) return counterfactualModel(restaffedModel(config, staff), counterfactual);
  if (staff === null) return config;
  if (staff.length !== config.groups.length) throw new RangeError(`restaffedModel: ${staff.length} staff rows for ${config.groups.length} groups`);
  return {
    ...config,
    groups: config.groups.map((g, i) => {
      const row = staff[i]!;
      if (row.length !== config.intervals) throw new RangeError(`restaffedModel: group ${g.id} has ${row.length} staff values for ${config.intervals} intervals`);
      return { ...g, staffPlan: intervalStaffPlan(row, config.warmupSeconds, config.intervalSeconds) };
    }),
  };
}

function hasContacts(initial: NonNullable<Scenario['initialState']>): boolean {
  const waiting = Object.values(initial.waiting ?? {}).some((list) => list.length > 0);
  return waiting || Object.values(initial.inService ?? {}).some((byType) => Object.values(byType).some((list) => list.length > 0));
}

function typeConfig(t: ContactTypeSpec, n: number, intervalSeconds: number, typeIndex: ReadonlyMap<string, number>): ContactTypeConfig {
  const followUp = (f: ContactTypeSpec['retrial']) =>
    f === undefined ? null : { probability: f.probability, delay: makeDistribution(f.delay), samePatience: f.samePatience ?? false };
  return {
    id: t.id,
    channel: t.channel,
    arrivalRate: perInterval(t.volume, n).map((v) => v / intervalSeconds),
    exactCounts: t.arrivals === 'exact' ? perInterval(t.volume, n) : null,
    handleTime: perIntervalDist(t.handleTime, n).map(makeDistribution),
    wrapUp: t.wrapUp === undefined ? null : makeDistribution(t.wrapUp),
    patience: t.patience === undefined ? null : perIntervalDist(t.patience, n).map(makeDistribution),
    serviceLevelSeconds: t.serviceLevel.seconds,
    shortAbandonSeconds: t.serviceLevel.shortAbandonSeconds ?? null,
    bot:
      t.bot === undefined
        ? null
        : {
            share: t.bot.share,
            containment: t.bot.containment,
            dropout: t.bot.dropout ?? 0,
            falseContainment: t.bot.falseContainment ?? 0,
            duration: makeDistribution(t.bot.duration),
            escalatedHandleTime: t.bot.escalatedHandleTime === undefined ? null : makeDistribution(t.bot.escalatedHandleTime),
            costPerSession: t.bot.costPerSession ?? 0,
          },
    priority: t.priority ?? 0,
    retrial: followUp(t.retrial),
    repeat: followUp(t.repeat),
    volumeCv: t.volumeUncertainty?.cv ?? 0,
    volumeGroup: t.volumeUncertainty?.group ?? null,
    concurrencyFactor: t.concurrencyFactor ?? [],
    maxQueue: t.maxQueue ?? null,
    // Acceptance 0: offers nobody takes change nothing, so the model has no callbacks at all.
    callback:
      t.callback === undefined || t.callback.acceptance === 0
        ? null
        : {
            offerAfter: t.callback.offerAfterSeconds ?? Infinity,
            ewtAbove: t.callback.offerWhenEwtAbove ?? Infinity,
            acceptance: t.callback.acceptance,
            window: t.callback.window,
          },
    // Absent stays absent: the model's default (longest-idle) applies.
    ...(t.routing === undefined ? {} : { routing: t.routing }),
    transfer:
      t.transfer === undefined
        ? null
        : {
            probability: t.transfer.probability,
            to: typeIndex.get(t.transfer.to) ?? -1,
            handleTime: t.transfer.handleTime === undefined ? null : makeDistribution(t.transfer.handleTime),
            conferenceSeconds: t.transfer.conferenceSeconds ?? 0,
          },
  };
}

function groupConfig(g: AgentGroupSpec, scenario: Scenario, typeIndex: ReadonlyMap<string, number>): AgentGroupConfig {
  const skills = g.skills.map(longSkill).map((s) => ({ ...s, type: typeIndex.get(s.type) ?? -1 }));
  const hasChat = skills.some((s) => scenario.contactTypes[s.type]?.channel === 'chat');
  return {
    id: g.id,
    skills,
    staffPlan: staffPlanOf(g, scenario),
    concurrency: hasChat ? (g.concurrency ?? 1) : 1,
    costPerHour: g.costPerHour ?? 0,
    outbound:
      g.outbound === undefined
        ? null
        : {
            idleAbove: g.outbound.whenIdleAbove ?? 0,
            dialRate: g.outbound.dialRate === undefined ? null : g.outbound.dialRate / 3600,
            connectRate: g.outbound.connectRate,
            dialSeconds: g.outbound.dialSeconds ?? OUTBOUND_DIAL_SECONDS,
            handleTime: makeDistribution(g.outbound.handleTime),
          },
    wrapUp: g.wrapUp === undefined ? null : makeDistribution(g.wrapUp),
  };
}

/**
 * Staff over time: `staff` per interval, or `shifts` placed on the horizon. A shift starts at its
 * clock time on day `day`, counted from the day the scenario starts (so "06:00" on day 0 is two
 * hours before a scenario that starts at 08:00); round(count x (1 - shrinkage)) of its agents work,
 * taking their breaks as {@link shiftTimesOf} places them.
 */
function staffPlanOf(g: AgentGroupSpec, scenario: Scenario): StaffPlan {
  const intervalSeconds = scenario.intervalMinutes * 60;
  const warmup = scenario.warmupMinutes * 60;
  if (g.shifts === undefined) return intervalStaffPlan(perInterval(g.staff ?? 0, scenario.intervals), warmup, intervalSeconds);
  const origin = parseClock(scenario.start);
  const shrinkage = g.shrinkage ?? 0;
  const shifts = g.shifts.flatMap((s) => shiftTimesOf(s, ((s.day ?? 0) * 1440 + parseClock(s.start) - origin) * 60, shrinkage));
  return shiftStaffPlan(shifts, warmup, scenario.intervals * intervalSeconds);
}

type Break = { offset: number; length: number };

/**
 * A shift as `ShiftTimes`, one per distinct break placement with the agents present that take it.
 * P = round(count x (1 - shrinkage)) agents are present. Fixed breaks: every agent at the offset
 * (a shift with fixed breaks only is one entry, as it always was). Break windows [a, b]: agent k
 * (0..P-1) starts each window at a + round((b - a) x k / (P - 1)) ("even": as far apart as the window allows;
 * a lone agent at the middle), a ("earliest") or b
 * ("latest"). `breakGroups`: P split over the groups by largest remainder of P x count_g / count
 * (ties to the earlier group), each group with its own fixed breaks.
 */
function shiftTimesOf(s: ShiftSpec, start: number, shrinkage: number): ShiftTimes[] {
  const length = s.minutes * 60;
  const present = Math.round(s.count * (1 - shrinkage));
  const fixed = (b: { offsetMinutes: number; minutes: number }): Break => ({ offset: b.offsetMinutes * 60, length: b.minutes * 60 });
  if (s.breakGroups !== undefined) {
    const counts = largestRemainder(present, s.breakGroups.map((bg) => bg.count));
    return s.breakGroups.map((bg, j) => ({ start, length, count: counts[j]!, breaks: (bg.breaks ?? []).map(fixed) }));
  }
  const breaks = s.breaks ?? [];
  if (present === 0 || breaks.every((b) => 'offsetMinutes' in b)) {
    return [{ start, length, count: present, breaks: breaks.map((b) => ('offsetMinutes' in b ? fixed(b) : windowBreak(b, 'earliest', 0, 1))) }];
  }
  const stagger = s.stagger ?? 'even';
  const byPlacement = new Map<string, { count: number; breaks: Break[] }>();
  for (let k = 0; k < present; k++) {
    const placed = breaks.map((b) => ('offsetMinutes' in b ? fixed(b) : windowBreak(b, stagger, k, present)));
    const key = placed.map((b) => b.offset).join(',');
    const entry = byPlacement.get(key);
    if (entry === undefined) byPlacement.set(key, { count: 1, breaks: placed });
    else entry.count += 1;
  }
  return [...byPlacement.values()].map(({ count, breaks: placed }) => ({ start, length, count, breaks: placed }));
}

/** Agent k's (of `present`) start of a break window, in seconds after the shift start. */
function windowBreak(
  b: { earliestOffsetMinutes: number; latestOffsetMinutes: number; minutes: number },
  stagger: 'even' | 'earliest' | 'latest',
  k: number,
  present: number,
): Break {
  const a = b.earliestOffsetMinutes;
  const z = b.latestOffsetMinutes;
  const even = present === 1 ? a + Math.round((z - a) / 2) : a + Math.round(((z - a) * k) / (present - 1));
  const minute = stagger === 'earliest' ? a : stagger === 'latest' ? z : even;
  return { offset: minute * 60, length: b.minutes * 60 };
}
