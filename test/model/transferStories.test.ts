import { describe, expect, it } from 'vitest';
import { buildModel, GROUP_MEASURES, GroupMeasure, runReplication, teeObserver, TraceRecorder, TYPE_MEASURES, TypeMeasure } from '../../src/experiment/index.js';
import { scriptedArrivals, type ContactCenterObserver } from '../../src/model/index.js';
import { parseScenario, type ScenarioInput } from '../../src/scenario/index.js';
import { line } from '../support/story.js';

const sl = { seconds: 20, target: 0.8 };
const constant = (value: number) => ({ dist: 'constant' as const, value });
const quiet = (lines: string[]) => lines.filter((l) => !l.includes('interval') && !l.includes('staff'));

/**
 * Two voice types with constant times: `sales` (handle 100, wrap-up 10) served by group `front`
 * (one agent, a0), transferred to `care` (handle 50) served by group `back` (one agent, a1).
 */
function day(transfer: Record<string, unknown>, sales: Record<string, unknown> = {}, care: Record<string, unknown> = {}, intervals = 1): ScenarioInput {
  const scenario: Record<string, unknown> = {
    name: 'transfers',
    intervalMinutes: 5,
    intervals,
    contactTypes: [
      { id: 'sales', channel: 'voice', volume: 1, serviceLevel: sl, handleTime: constant(100), wrapUp: constant(10), transfer, ...sales },
      { id: 'care', channel: 'voice', volume: 1, serviceLevel: sl, handleTime: constant(50), ...care },
    ],
    agentGroups: [
      { id: 'front', skills: ['sales'], staff: 1 },
      { id: 'back', skills: ['care'], staff: 1 },
    ],
  };
  return scenario as ScenarioInput;
}

/** One replication with scripted arrivals: its event lines, the busy agents of each group over time, and its tables. */
function run(scenario: ScenarioInput, arrivals: Record<string, number[]>) {
  const config = buildModel(parseScenario(scenario));
  const trace = new TraceRecorder(config);
  const busy: string[] = [];
  const last = new Int32Array(config.groups.length).fill(-1);
  const levels: Partial<ContactCenterObserver> = {
    groupLevels(group, time, _present, nowBusy) {
      if (last[group] === nowBusy) return;
      last[group] = nowBusy;
      busy.push(`${time} ${config.groups[group]!.id}=${nowBusy}`);
    },
  };
  const noop = () => {};
  const observer = new Proxy(levels, { get: (target, key) => (target as Record<PropertyKey, unknown>)[key] ?? noop }) as ContactCenterObserver;
  const result = runReplication(config, 1, 0, { observer: teeObserver(trace, observer), arrivals: scriptedArrivals(arrivals) });
  const intervals = config.intervals;
  const type = (t: number, m: number, i = 0) => result.types[(t * intervals + i) * TYPE_MEASURES + m]!;
  const groupBusy = (g: number) => {
    let sum = 0;
    for (let i = 0; i < intervals; i++) sum += result.groups[(g * intervals + i) * GROUP_MEASURES + GroupMeasure.busy]!;
    return sum;
  };
  return { lines: quiet(trace.events.map(line)), busy, type, groupBusy };
}

describe('transfers (event-log stories, constant times)', () => {
  it('a cold transfer: the first agent ends and wraps up as usual; the caller joins the other queue as that type', () => {
    const { lines, type } = run(day({ probability: 1, to: 'care' }), { sales: [1, 20] });
    expect(lines).toEqual([
      '1 arrive c0',
      '1 queue c0',
      '1 answer c0 a0 front w0',
      '20 arrive c1',
      '20 queue c1',
      '101 end c0 a0',
      '101 transfer c0 a0', // the same record: c0 keeps its line, arrival time and interval
      '101 queue c0',
      '101 answer c0 a1 back w0', // wait counted from joining care's queue; care's handle time 50
      '111 answer c1 a0 front w91', // a0 took its 10 s of wrap-up first
      '151 end c0 a1',
      '211 end c1 a0',
      '211 transfer c1 a0',
      '211 queue c1',
      '211 answer c1 a1 back w0',
      '261 end c1 a1',
    ]);
    // Counted once in arrivals (sales); care counts them in transfers and offered, then answered.
    const SALES = 0;
    const CARE = 1;
    expect([type(SALES, TypeMeasure.arrivals), type(SALES, TypeMeasure.offered), type(SALES, TypeMeasure.answered), type(SALES, TypeMeasure.transfers)]).toEqual([2, 2, 2, 0]);
    expect([type(CARE, TypeMeasure.arrivals), type(CARE, TypeMeasure.transfers), type(CARE, TypeMeasure.offered), type(CARE, TypeMeasure.answered)]).toEqual([0, 2, 2, 2]);
  });

  it('a transferred contact keeps the interval of its first arrival, and takes `handleTime` when the transfer gives one', () => {
    const scenario = { ...day({ probability: 1, to: 'care', handleTime: constant(70) }, {}, {}, 2), intervalMinutes: 1 };
    const { lines, type } = run(scenario, { sales: [1] });
    expect(lines).toEqual(['1 arrive c0', '1 queue c0', '1 answer c0 a0 front w0', '101 end c0 a0', '101 transfer c0 a0', '101 queue c0', '101 answer c0 a1 back w0', '171 end c0 a1']);
    // Transferred at 101 s (interval 1 by the clock) but attributed to interval 0, where it arrived.
    expect([type(1, TypeMeasure.transfers, 0), type(1, TypeMeasure.offered, 0), type(1, TypeMeasure.transfers, 1)]).toEqual([1, 1, 0]);
  });

  it('the first type\'s repeat rule does not apply to a transferred caller; the type that finally serves it does', () => {
    const always = { probability: 1, delay: constant(30) };
    const first = run({ ...day({ probability: 1, to: 'care' }, { repeat: always }), intervalMinutes: 4 }, { sales: [1] });
    expect(first.lines.filter((l) => l.includes('repeat'))).toEqual([]);
    const last = run({ ...day({ probability: 1, to: 'care' }, {}, { repeat: always }), intervalMinutes: 4 }, { sales: [1] });
    // care's repeat: 30 s after care's agent ends at 151, a new care contact (the next would come
    // after the end of the day, 240 s).
    expect(last.lines.slice(7, 9)).toEqual(['151 end c0 a1', '181 repeat c0']);
    expect(last.type(1, TypeMeasure.repeats)).toBe(1);
  });

  it('probability 0 never transfers', () => {
    const { lines } = run(day({ probability: 0, to: 'care' }), { sales: [1] });
    expect(lines).toEqual(['1 arrive c0', '1 queue c0', '1 answer c0 a0 front w0', '101 end c0 a0']);
  });
});

describe('conferences (warm transfers)', () => {
  it('the first agent stays on the call while the caller waits and for conferenceSeconds after the answer: both agents busy', () => {
    const { lines, busy, groupBusy } = run(day({ probability: 1, to: 'care', conferenceSeconds: 30 }), { sales: [1, 50] });
    expect(lines).toEqual([
      '1 arrive c0',
      '1 queue c0',
      '1 answer c0 a0 front w0',
      '50 arrive c1',
      '50 queue c1',
      '101 end c0 a0',
      '101 transfer c0 a0',
      '101 queue c0',
      '101 answer c0 a1 back w0',
      '141 answer c1 a0 front w91', // a0 in conference until 131, then its 10 s of wrap-up
      '151 end c0 a1',
      '241 end c1 a0',
      '241 transfer c1 a0',
      '241 queue c1',
      '241 answer c1 a1 back w0',
      '291 end c1 a1',
    ]);
    expect(busy).toEqual(['0 front=0', '0 back=0', '1 front=1', '101 back=1', '151 back=0', '241 back=1', '281 front=0', '291 back=0']);
    // front: [1, 141) and [141, 281), conference and wrap-up included; back: two calls of 50 s.
    expect([groupBusy(0), groupBusy(1)]).toEqual([280, 100]);
  });

  it('the first agent waits with the caller in the other queue and is released when the caller abandons', () => {
    const scenario = day({ probability: 1, to: 'care', conferenceSeconds: 30 }, {}, { handleTime: constant(100), patience: constant(40) });
    const { lines, busy } = run(scenario, { sales: [1, 120], care: [60] });
    expect(lines).toEqual([
      '1 arrive c0',
      '1 queue c0',
      '1 answer c0 a0 front w0',
      '60 arrive c1',
      '60 queue c1',
      '60 answer c1 a1 back w0',
      '101 end c0 a0',
      '101 transfer c0 a0',
      '101 queue c0', // a1 busy until 160: c0 waits with a0 on the line
      '120 arrive c2',
      '120 queue c2',
      '141 abandon c0 w40', // care's patience (40 s), drawn at the transfer
      '151 answer c2 a0 front w31', // a0 released at 141, then its 10 s of wrap-up
      '160 end c1 a1',
      '251 end c2 a0',
      '251 transfer c2 a0',
      '251 queue c2',
      '251 answer c2 a1 back w0',
      '351 end c2 a1',
    ]);
    // a0 busy from 1 without a break (c0, the wait with it, wrap-up, c2) until c2's conference and wrap-up end.
    expect(busy.filter((b) => b.includes('front'))).toEqual(['0 front=0', '1 front=1', '291 front=0']);
  });

  it('with lines, the transferred caller keeps its line through the other queue until it leaves', () => {
    // One line: care's own caller at 110 is blocked while the transferred caller holds it.
    const scenario = { ...day({ probability: 1, to: 'care' }, { wrapUp: undefined }), lines: 1 };
    const { lines } = run(scenario, { sales: [1], care: [110, 160] });
    expect(lines).toEqual([
      '1 arrive c0',
      '1 queue c0',
      '1 answer c0 a0 front w0',
      '101 end c0 a0',
      '101 transfer c0 a0',
      '101 queue c0',
      '101 answer c0 a1 back w0',
      '110 arrive c1',
      '110 blocked c1',
      '151 end c0 a1',
      '160 arrive c0',
      '160 queue c0',
      '160 answer c0 a1 back w0',
      '210 end c0 a1',
    ]);
  });
});
