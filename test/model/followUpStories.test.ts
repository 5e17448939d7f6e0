import { describe, expect, it } from 'vitest';
import { TypeMeasure } from '../../src/experiment/index.js';
import type { ScenarioInput } from '../../src/scenario/index.js';
import { quiet, story } from '../support/story.js';

const sl = { seconds: 20, target: 0.8 };
const constant = (value: number) => ({ dist: 'constant' as const, value });
const oneType = (type: Record<string, unknown>, minutes = 5): ScenarioInput => ({
  name: 'follow-ups',
  intervalMinutes: minutes,
  intervals: 1,
  contactTypes: [{ id: 'calls', channel: 'voice', volume: 1, serviceLevel: sl, handleTime: constant(100), ...type }],
  agentGroups: [{ id: 'team', skills: ['calls'], staff: 1 }],
});

describe('retrials and repeats (event-log stories, constant times)', () => {
  it('an abandoned caller tries again after the retrial delay, with fresh patience, until answered', () => {
    const { lines, result } = story(oneType({ patience: constant(10), retrial: { probability: 1, delay: constant(50) } }), { calls: [1, 2] });
    expect(quiet(lines)).toEqual([
      '1 arrive c0',
      '1 queue c0',
      '1 answer c0 a0 team w0',
      '2 arrive c1',
      '2 queue c1',
      '12 abandon c1 w10',
      '62 retry c2',
      '62 queue c2',
      '72 abandon c2 w10',
      '101 end c0 a0',
      '122 retry c3', // a fresh record: c1 and c2 are still in the queue, Gone
      '122 queue c3',
      '122 answer c3 a0 team w0',
      '222 end c3 a0',
    ]);
    const t = result.types;
    expect([t[TypeMeasure.arrivals], t[TypeMeasure.retrials], t[TypeMeasure.offered]]).toEqual([2, 2, 4]);
    expect([t[TypeMeasure.answered], t[TypeMeasure.abandoned]]).toEqual([2, 2]);
  });

  it('a retrial due at or after the end of the last interval does not happen', () => {
    const type = { handleTime: constant(400), patience: constant(10), retrial: { probability: 1, delay: constant(250) } };
    const { lines, result } = story(oneType(type), { calls: [1, 2] });
    // Abandons at 12, retries at 262 (< 300) and abandons at 272; 522 would be after the end.
    expect(lines.filter((l) => l.includes('retry') || l.includes('abandon'))).toEqual(['12 abandon c1 w10', '262 retry c2', '272 abandon c2 w10']);
    expect([result.types[TypeMeasure.retrials], result.types[TypeMeasure.abandoned], result.types[TypeMeasure.answered]]).toEqual([1, 2, 1]);
  });

  it('an unresolved customer contacts again after the repeat delay, as a new contact with its own handle time', () => {
    const { lines, result } = story(oneType({ handleTime: constant(10), repeat: { probability: 1, delay: constant(30) } }, 1), { calls: [1] });
    expect(quiet(lines)).toEqual([
      '1 arrive c0',
      '1 queue c0',
      '1 answer c0 a0 team w0',
      '11 end c0 a0',
      '41 repeat c0',
      '41 queue c0',
      '41 answer c0 a0 team w0',
      '51 end c0 a0', // its repeat would be at 81, after the end (60)
    ]);
    expect([result.types[TypeMeasure.arrivals], result.types[TypeMeasure.repeats], result.types[TypeMeasure.answered]]).toEqual([1, 1, 2]);
  });

  it('bot dropout: the session ends with the customer gone, counted in botDropouts, not offered', () => {
    const bot = { share: 1, containment: 0, dropout: 1, duration: constant(40) };
    const { lines, result } = story(oneType({ bot }), { calls: [10] });
    expect(quiet(lines)).toEqual(['10 arrive c0', '10 bot c0', '50 dropout c0']);
    expect([result.types[TypeMeasure.botDropouts], result.types[TypeMeasure.offered], result.types[TypeMeasure.contained]]).toEqual([1, 0, 0]);
  });

  it('false containment: a contained customer comes back after repeat.delay straight to the agent queue', () => {
    const bot = { share: 1, containment: 1, falseContainment: 1, duration: constant(40) };
    const { lines, result } = story(oneType({ bot, repeat: { probability: 0, delay: constant(60) } }), { calls: [10] });
    expect(quiet(lines)).toEqual(['10 arrive c0', '10 bot c0', '50 contained c0', '110 repeat c0', '110 queue c0', '110 answer c0 a0 team w0', '210 end c0 a0']);
    expect([result.types[TypeMeasure.contained], result.types[TypeMeasure.repeats], result.types[TypeMeasure.answered]]).toEqual([1, 1, 1]);
  });

  it('false containment without a repeat rule comes back after 1 h', () => {
    const bot = { share: 1, containment: 1, falseContainment: 1, duration: constant(40) };
    const { lines } = story({ ...oneType({ bot }), intervalMinutes: 120 }, { calls: [10] });
    expect(lines.filter((l) => l.includes('repeat'))).toEqual(['3650 repeat c0']);
  });
});
