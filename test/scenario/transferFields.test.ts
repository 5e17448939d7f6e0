import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/experiment/index.js';
import { parseScenario } from '../../src/scenario/index.js';
import { linesOf, minimal } from './fixtures.js';

const constant = (value: number) => ({ dist: 'constant', value });

/** minimal() with voice types calls, care, billing and a chat type web, all served. */
function scenario(): Record<string, any> {
  const s = minimal();
  const base = s.contactTypes[0];
  s.contactTypes.push({ ...base, id: 'care' }, { ...base, id: 'billing' }, { ...base, id: 'web', channel: 'chat' });
  s.agentGroups[0].skills = ['calls', 'care', 'billing', 'web'];
  return s;
}

describe('transfer: parsing and model', () => {
  it('builds the target type index, the handle time and the conference seconds (default 0)', () => {
    const s = scenario();
    s.contactTypes[0].transfer = { probability: 0.25, to: 'billing', handleTime: constant(90), conferenceSeconds: 15 };
    s.contactTypes[1].transfer = { probability: 1, to: 'billing' };
    const config = buildModel(parseScenario(s));
    const [calls, care] = config.types;
    expect({ ...calls!.transfer!, handleTime: calls!.transfer!.handleTime!.mean }).toEqual({ probability: 0.25, to: 2, handleTime: 90, conferenceSeconds: 15 });
    expect(care!.transfer).toEqual({ probability: 1, to: 2, handleTime: null, conferenceSeconds: 0 });
    expect(config.types[2]!.transfer).toBeNull();
  });
});

describe('transfer: bad input, named by path', () => {
  const cases: [string, (s: Record<string, any>) => void, string[]][] = [
    ['an unknown target, with a hint', (s) => (s.contactTypes[0].transfer = { probability: 0.5, to: 'bliling' }),
      ['contactTypes[0].transfer.to: unknown contact type "bliling" (did you mean "billing"?)']],
    ['an unknown target, nothing close', (s) => (s.contactTypes[0].transfer = { probability: 0.5, to: 'xyz' }),
      ['contactTypes[0].transfer.to: unknown contact type "xyz"']],
    ['a transfer to itself', (s) => (s.contactTypes[1].transfer = { probability: 0.5, to: 'care' }),
      ['contactTypes[1].transfer.to: must name another contact type (a type cannot transfer to itself)']],
    ['another channel', (s) => (s.contactTypes[0].transfer = { probability: 0.5, to: 'web' }),
      ['contactTypes[0].transfer.to: "web" is a chat type: a voice contact can only be transferred to a voice type']],
    ['a cycle, named from its first type in scenario order', (s) => {
      s.contactTypes[2].transfer = { probability: 0.1, to: 'calls' };
      s.contactTypes[0].transfer = { probability: 0.5, to: 'care' };
      s.contactTypes[1].transfer = { probability: 0, to: 'billing' };
    }, ['contactTypes[0].transfer.to: transfers form a cycle (calls -> care -> billing -> calls): a contact could be passed on for ever']],
    ['a two-type cycle', (s) => {
      s.contactTypes[1].transfer = { probability: 1, to: 'billing' };
      s.contactTypes[2].transfer = { probability: 1, to: 'care' };
    }, ['contactTypes[1].transfer.to: transfers form a cycle (care -> billing -> care): a contact could be passed on for ever']],
    ['a probability above 1', (s) => (s.contactTypes[0].transfer = { probability: 30, to: 'care' }),
      ['contactTypes[0].transfer.probability: must be <= 1 (a fraction: 0.3 for 30%)']],
    ['a negative conference', (s) => (s.contactTypes[0].transfer = { probability: 0.5, to: 'care', conferenceSeconds: -5 }),
      ['contactTypes[0].transfer.conferenceSeconds: must be >= 0']],
    ['a missing target and a misspelt key', (s) => (s.contactTypes[0].transfer = { probability: 0.5, too: 'care' }),
      ['contactTypes[0].transfer.to: required', 'contactTypes[0].transfer.too: unknown key (did you mean "to"?)']],
  ];
  for (const [name, patch, expected] of cases) {
    it(name, () => {
      const s = scenario();
      patch(s);
      expect(linesOf(() => parseScenario(s)).sort()).toEqual([...expected].sort());
    });
  }

  it('a chain without a cycle is accepted', () => {
    const s = scenario();
    s.contactTypes[0].transfer = { probability: 1, to: 'care' };
    s.contactTypes[1].transfer = { probability: 1, to: 'billing' };
    expect(() => parseScenario(s)).not.toThrow();
  });
});
