import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/index.js';
import { intervalAt, parseIntradayState, StateError } from '../../src/intraday/state.js';

const scenario = parseScenario({
  name: 'center',
  intervalMinutes: 30,
  intervals: 20,
  start: '08:00',
  warmupMinutes: 30,
  contactTypes: [
    { id: 'calls', channel: 'voice', volume: 100, handleTime: { dist: 'exponential', mean: 200 }, patience: { dist: 'exponential', mean: 120 }, serviceLevel: { seconds: 20, target: 0.8 } },
    { id: 'chat', channel: 'chat', volume: 40, handleTime: { dist: 'lognormal', mean: 600, cv: 0.8 }, serviceLevel: { seconds: 60, target: 0.8 } },
  ],
  agentGroups: [
    { id: 'voice-team', skills: ['calls'], staff: [10, 10, 10, 10, 10, 10, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12] },
    { id: 'chat-team', skills: ['chat'], staff: 3, concurrency: 2 },
  ],
});

/** Every `path: message` line of the StateError `f` throws. */
function problems(f: () => unknown): string[] {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(StateError);
    return (error as StateError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('no StateError');
}

describe('intraday state.json, checked against the scenario', () => {
  it('a valid state: waiting in line longest first, contacts in hand per group and type, staff from the scenario at --now unless given', () => {
    const s = parseIntradayState(scenario, '11:00', {
      waiting: { calls: [12, 95.5, 40], chat: [3] },
      inService: { 'voice-team': { calls: [10, 200] }, 'chat-team': { chat: [60, 120, 5, 30, 300] } },
      staff: { 'chat-team': 3 },
    });
    expect(s.nowInterval).toBe(6);
    expect(s.waiting).toEqual([[95.5, 40, 12], [3]]);
    expect(s.inService).toEqual([[[10, 200], []], [[], [60, 120, 5, 30, 300]]]);
    // 11:00 is interval 6: the voice team's array says 12 there.
    expect(s.staff).toEqual([12, 3]);
    expect(s.plannedStaff).toEqual([12, 3]);
    expect(parseIntradayState(scenario, '08:00', {}).staff).toEqual([10, 3]);
  });

  it('--now must be an interval boundary within the day', () => {
    expect(intervalAt(scenario, '17:30')).toBe(19);
    expect(problems(() => parseIntradayState(scenario, '11:10', {}))).toEqual(['--now: 11:10 is not an interval boundary (intervals of 30 minutes from 08:00)']);
    expect(problems(() => parseIntradayState(scenario, '18:00', {}))).toEqual(["--now: 18:00 is not within the scenario's day (intervals start 08:00 to 17:30)"]);
    expect(problems(() => parseIntradayState(scenario, '7', {}))).toEqual(['--now: must be a clock time HH:MM, got "7"']);
  });

  it('every problem at once, each with its path: bad waits, unknown ids (with a suggestion), a skill the group lacks, too many contacts in hand', () => {
    const found = problems(() =>
      parseIntradayState(scenario, '09:00', {
        waiting: { calls: [10, -4, Number.NaN, '7'], cals: [1] },
        inService: { 'voice-team': { calls: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], chat: [1] }, 'chat-tem': {}, 'chat-team': { chat: [1, 2, 3, 4, 5, 6, 7] } },
        staff: { 'voice-team': 2.5 },
        wating: {},
      }),
    );
    expect(found).toEqual([
      'wating: unknown key (did you mean "waiting"?): a state has waiting, inService and staff',
      'waiting.calls[1]: must be a number of seconds >= 0, got -4',
      'waiting.calls[2]: must be a number of seconds >= 0, got NaN',
      'waiting.calls[3]: must be a number of seconds >= 0, got "7"',
      'waiting.cals: no contact type "cals" in the scenario (did you mean "calls"?)',
      'staff.voice-team: must be a whole number of agents >= 0, got 2.5',
      'inService.voice-team.chat: group voice-team does not have the skill chat',
      "inService.voice-team: 11 contacts in hand need 11 agents, but 10 are present (the scenario's staff at 09:00)",
      'inService.chat-tem: no agent group "chat-tem" in the scenario (did you mean "chat-team"?)',
      "inService.chat-team: 7 contacts in hand need 4 agents (chats 2 to an agent), but 3 are present (the scenario's staff at 09:00)",
    ]);
  });

  it('the staff given in the state is what the contacts in hand are checked against', () => {
    expect(problems(() => parseIntradayState(scenario, '09:00', { inService: { 'voice-team': { calls: [1, 2, 3] } }, staff: { 'voice-team': 2 } }))).toEqual([
      'inService.voice-team: 3 contacts in hand need 3 agents, but 2 are present (staff)',
    ]);
    expect(problems(() => parseIntradayState(scenario, '09:00', []))).toEqual(['(state): must be a JSON object { "waiting", "inService", "staff"? }']);
  });
});
