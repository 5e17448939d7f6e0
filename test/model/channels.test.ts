import { describe, expect, it } from 'vitest';
import { GroupMeasure, TypeMeasure, TYPE_MEASURES } from '../../src/experiment/index.js';
import type { ScenarioInput } from '../../src/scenario/index.js';
import { story } from '../support/story.js';

const sl = { seconds: 20, target: 0.8 };
const constant = (value: number) => ({ dist: 'constant' as const, value });

describe('ContactCenter chat, bot and wrap-up (event-log stories, constant times)', () => {
  it('a blended agent holds up to `concurrency` chats, takes no voice while holding one, and a bot escalation joins the queue after its duration', () => {
    // One agent, concurrency 2, skills [web chat, calls voice]. The call enters the bot at 5 and
    // escalates at 20, but the agent holds a chat from 10 to 130 (a second chat from 30): the
    // call waits until the agent holds none.
    const scenario: ScenarioInput = {
      name: 'blended',
      intervalMinutes: 5,
      intervals: 1,
      contactTypes: [
        { id: 'web', channel: 'chat', volume: 1, handleTime: constant(100), serviceLevel: sl },
        { id: 'calls', channel: 'voice', volume: 1, handleTime: constant(100), serviceLevel: sl,
          bot: { share: 1, containment: 0, duration: constant(15) } },
      ],
      agentGroups: [{ id: 'team', skills: ['web', 'calls'], staff: 1, concurrency: 2 }],
    };
    const { lines, result } = story(scenario, { calls: [5], web: [10, 30] });
    expect(lines.filter((l) => !l.includes('interval') && !l.includes('staff'))).toEqual([
      '5 arrive c0',
      '5 bot c0',
      '10 arrive c1',
      '10 queue c1',
      '10 answer c1 a0 team w0',
      '20 queue c0',
      '30 arrive c2',
      '30 queue c2',
      '30 answer c2 a0 team w0',
      '110 end c1 a0',
      '130 end c2 a0',
      '130 answer c0 a0 team w110',
      '230 end c0 a0',
    ]);
    // The call is offered (escalated) and counted in the interval of its bot entry.
    const calls = result.types.subarray(TYPE_MEASURES, 2 * TYPE_MEASURES);
    expect([calls[TypeMeasure.botEntered], calls[TypeMeasure.offered], calls[TypeMeasure.contained]]).toEqual([1, 1, 0]);
    expect(calls[TypeMeasure.waitAnswered]).toBe(110);
  });

  it('a chat goes to an agent holding no contact first, else to the one holding the fewest chats', () => {
    // Two chat agents (concurrency 3). Chats at 1, 2, 3, 4: a0, a1 (idle), then a0 (1 chat,
    // listed first), then a1 (fewest: 1 vs a0's 2).
    const scenario: ScenarioInput = {
      name: 'spread',
      intervalMinutes: 5,
      intervals: 1,
      contactTypes: [{ id: 'web', channel: 'chat', volume: 1, handleTime: constant(100), serviceLevel: sl }],
      agentGroups: [{ id: 'team', skills: ['web'], staff: 2, concurrency: 3 }],
    };
    const { lines, result } = story(scenario, { web: [1, 2, 3, 4] });
    expect(lines.filter((l) => l.includes('answer'))).toEqual([
      '1 answer c0 a0 team w0',
      '2 answer c1 a1 team w0',
      '3 answer c2 a0 team w0',
      '4 answer c3 a1 team w0',
    ]);
    // Interval of 300 s: both agents busy 1..101 / 2..104 etc.; slots used = 4 chats x 100 s.
    expect(result.groups[GroupMeasure.slotsBusy]).toBe(400);
    expect(result.groups[GroupMeasure.slotsStaffed]).toBe(2 * 3 * 300);
    expect(result.groups[GroupMeasure.busy]).toBe(103 - 1 + 104 - 2);
  });

  it('wrap-up keeps the agent busy after the contact ends: it takes nothing new until it is over', () => {
    const scenario: ScenarioInput = {
      name: 'wrap',
      intervalMinutes: 5,
      intervals: 1,
      contactTypes: [{ id: 'calls', channel: 'voice', volume: 1, handleTime: constant(50), wrapUp: constant(20), serviceLevel: sl }],
      agentGroups: [{ id: 'team', skills: ['calls'], staff: 1 }],
    };
    const { lines, result } = story(scenario, { calls: [10, 20] });
    expect(lines.filter((l) => l.includes('answer') || l.includes('end'))).toEqual([
      '10 answer c0 a0 team w0',
      '60 end c0 a0',
      '80 answer c1 a0 team w60',
      '130 end c1 a0',
    ]);
    expect(result.groups[GroupMeasure.busy]).toBe(140); // 10..80 and 80..150, wrap-up included
  });

  it('a contained bot session leaves after its duration and is counted contained, not offered', () => {
    const scenario: ScenarioInput = {
      name: 'contained',
      intervalMinutes: 5,
      intervals: 1,
      contactTypes: [{ id: 'calls', channel: 'voice', volume: 1, handleTime: constant(50), serviceLevel: sl,
        bot: { share: 1, containment: 1, duration: constant(40) } }],
      agentGroups: [{ id: 'team', skills: ['calls'], staff: 1 }],
    };
    const { lines, result } = story(scenario, { calls: [10] });
    expect(lines.filter((l) => !l.includes('interval') && !l.includes('staff'))).toEqual(['10 arrive c0', '10 bot c0', '50 contained c0']);
    expect(result.types[TypeMeasure.contained]).toBe(1);
    expect(result.types[TypeMeasure.offered]).toBe(0);
  });

  it('email never abandons and a backlog left at the end of the last interval drains', () => {
    const scenario: ScenarioInput = {
      name: 'email',
      intervalMinutes: 60,
      intervals: 2,
      contactTypes: [{ id: 'mail', channel: 'email', volume: 1, handleTime: constant(600), serviceLevel: { seconds: 4 * 3600, target: 0.9 } }],
      agentGroups: [{ id: 'team', skills: ['mail'], staff: [1, 1] }],
    };
    const arrivals = Array.from({ length: 30 }, (_, i) => 100 + i * 200);
    const { result } = story(scenario, { mail: arrivals });
    let answered = 0;
    let arrived = 0;
    for (let i = 0; i < 2; i++) {
      arrived += result.types[i * TYPE_MEASURES + TypeMeasure.arrivals]!;
      answered += result.types[i * TYPE_MEASURES + TypeMeasure.answered]!;
      expect(result.types[i * TYPE_MEASURES + TypeMeasure.abandoned]).toBe(0);
      expect(result.types[i * TYPE_MEASURES + TypeMeasure.unresolved]).toBe(0);
    }
    // 30 emails of 10 min arrive in 2 h for one agent: ~3 h of work, so the last are answered
    // after the end of the day, by the last interval's staff.
    expect(arrived).toBe(30);
    expect(answered).toBe(30);
    expect(result.types[TYPE_MEASURES + TypeMeasure.waitAnswered]).toBeGreaterThan(0);
  });
});
