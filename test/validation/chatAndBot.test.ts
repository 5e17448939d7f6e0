/**
 * Chat concurrency and the bot stage against theory. Seeds are written down; bands are 99.9%.
 */
import { describe, expect, it } from 'vitest';
import { erlangC } from '../../src/analytic/index.js';
import { buildModel, runReplication, simulateInThread, TYPE_MEASURES, TypeMeasure } from '../../src/experiment/index.js';
import { parseScenario } from '../../src/scenario/index.js';
import { band999 } from '../support/bands.js';

const SEED = 31337;
const Z999 = 3.2905; // two-sided 99.9% normal quantile


describe('chat with concurrency k', () => {
  it('c agents x k slots, chat only, exponential times, match Erlang C with c*k servers', () => {
    // Condition: the group serves only chats and a chat's handle time does not depend on how many
    // chats its agent holds. Then every free slot takes the longest-waiting chat, each slot is an
    // independent exponential server, and the queue is exactly M/M/(c*k).
    const agents = 10;
    const k = 3;
    const aht = 600;
    const load = 27; // Erlangs of chat work, over 30 slots
    const out = simulateInThread(
      parseScenario({
        name: 'chat M/M/ck',
        intervalMinutes: 60,
        intervals: 8,
        warmupMinutes: 120,
        contactTypes: [{ id: 'web', channel: 'chat', volume: (load / aht) * 3600, handleTime: { dist: 'exponential', mean: aht }, serviceLevel: { seconds: 30, target: 0.8 } }],
        agentGroups: [{ id: 'chat', skills: ['web'], staff: agents, concurrency: k }],
      }),
      { replications: 600, seed: SEED },
    );
    const exact = erlangC({ agents: agents * k, arrivalRate: load / aht, aht, slSeconds: 30 });
    const s = out.summary;
    for (const [name, m, value, bound] of [
      ['serviceLevel', s.serviceLevel, exact.serviceLevel, 0.03],
      ['asa', s.asa, exact.asa ?? NaN, 0.15 * (exact.asa ?? 0)],
      ['slotUtilization', s.slotUtilization, exact.occupancy, 0.01],
    ] as const) {
      const half = band999(m);
      expect(half, `${name} band`).toBeLessThanOrEqual(bound);
      expect(Math.abs((m.mean ?? NaN) - value), `${name}: ${m.mean} vs ${value} ±${half}`).toBeLessThanOrEqual(half);
    }
    // Occupancy counts an agent busy with any chat, so it exceeds slot utilization.
    expect(s.occupancy.mean!).toBeGreaterThan(s.slotUtilization.mean! + 0.02);
  });
});

describe('bot stage', () => {
  const botScenario = (bot: { share: number; containment: number; duration: number }, volume: number | number[] = 900) =>
    parseScenario({
      name: 'bot',
      intervalMinutes: 30,
      intervals: Array.isArray(volume) ? volume.length : 6,
      contactTypes: [{
        id: 'calls', channel: 'voice', volume, handleTime: { dist: 'exponential', mean: 240 },
        patience: { dist: 'exponential', mean: 180 }, serviceLevel: { seconds: 20, target: 0.8 },
        bot: { share: bot.share, containment: bot.containment, duration: { dist: 'constant', value: bot.duration } },
      }],
      agentGroups: [{ id: 'agents', skills: ['calls'], staff: 110 }],
    });

  it('share s and containment p leave (1 - s*p) of arrivals offered (binomial 99.9% band)', () => {
    const [s, p] = [0.6, 0.35];
    const config = buildModel(botScenario({ share: s, containment: p, duration: 60 }));
    let arrivals = 0;
    let offered = 0;
    let contained = 0;
    let sessions = 0;
    for (let r = 0; r < 20; r++) {
      const t = runReplication(config, SEED, r).types;
      for (let i = 0; i < config.intervals; i++) {
        arrivals += t[i * TYPE_MEASURES + TypeMeasure.arrivals]!;
        offered += t[i * TYPE_MEASURES + TypeMeasure.offered]!;
        contained += t[i * TYPE_MEASURES + TypeMeasure.contained]!;
        sessions += t[i * TYPE_MEASURES + TypeMeasure.botEntered]!;
      }
    }
    const q = 1 - s * p;
    const half = (Z999 * Math.sqrt(q * (1 - q) * arrivals)) / arrivals;
    expect(half).toBeLessThan(0.005);
    expect(Math.abs(offered / arrivals - q), `offered share ${offered / arrivals} vs ${q} ±${half}`).toBeLessThanOrEqual(half);
    const halfP = (Z999 * Math.sqrt(p * (1 - p) * sessions)) / sessions;
    expect(Math.abs(contained / sessions - p)).toBeLessThanOrEqual(halfP);
    expect(offered + contained).toBe(arrivals);
  });

  it('a bot whose duration is one interval moves the offered work into the next interval', () => {
    // Calls arrive in interval 0 only and all escalate after 1800 s: agent time in interval 0
    // is zero and the work lands in interval 1; the contacts still belong to interval 0.
    const out = simulateInThread(botScenario({ share: 1, containment: 0, duration: 1800 }, [300, 0, 0]), { replications: 3, seed: SEED });
    const [i0, i1, i2] = out.intervals;
    expect(i0!.byGroup.agents!.occupancy.mean).toBe(0);
    expect(i1!.byGroup.agents!.occupancy.mean!).toBeGreaterThan(0.25);
    expect(i0!.byType.calls!.offered.mean!).toBeGreaterThan(250);
    expect(i1!.byType.calls!.offered.mean).toBe(0);
    expect(i2!.byType.calls!.arrivals.mean).toBe(0);
  });

  it('containment p cuts agent workload by about share*p (common random numbers, same customers)', () => {
    const base = simulateInThread(botScenario({ share: 0.6, containment: 0, duration: 60 }), { replications: 10, seed: SEED });
    const bot = simulateInThread(botScenario({ share: 0.6, containment: 0.35, duration: 60 }), { replications: 10, seed: SEED });
    const work = (o: typeof base) => o.summary.answered.mean! + o.summary.abandoned.mean!;
    expect(base.summary.arrivals.mean).toBe(bot.summary.arrivals.mean); // same customers
    expect(work(bot) / work(base)).toBeCloseTo(1 - 0.6 * 0.35, 1);
    expect(bot.summary.containmentRate.mean!).toBeCloseTo(0.35, 1);
  });
});
