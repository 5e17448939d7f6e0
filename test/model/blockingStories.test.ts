import { describe, expect, it } from 'vitest';
import { TYPE_MEASURES, TypeMeasure } from '../../src/experiment/index.js';
import type { ScenarioInput } from '../../src/scenario/index.js';
import { quiet, story } from '../support/story.js';

const sl = { seconds: 20, target: 0.8 };
const constant = (value: number) => ({ dist: 'constant' as const, value });
const day = (extra: Partial<ScenarioInput>, type: Record<string, unknown> = {}, staff = 1): ScenarioInput => ({
  name: 'lines',
  intervalMinutes: 5,
  intervals: 1,
  contactTypes: [{ id: 'calls', channel: 'voice', volume: 1, serviceLevel: sl, handleTime: constant(100), ...type }],
  agentGroups: [{ id: 'team', skills: ['calls'], staff }],
  ...extra,
});

describe('phone lines and queue caps (event-log stories, constant times)', () => {
  it('a caller who finds every line taken is blocked and never offered; a line frees when a call ends', () => {
    const { lines, result } = story(day({ lines: 2 }), { calls: [1, 2, 3, 102] });
    expect(quiet(lines)).toEqual([
      '1 arrive c0',
      '1 queue c0',
      '1 answer c0 a0 team w0',
      '2 arrive c1',
      '2 queue c1',
      '3 arrive c2',
      '3 blocked c2', // c0 talking, c1 waiting: both lines taken
      '101 end c0 a0',
      '101 answer c1 a0 team w99',
      '102 arrive c0',
      '102 queue c0', // c0's line came back at 101
      '201 end c1 a0',
      '201 answer c0 a0 team w99',
      '301 end c0 a0',
    ]);
    const t = result.types;
    expect([t[TypeMeasure.arrivals], t[TypeMeasure.offered], t[TypeMeasure.blocked], t[TypeMeasure.answered]]).toEqual([4, 3, 1, 3]);
  });

  it('a line is held in the bot and released when the bot contains the caller', () => {
    const bot = { share: 1, containment: 1, duration: constant(30) };
    const { lines } = story(day({ lines: 1 }, { bot }), { calls: [1, 10, 40] });
    expect(quiet(lines)).toEqual(['1 arrive c0', '1 bot c0', '10 arrive c1', '10 blocked c1', '31 contained c0', '40 arrive c0', '40 bot c0', '70 contained c0']);
  });

  it('with maxQueue an arrival no agent takes is blocked once that many of its type wait; maxQueue 0 still answers at once', () => {
    const capped = story(day({}, { maxQueue: 1 }), { calls: [1, 2, 3] });
    expect(quiet(capped.lines).slice(0, 6)).toEqual(['1 arrive c0', '1 queue c0', '1 answer c0 a0 team w0', '2 arrive c1', '2 queue c1', '3 arrive c2']);
    expect(quiet(capped.lines)[6]).toBe('3 blocked c2');
    expect(capped.result.types[TypeMeasure.offered]).toBe(2);
    const noWait = story(day({}, { maxQueue: 0 }, 2), { calls: [1, 2, 3] });
    expect(quiet(noWait.lines)).toEqual([
      '1 arrive c0',
      '1 queue c0',
      '1 answer c0 a0 team w0',
      '2 arrive c1',
      '2 queue c1',
      '2 answer c1 a1 team w0',
      '3 arrive c2',
      '3 blocked c2', // Erlang B: no agent free, no waiting room
      '101 end c0 a0',
      '102 end c1 a1',
    ]);
  });

  it('a blocked caller with a retrial rule tries again after the delay, and may be blocked again', () => {
    const { lines, result } = story(day({ lines: 1 }, { retrial: { probability: 1, delay: constant(60) } }), { calls: [1, 2] });
    expect(quiet(lines)).toEqual([
      '1 arrive c0',
      '1 queue c0',
      '1 answer c0 a0 team w0',
      '2 arrive c1',
      '2 blocked c1',
      '62 retry c2', // a fresh record (c1 is freed once its retrial is set up)
      '62 blocked c2', // c0 still talking until 101
      '101 end c0 a0',
      '122 retry c1',
      '122 queue c1',
      '122 answer c1 a0 team w0',
      '222 end c1 a0',
    ]);
    const t = result.types;
    expect([t[TypeMeasure.arrivals], t[TypeMeasure.retrials], t[TypeMeasure.blocked], t[TypeMeasure.answered]]).toEqual([2, 2, 2, 2]);
  });

  it('lines count voice only: an email never takes or waits for a line', () => {
    const s = day({ lines: 1 });
    s.contactTypes.push({ id: 'mail', channel: 'email', volume: 1, serviceLevel: sl, handleTime: constant(100) });
    s.agentGroups[0]!.skills = ['calls', 'mail'];
    const { lines } = story(s, { calls: [1, 3], mail: [2] });
    expect(quiet(lines).slice(0, 6)).toEqual(['1 arrive c0', '1 queue c0', '1 answer c0 a0 team w0', '2 arrive c1', '2 queue c1', '3 arrive c2']);
    expect(quiet(lines)[6]).toBe('3 blocked c2');
  });
});

describe('closing the queues (closeQueueAt)', () => {
  it('"end": callers still waiting at the end of the last interval are disconnected, and so is anyone joining after it', () => {
    const bot = { share: 1, containment: 0, duration: constant(20) };
    const s = day({ closeQueueAt: ['end'] }, { handleTime: constant(200) });
    s.contactTypes.push({ id: 'late', channel: 'voice', volume: 1, serviceLevel: sl, handleTime: constant(10), bot });
    s.agentGroups[0]!.skills = ['calls', 'late'];
    const { lines, result } = story(s, { calls: [1, 2, 3], late: [290] });
    expect(quiet(lines)).toEqual([
      '1 arrive c0',
      '1 queue c0',
      '1 answer c0 a0 team w0',
      '2 arrive c1',
      '2 queue c1',
      '3 arrive c2',
      '3 queue c2',
      '201 end c0 a0',
      '201 answer c1 a0 team w199',
      '290 arrive c0',
      '290 bot c0',
      '300 disconnected c2 w297',
      '310 queue c0', // escalated from the bot after the close
      '310 disconnected c0 w0',
      '401 end c1 a0',
    ]);
    // Type tables: calls then late, one interval each.
    expect(result.types[TypeMeasure.disconnected]).toBe(1);
    expect(result.types[TYPE_MEASURES + TypeMeasure.disconnected]).toBe(1);
    expect(result.types[TypeMeasure.unresolved]).toBe(0);
  });

  it('"HH:MM" clears the queues at that clock time each day; the queue then fills again', () => {
    const s = day({ start: '08:00', intervals: 2, closeQueueAt: ['08:03'] }, { handleTime: constant(400) });
    const { lines, result } = story(s, { calls: [1, 2, 200] });
    expect(quiet(lines)).toEqual([
      '1 arrive c0',
      '1 queue c0',
      '1 answer c0 a0 team w0',
      '2 arrive c1',
      '2 queue c1',
      '180 disconnected c1 w178',
      '200 arrive c1',
      '200 queue c1',
      '401 end c0 a0',
      '401 answer c1 a0 team w201',
      '801 end c1 a0',
    ]);
    expect(result.types[TypeMeasure.disconnected]).toBe(1);
  });
});
