import { describe, expect, it } from 'vitest';
import { GROUP_MEASURES, GroupMeasure, TypeMeasure } from '../../src/experiment/index.js';
import type { ScenarioInput } from '../../src/scenario/index.js';
import { story } from '../support/story.js';

const sl = { seconds: 20, target: 0.8 };
const constant = (value: number) => ({ dist: 'constant' as const, value });
const voice = (id: string, handle: number, extra: Record<string, unknown> = {}) => ({
  id, channel: 'voice' as const, volume: 1, handleTime: constant(handle), serviceLevel: sl, ...extra,
});
const day = (contactTypes: ScenarioInput['contactTypes'], agentGroups: ScenarioInput['agentGroups']): ScenarioInput => ({
  name: 'routing', intervalMinutes: 5, intervals: 1, contactTypes, agentGroups,
});
const quiet = (lines: string[]) => lines.filter((l) => !l.includes('interval') && !l.includes('staff'));

describe('priorities (event-log stories, constant times)', () => {
  it('a freed agent takes the highest-priority waiting type first, even if a lower one waited longer', () => {
    const scenario = day([voice('std', 10), voice('vip', 10, { priority: 1 })], [{ id: 'team', skills: ['std', 'vip'], staff: 1 }]);
    const { lines } = story(scenario, { std: [1, 2], vip: [3] });
    expect(lines.filter((l) => l.includes('answer'))).toEqual([
      '1 answer c0 a0 team w0',
      '11 answer c2 a0 team w8', // vip (arrived 3) before std (arrived 2)
      '21 answer c1 a0 team w19',
    ]);
  });

  it('without priorities the same arrivals are served first come, first served', () => {
    const scenario = day([voice('std', 10), voice('vip', 10)], [{ id: 'team', skills: ['std', 'vip'], staff: 1 }]);
    const { lines } = story(scenario, { std: [1, 2], vip: [3] });
    expect(lines.filter((l) => l.includes('answer')).map((l) => l.split(' ')[2])).toEqual(['c0', 'c1', 'c2']);
  });

  it('a skill priority outranks contact-type priority for that group', () => {
    const scenario = day(
      [voice('a', 10, { priority: 5 }), voice('b', 10)],
      [{ id: 'team', skills: [{ type: 'a' }, { type: 'b', priority: 1 }], staff: 1 }],
    );
    const { lines } = story(scenario, { a: [1, 2], b: [3] });
    expect(lines.filter((l) => l.includes('answer')).map((l) => l.split(' ').slice(0, 3).join(' '))).toEqual(['1 answer c0', '11 answer c2', '21 answer c1']);
  });
});

describe('overflow after afterSeconds (event-log story)', () => {
  it('the backup group never takes a contact before it has waited afterSeconds, even when idle', () => {
    // primary serves calls at once; backup serves sales at once and calls after 30 s of waiting.
    const scenario = day(
      [voice('calls', 100), voice('sales', 20)],
      [
        { id: 'primary', skills: ['calls'], staff: 1 },
        { id: 'backup', skills: ['sales', { type: 'calls', afterSeconds: 30 }], staff: 1 },
      ],
    );
    const { lines, trace } = story(scenario, { calls: [10, 20, 22], sales: [5] });
    expect(quiet(lines)).toEqual([
      '5 arrive c0',
      '5 queue c0',
      '5 answer c0 a1 backup w0',
      '10 arrive c1',
      '10 queue c1',
      '10 answer c1 a0 primary w0',
      '20 arrive c2',
      '20 queue c2',
      '22 arrive c3',
      '22 queue c3',
      '25 end c0 a1', // backup is idle from 25 but calls c2 has waited only 5 s
      '50 answer c2 a1 backup w30', // c2 reaches 30 s: overflow
      '110 end c1 a0',
      '110 answer c3 a0 primary w88', // c3's overflow at 52 found backup busy
      '150 end c2 a1',
      '210 end c3 a0',
    ]);
    for (const e of trace) if (e.kind === 'answer' && e.group === 'backup' && e.type === 'calls') expect(e.wait!).toBeGreaterThanOrEqual(30);
  });

  it('a contact that has waited out the delay is taken by a backup agent freeing up later', () => {
    const scenario = day(
      [voice('calls', 100), voice('sales', 60)],
      [
        { id: 'primary', skills: ['calls'], staff: 1 },
        { id: 'backup', skills: ['sales', { type: 'calls', afterSeconds: 30 }], staff: 1 },
      ],
    );
    const { lines } = story(scenario, { calls: [10, 20], sales: [5] });
    // backup busy with sales until 65; calls c2 passed 30 s at 50 and goes to backup at 65.
    expect(lines.filter((l) => l.includes('answer'))).toEqual(['5 answer c0 a1 backup w0', '10 answer c1 a0 primary w0', '65 answer c2 a1 backup w45']);
  });
});

describe('proficiency and chat concurrency factors (event-log stories)', () => {
  it('handleTimeFactor 1.5 makes the group take 1.5x the handle time; another group takes 1x', () => {
    const scenario = day(
      [voice('calls', 100)],
      [
        { id: 'expert', skills: ['calls'], staff: 1 },
        { id: 'novice', skills: [{ type: 'calls', handleTimeFactor: 1.5 }], staff: 1 },
      ],
    );
    const { lines, trace, result } = story(scenario, { calls: [10, 20] });
    expect(lines.filter((l) => l.includes('end'))).toEqual(['110 end c0 a0', '170 end c1 a1']);
    expect(trace.filter((e) => e.kind === 'answer').map((e) => e.work)).toEqual([100, 150]);
    expect(result.groups[GroupMeasure.busy]).toBe(100);
    expect(result.groups[GROUP_MEASURES + GroupMeasure.busy]).toBe(150);
    expect(result.types[TypeMeasure.work]).toBe(250); // the workHours KPI's numerator, seconds
  });

  it('a chat started while its agent holds k chats takes f_k x its handle time (last factor beyond the list)', () => {
    const scenario = day(
      [{ id: 'web', channel: 'chat', volume: 1, handleTime: constant(100), serviceLevel: sl, concurrencyFactor: [1, 1.5] }],
      [{ id: 'team', skills: ['web'], staff: 1, concurrency: 3 }],
    );
    const { trace } = story(scenario, { web: [0, 10, 20] });
    expect(trace.filter((e) => e.kind === 'end').map((e) => e.t)).toEqual([100, 160, 170]);
  });

  it('an escalated bot contact takes the bot\'s escalatedHandleTime', () => {
    const scenario = day(
      [voice('calls', 100, { bot: { share: 1, containment: 0, duration: constant(5), escalatedHandleTime: constant(300) } })],
      [{ id: 'team', skills: ['calls'], staff: 1 }],
    );
    const { lines, result } = story(scenario, { calls: [10] });
    expect(quiet(lines)).toEqual(['10 arrive c0', '10 bot c0', '15 queue c0', '15 answer c0 a0 team w0', '315 end c0 a0']);
    expect(result.types[TypeMeasure.offered]).toBe(1);
    // One answered wait of exactly 0 s: bin 0 of cell (type 0, interval 0), once.
    expect([...result.waitBins]).toEqual([0]);
    expect([...result.waitCounts]).toEqual([1]);
  });
});
