import { describe, expect, it } from 'vitest';
import { simulateInThread, TypeMeasure } from '../../src/experiment/index.js';
import { parseScenario, type ScenarioInput } from '../../src/scenario/index.js';
import { expectConservation } from '../support/conservation.js';
import { quiet, story } from '../support/story.js';

const sl = { seconds: 20, target: 0.8 };
const constant = (value: number) => ({ dist: 'constant' as const, value });
const exp = (mean: number) => ({ dist: 'exponential' as const, mean });
type Callback = { offerAfterSeconds?: number; offerWhenEwtAbove?: number; acceptance: number; window: number };
const day = (callback: Callback, staff: number | number[] = 1, intervals = 1): ScenarioInput => ({
  name: 'callbacks',
  intervalMinutes: 5,
  intervals,
  contactTypes: [{ id: 'calls', channel: 'voice', volume: 1, serviceLevel: sl, handleTime: constant(100), callback }],
  agentGroups: [{ id: 'team', skills: ['calls'], staff }],
});

describe('callbacks (virtual hold): event-log stories, constant times', () => {
  it('a caller offered a callback after offerAfterSeconds accepts, leaves the queue, and is called back when the agent frees up', () => {
    const { lines, result } = story(day({ offerAfterSeconds: 10, acceptance: 1, window: 1000 }), { calls: [1, 2] });
    expect(quiet(lines)).toEqual([
      '1 arrive c0',
      '1 queue c0',
      '1 answer c0 a0 team w0',
      '2 arrive c1',
      '2 queue c1',
      '12 callback-accepted c1 w10',
      '101 end c0 a0',
      '101 callback c2 a0 team w89', // 89 s after acceptance
      '201 end c2 a0',
    ]);
    const t = result.types;
    expect([t[TypeMeasure.callbacksOffered], t[TypeMeasure.callbacksAccepted], t[TypeMeasure.callbacksMade]]).toEqual([1, 1, 1]);
    // The callback counts in answered but not in the live waits or service level.
    expect([t[TypeMeasure.answered], t[TypeMeasure.answeredInTime], t[TypeMeasure.waitAnswered], t[TypeMeasure.abandoned]]).toEqual([2, 1, 0, 0]);
  });

  it('a live caller goes before a pending callback; a callback whose window has passed goes before live callers', () => {
    const live = story(day({ offerAfterSeconds: 10, acceptance: 1, window: 1000 }), { calls: [1, 2, 95] });
    expect(quiet(live.lines).filter((l) => /answer|callback /.test(l))).toEqual([
      '1 answer c0 a0 team w0',
      '101 answer c3 a0 team w6', // the caller of 95 (waited 6 s, not yet offered)
      '201 callback c2 a0 team w189',
    ]);
    const due = story(day({ offerAfterSeconds: 10, acceptance: 1, window: 50 }), { calls: [1, 2, 95] });
    expect(quiet(due.lines).filter((l) => /answer|callback /.test(l))).toEqual([
      '1 answer c0 a0 team w0',
      '101 callback c2 a0 team w89', // due since 62
      '201 callback c0 a0 team w96', // the caller of 95 accepted at 105 in turn
    ]);
    expect(due.result.types[TypeMeasure.callbacksInWindow]).toBe(0);
    expect(live.result.types[TypeMeasure.callbacksInWindow]).toBe(1);
  });

  it('offerWhenEwtAbove offers on joining when position x mean handle time / agents present exceeds the threshold', () => {
    // 2 agents, handle 100: the first waiting caller hears 1 x 100 / 2 = 50 s, the second 100 s.
    const { lines } = story(day({ offerWhenEwtAbove: 60, acceptance: 0.999999, window: 1000 }, 2), { calls: [1, 2, 3, 4] });
    // At 101 the first agent frees and takes the live caller of 3; at 102 the second calls back.
    expect(quiet(lines).filter((l) => l.includes('callback'))).toEqual(['4 callback-accepted c3 w0', '102 callback c4 a1 team w98']);
  });

  it('a declined offer leaves the caller waiting; callbacks pending when no agent is left are unresolved', () => {
    const declined = story(day({ offerAfterSeconds: 10, acceptance: 1e-9, window: 1000 }), { calls: [1, 2] });
    expect(quiet(declined.lines)).toContain('12 callback-declined c1 w10');
    expect(quiet(declined.lines)).toContain('101 answer c1 a0 team w99');
    // Staff 1 then 0: the agent takes the caller of 250 and goes home at 350; the callback
    // accepted at 261 is still pending at the end of the day (600), with no agent left.
    const stranded = story(day({ offerAfterSeconds: 10, acceptance: 1, window: 1000 }, [1, 0], 2), { calls: [250, 251] });
    expect(quiet(stranded.lines)).toContain('261 callback-accepted c1 w10');
    expect(quiet(stranded.lines)).toContain('600 unresolved c2 w339');
    expect(stranded.result.types[TypeMeasure.unresolved]).toBe(1);
  });
});

describe('callbacks in a busy day', () => {
  const busy = (callback: Callback | undefined, lines?: number): ScenarioInput => ({
    name: 'busy',
    intervalMinutes: 60,
    intervals: 6,
    warmupMinutes: 30,
    ...(lines === undefined ? {} : { lines }),
    contactTypes: [
      {
        id: 'calls', channel: 'voice', volume: [300, 400, 450, 400, 300, 200], handleTime: exp(200), patience: exp(150),
        serviceLevel: sl, retrial: { probability: 0.4, delay: exp(300) }, repeat: { probability: 0.1, delay: exp(900) },
        ...(callback === undefined ? {} : { callback }),
      },
    ],
    agentGroups: [{ id: 'team', skills: ['calls'], staff: 24 }],
  });

  it('acceptance 0 gives output byte-identical to no callback field', () => {
    const a = simulateInThread(parseScenario(busy({ offerAfterSeconds: 30, acceptance: 0, window: 600 })), { replications: 4, seed: 3 });
    const b = simulateInThread(parseScenario(busy(undefined)), { replications: 4, seed: 3 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('with acceptance 1 and an offer to everyone who waits, nobody abandons and every callback is made', () => {
    const out = simulateInThread(parseScenario(busy({ offerWhenEwtAbove: 0, acceptance: 1, window: 7200 })), { replications: 10, seed: 3 });
    expect(out.summary.abandoned.mean).toBe(0);
    expect(out.summary.callbacksAccepted!.mean).toBeGreaterThan(100);
    expect(out.summary.callbacksMade!.mean).toBe(out.summary.callbacksAccepted!.mean);
    expect(out.summary.unresolved.mean).toBe(0);
  });

  it('callbacks help the live service level and conserve every contact in every replication', () => {
    const without = simulateInThread(parseScenario(busy(undefined)), { replications: 20, seed: 5 });
    const withCb = simulateInThread(parseScenario(busy({ offerAfterSeconds: 45, acceptance: 0.6, window: 1800 })), { replications: 20, seed: 5 });
    // Not in overload: there callbacks turn abandons into work and may lower the live SL.
    expect(withCb.summary.serviceLevel.mean!).toBeGreaterThan(without.summary.serviceLevel.mean! + 0.01);
    expect(withCb.summary.abandonRate.mean!).toBeLessThan(without.summary.abandonRate.mean!);
    // Lines free up when callers accept: blocking and callbacks interact.
    const sum = expectConservation(parseScenario(busy({ offerAfterSeconds: 45, acceptance: 0.6, window: 1800 }, 30)), 30);
    expect(sum[TypeMeasure.callbacksMade]).toBeGreaterThan(0);
    expect(sum[TypeMeasure.blocked]).toBeGreaterThan(0);
  });
});
