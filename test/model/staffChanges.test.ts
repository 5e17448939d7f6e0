import { describe, expect, it } from 'vitest';
import { TypeMeasure, TYPE_MEASURES } from '../../src/experiment/index.js';
import { story, voiceDay } from '../support/story.js';

describe('ContactCenter staff changes (event-log stories, constant times)', () => {
  it('a cut with every agent busy is owed: the first agent to finish leaves instead of taking the waiting call', () => {
    // 2 agents, then 1 from t=60. Calls at 10 and 20 (100 s each), a third at 70 must wait for
    // agent a1 (free at 120), because a0 finishing at 110 goes home.
    const { lines } = story(voiceDay({ staff: [2, 1], intervals: 2, handle: 100 }), { calls: [10, 20, 70] });
    expect(lines).toEqual([
      '0 staff team =2',
      '0 interval =0',
      '10 arrive c0',
      '10 queue c0',
      '10 answer c0 a0 team w0',
      '20 arrive c1',
      '20 queue c1',
      '20 answer c1 a1 team w0',
      '60 interval =1',
      '70 arrive c2',
      '70 queue c2',
      '110 end c0 a0',
      '110 staff team =1',
      '120 interval =2',
      '120 end c1 a1',
      '120 answer c2 a1 team w50',
      '220 end c2 a1',
    ]);
  });

  it('a rise first cancels what is owed: the busy agent stays and no new agent joins', () => {
    // 2 -> 1 at t=60 (owed, both busy until 160/170), back to 2 at t=120: still 2 present, so the
    // call at 130 waits until 160 instead of going to a newcomer.
    const { lines } = story(voiceDay({ staff: [2, 1, 2], intervals: 3, handle: 150 }), { calls: [10, 20, 130] });
    expect(lines.filter((l) => !l.includes('interval'))).toEqual([
      '0 staff team =2',
      '10 arrive c0',
      '10 queue c0',
      '10 answer c0 a0 team w0',
      '20 arrive c1',
      '20 queue c1',
      '20 answer c1 a1 team w0',
      '130 arrive c2',
      '130 queue c2',
      '160 end c0 a0',
      '160 answer c2 a0 team w30',
      '170 end c1 a1',
      '310 end c2 a0',
    ]);
  });

  it('idle agents leave at once on a cut, longest-idle first, and newcomers are free at once', () => {
    // 3 agents idle since 0. a0 serves 5..35; a1 (idle since 0, before a2 in join order) serves
    // 55..85. The cut to 1 at t=60 sends home the idle a2 (idle since 0) and a0 (since 35), in
    // that order. At t=120 two newcomers join and the first takes the call waiting since 101.
    const { lines } = story(voiceDay({ staff: [3, 1, 3], intervals: 3, handle: 30 }), { calls: [5, 55, 100, 101] });
    expect(lines.filter((l) => !l.includes('interval'))).toEqual([
      '0 staff team =3',
      '5 arrive c0',
      '5 queue c0',
      '5 answer c0 a0 team w0',
      '35 end c0 a0',
      '55 arrive c0',
      '55 queue c0',
      '55 answer c0 a1 team w0',
      '60 staff team =1',
      '85 end c0 a1',
      '100 arrive c0',
      '100 queue c0',
      '100 answer c0 a1 team w0',
      '101 arrive c1',
      '101 queue c1',
      '120 answer c1 a2 team w19',
      '120 staff team =3',
      '130 end c0 a1',
      '150 end c1 a2',
    ]);
  });
});

describe('ContactCenter end of day and warm-up', () => {
  it('contacts no last-interval agent can serve are unresolved at the end of the last interval', () => {
    const { lines, result } = story(voiceDay({ staff: [1, 0], intervals: 2, handle: 100 }), { calls: [10, 20, 30] });
    expect(lines.filter((l) => !l.includes('interval'))).toEqual([
      '0 staff team =1',
      '10 arrive c0',
      '10 queue c0',
      '10 answer c0 a0 team w0',
      '20 arrive c1',
      '20 queue c1',
      '30 arrive c2',
      '30 queue c2',
      '110 end c0 a0',
      '110 staff team =0',
      '120 unresolved c1 w100',
      '120 unresolved c2 w90',
    ]);
    const t = result.types;
    expect(t[TypeMeasure.arrivals]).toBe(3);
    expect(t[TypeMeasure.answered]).toBe(1);
    expect(t[TypeMeasure.unresolved]).toBe(2);
  });

  it('contacts still waiting 24 h after the end are unresolved; the last staff keeps serving until then', () => {
    // One agent, calls of 10 h each, day of 1 minute: the last staff (1 agent) keeps serving.
    const handle = 36_000;
    const { result, lines } = story(voiceDay({ staff: 1, intervals: 1, handle }), { calls: [1, 2, 3, 4] });
    // Starts at 1, 36001, 72001, 108001; the end is at 60, deadline at 86460: the fourth call is unresolved.
    expect(lines.filter((l) => l.includes('answer')).map((l) => l.split(' ')[0])).toEqual(['1', '36001', '72001']);
    expect(lines.filter((l) => l.includes('unresolved'))).toEqual(['86460 unresolved c3 w86456']);
    expect(result.types[TypeMeasure.answered]).toBe(3);
    expect(result.types[TypeMeasure.unresolved]).toBe(1);
  });

  it('warm-up contacts are served but in no contact KPI; warm-up agent time is not in occupancy', () => {
    // Warm-up of 1 min: a call at 30 (warm-up) and at 70 (interval 0), each 20 s.
    const { result } = story(voiceDay({ staff: 1, intervals: 1, handle: 20, warmupMinutes: 1 }), { calls: [30, 70] });
    expect(result.types[TypeMeasure.arrivals]).toBe(1);
    expect(result.types[TypeMeasure.answered]).toBe(1);
    // Busy 20 s of the 60 s staffed in interval 0.
    expect(result.groups[0]).toBe(20);
    expect(result.groups[1]).toBe(60);
    expect(TYPE_MEASURES).toBeGreaterThan(TypeMeasure.queueArea);
  });

  it('abandonment: a caller whose patience runs out leaves the queue and is counted abandoned', () => {
    const { lines, result } = story(voiceDay({ staff: 1, intervals: 1, handle: 30, patience: 10 }), { calls: [1, 2, 25] });
    expect(lines.filter((l) => !l.includes('interval') && !l.includes('staff'))).toEqual([
      '1 arrive c0',
      '1 queue c0',
      '1 answer c0 a0 team w0',
      '2 arrive c1',
      '2 queue c1',
      '12 abandon c1 w10',
      '25 arrive c2',
      '25 queue c2',
      '31 end c0 a0',
      '31 answer c2 a0 team w6',
      '61 end c2 a0',
    ]);
    expect(result.types[TypeMeasure.abandoned]).toBe(1);
    expect(result.types[TypeMeasure.waitAbandoned]).toBe(10);
  });
});
