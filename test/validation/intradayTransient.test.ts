/**
 * The rest of the day from the state of now, against exact queueing theory: an M/M/c+M center
 * that starts with every agent busy and contacts already waiting (a scenario `initialState`),
 * simulated, against the transient solution of its birth-death chain by uniformization
 * (test/support/transient.ts). Expected answered and abandoned in the next 30 and 60 minutes must
 * fall inside the simulation's 99.9% band, and that band must be narrow (under 2.5% of the value).
 */
import { describe, expect, it } from 'vitest';
import { buildModel, runReplication } from '../../src/experiment/index.js';
import type { ContactCenterObserver } from '../../src/model/index.js';
import { parseScenario } from '../../src/scenario/index.js';
import { transientErlangA } from '../support/transient.js';

const lambda = 0.04;
const aht = 300;
const patience = 120;
const c = 10;
const waits = Array.from({ length: 15 }, (_, k) => 7 * k); // exponential patience: the waits so far do not matter
const center = (initialState: unknown) =>
  parseScenario({
    name: 'M/M/c+M from now',
    intervalMinutes: 30,
    intervals: 4,
    start: '11:00',
    contactTypes: [
      { id: 'calls', channel: 'voice', volume: lambda * 1800, handleTime: { dist: 'exponential', mean: aht }, patience: { dist: 'exponential', mean: patience }, serviceLevel: { seconds: 20, target: 0.8 } },
    ],
    agentGroups: [{ id: 'team', skills: ['calls'], staff: c }],
    initialState,
  });

/** Counts of service starts (of contacts not in hand at 0) and abandonments before each horizon. */
function counter(horizons: readonly number[]) {
  const answered = new Float64Array(horizons.length);
  const abandoned = new Float64Array(horizons.length);
  const noop = () => {};
  const observer: ContactCenterObserver = {
    arrived: noop, botEntered: noop, contained: noop, botDroppedOut: noop, retried: noop, repeated: noop, queued: noop,
    handled: noop, unresolved: noop, blocked: noop, disconnected: noop, callbackOffered: noop, callbackMade: noop, outboundDialed: noop, outboundConnected: noop, outboundLevel: noop, transferred: noop, groupLevels: noop, queueLevel: noop, linesLevel: noop, intervalStarted: noop,
    answered(_type, interval, time) {
      if (interval < 0) return; // a contact in hand at time 0
      horizons.forEach((h, k) => { if (time < h) answered[k]!++; });
    },
    abandoned(_type, _interval, time) {
      horizons.forEach((h, k) => { if (time < h) abandoned[k]!++; });
    },
  };
  return { observer, answered, abandoned };
}

describe('intraday: an initial state of 10 busy and 15 waiting against the exact transient M/M/c+M', () => {
  const horizons = [1800, 3600];
  const R = 4000;
  const config = buildModel(center({ waiting: { calls: waits }, inService: { team: { calls: Array.from({ length: c }, (_, k) => 30 * k) } } }));
  const sums = horizons.map(() => ({ a: 0, aa: 0, b: 0, bb: 0 }));
  for (let r = 0; r < R; r++) {
    const count = counter(horizons);
    runReplication(config, 20261203, r, { observer: count.observer });
    horizons.forEach((_, k) => {
      const s = sums[k]!;
      s.a += count.answered[k]!;
      s.aa += count.answered[k]! ** 2;
      s.b += count.abandoned[k]!;
      s.bb += count.abandoned[k]! ** 2;
    });
  }
  horizons.forEach((T, k) => {
    it(`expected answered and abandoned in the next ${T / 60} minutes (seed 20261203, ${R} replications)`, () => {
      const exact = transientErlangA({ arrivalRate: lambda, servers: c, serviceRate: 1 / aht, abandonRate: 1 / patience, initial: c + waits.length, horizon: T });
      const s = sums[k]!;
      const band = (sum: number, sq: number) => {
        const mean = sum / R;
        const sd = Math.sqrt((sq - R * mean * mean) / (R - 1));
        return { mean, half: (3.29 * sd) / Math.sqrt(R) };
      };
      const answered = band(s.a, s.aa);
      const abandoned = band(s.b, s.bb);
      expect(Math.abs(answered.mean - exact.answered), `answered ${answered.mean} vs exact ${exact.answered}`).toBeLessThanOrEqual(answered.half);
      expect(Math.abs(abandoned.mean - exact.abandonments), `abandoned ${abandoned.mean} vs exact ${exact.abandonments}`).toBeLessThanOrEqual(abandoned.half);
      expect(answered.half / exact.answered).toBeLessThan(0.025);
      expect(abandoned.half / exact.abandonments).toBeLessThan(0.025);
    });
  });

  it('the same center started empty is clearly different (the test sees the initial state)', () => {
    const empty = transientErlangA({ arrivalRate: lambda, servers: c, serviceRate: 1 / aht, abandonRate: 1 / patience, initial: 0, horizon: 1800 });
    const full = transientErlangA({ arrivalRate: lambda, servers: c, serviceRate: 1 / aht, abandonRate: 1 / patience, initial: c + waits.length, horizon: 1800 });
    expect(full.abandonments - empty.abandonments).toBeGreaterThan(10);
  });
});
