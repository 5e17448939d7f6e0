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
    s.contactTypes[2].patience = constant(60); // one group serves all: a conference needs patience
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
    ['a conference on chat', (s) => {
      s.contactTypes.push({ ...s.contactTypes[3], id: 'web2' });
      s.agentGroups[0].skills.push('web2');
      s.contactTypes[3].transfer = { probability: 0.5, to: 'web2', conferenceSeconds: 10 };
    }, ['contactTypes[3].transfer.conferenceSeconds: only on voice: a conference holds the first agent on the call']],
    ['a conference that could deadlock one group (the target never abandons)', (s) => (s.contactTypes[0].transfer = { probability: 0.5, to: 'care', conferenceSeconds: 10 }),
      ['contactTypes[0].transfer.conferenceSeconds: could deadlock: group agents serves both types and care has no patience, so every agent could be holding a caller no one is left to answer (give care a patience, or make the transfer cold)']],
    ['a conference that could deadlock a group found through another', (s) => {
      s.agentGroups = [{ id: 'x', skills: ['calls', 'billing', 'web'], staff: 5 }, { id: 'y', skills: ['calls', 'care'], staff: 5 }];
      s.contactTypes[0].transfer = { probability: 0.5, to: 'care', conferenceSeconds: 10 };
    }, ['contactTypes[0].transfer.conferenceSeconds: could deadlock: group y serves both types and care has no patience, so every agent could be holding a caller no one is left to answer (give care a patience, or make the transfer cold)']],
    ['conferences that could deadlock two groups waiting for each other', (s) => {
      s.agentGroups = [{ id: 'front', skills: ['calls', 'billing', 'web'], staff: 5 }, { id: 'back', skills: ['care'], staff: 5 }];
      s.contactTypes[0].transfer = { probability: 0.5, to: 'care', conferenceSeconds: 10 };
      s.contactTypes[1].transfer = { probability: 0.5, to: 'billing', conferenceSeconds: 10 };
    }, ['contactTypes[0].transfer.conferenceSeconds: could deadlock: groups front -> back -> front wait for one another and care has no patience, so every agent could be holding a caller no one is left to answer (give care a patience, or make the transfer cold)']],
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

  it('a chain without a cycle is accepted; so is a conference in one group to a type with patience, or between groups that do not wait for each other', () => {
    const s = scenario();
    s.contactTypes[0].transfer = { probability: 1, to: 'care' };
    s.contactTypes[1].transfer = { probability: 1, to: 'billing' };
    expect(() => parseScenario(s)).not.toThrow();
    s.contactTypes[0].transfer.conferenceSeconds = 10;
    s.contactTypes[1].patience = constant(60);
    expect(() => parseScenario(s)).not.toThrow();
    const split = scenario();
    split.agentGroups = [{ id: 'front', skills: ['calls', 'web'], staff: 5 }, { id: 'back', skills: ['care', 'billing'], staff: 5 }];
    split.contactTypes[0].transfer = { probability: 0.5, to: 'care', conferenceSeconds: 10 };
    expect(() => parseScenario(split)).not.toThrow();
  });

  it('checks deadlocks in time linear in the skills (50 000 groups serving both types of a conference)', () => {
    const s = scenario();
    s.contactTypes[0].transfer = { probability: 0.5, to: 'care', conferenceSeconds: 10 };
    s.agentGroups = Array.from({ length: 50_000 }, (_, g) => ({ id: `g${g}`, skills: ['calls', 'care', 'billing', 'web'], staff: 1 }));
    const started = performance.now();
    expect(linesOf(() => parseScenario(s))[0]).toMatch(/^contactTypes\[0\]\.transfer\.conferenceSeconds: could deadlock: group g0 serves both types/);
    expect(performance.now() - started).toBeLessThan(3000); // pairs of groups would be 2.5e9 edges
  });
});
