import { describe, expect, it } from 'vitest';
import { buildModel, runReplication, TypeMeasure } from '../../src/experiment/index.js';
import { summaryRow } from '../../src/experiment/kpiReaders.js';
import { createStream } from '../../src/random/index.js';
import { parseScenario, type ScenarioInput } from '../../src/scenario/index.js';
import { story } from '../support/story.js';

// Routing policies (docs/contract.md section 8): event-log stories with constant times, the
// random choice's shares against their exact probabilities, and conservation.

const sl = { seconds: 20, target: 0.8 };
const constant = (value: number) => ({ dist: 'constant' as const, value });
type TypeInput = ScenarioInput['contactTypes'][number];
type GroupInput = ScenarioInput['agentGroups'][number];
const voice = (id: string, handle: number, extra: Partial<TypeInput> = {}): TypeInput => ({
  id, channel: 'voice', volume: 1, handleTime: constant(handle), serviceLevel: sl, ...extra,
});
const day = (contactTypes: TypeInput[], agentGroups: GroupInput[], hours = 1): ScenarioInput => ({
  name: 'routing policies', intervalMinutes: 60, intervals: hours, contactTypes, agentGroups,
});
const answers = (lines: string[]) => lines.filter((l) => l.includes('answer'));

/**
 * The agents an independent reading of "random" picks: each idle agent (listed by group in
 * scenario order, then idle line) with probability weight / total, from the uniforms of the
 * type's `routing:<id>` stream of replication 0, seed 1 (what `story` runs).
 */
function randomPicks(type: string, idle: { agent: number; weight: number }[], picks: number): number[] {
  const stream = createStream(1, 0, `routing:${type}`);
  const left = [...idle];
  const chosen: number[] = [];
  for (let k = 0; k < picks; k++) {
    const total = left.reduce((sum, a) => sum + a.weight, 0);
    let u = stream.next() * total;
    const at = left.findIndex((a) => (u -= a.weight) < 0);
    chosen.push(left.splice(at, 1)[0]!.agent);
  }
  return chosen;
}

describe('"routing": "random" (event-log stories, constant times)', () => {
  // solo: agent a0; pair: agents a1 and a2. Three calls at 0, 1, 2 each find the rest idle.
  const groups = (soloWeight?: number, pairWeight?: number): GroupInput[] => [
    { id: 'solo', skills: [soloWeight === undefined ? 'calls' : { type: 'calls', weight: soloWeight }], staff: 1 },
    { id: 'pair', skills: [pairWeight === undefined ? 'calls' : { type: 'calls', weight: pairWeight }], staff: 2 },
  ];
  const groupOf = (agent: number) => (agent === 0 ? 'solo' : 'pair');

  it('gives each call an idle agent drawn from the routing stream; a queued call goes to the first agent freed', () => {
    const { lines } = story(day([voice('calls', 100, { routing: 'random' })], groups()), { calls: [0, 1, 2, 50] });
    const [first, second] = randomPicks('calls', [0, 1, 2].map((agent) => ({ agent, weight: 1 })), 2);
    const last = [0, 1, 2].find((a) => a !== first && a !== second)!;
    expect(answers(lines)).toEqual([
      `0 answer c0 a${first} ${groupOf(first!)} w0`,
      `1 answer c1 a${second} ${groupOf(second!)} w0`,
      `2 answer c2 a${last} ${groupOf(last)} w0`, // the only idle agent left
      `100 answer c3 a${first} ${groupOf(first!)} w50`, // takeContact as under longest-idle
    ]);
    // The draws are not longest-idle's choice every time (which would be a0, a1, a2).
    expect([first, second, last]).not.toEqual([0, 1, 2]);
  });

  it('with skill weights, each idle agent is chosen with probability proportional to its group\'s weight', () => {
    const { lines } = story(day([voice('calls', 100, { routing: 'random' })], groups(1, 4)), { calls: [0, 1] });
    const picks = randomPicks('calls', [{ agent: 0, weight: 1 }, { agent: 1, weight: 4 }, { agent: 2, weight: 4 }], 2);
    expect(answers(lines)).toEqual(picks.map((a, k) => `${k} answer c${k} a${a} ${groupOf(a)} w0`));
  });

  it('respects overflow: a backup group is not drawn before the call has waited afterSeconds', () => {
    const scenario = day(
      [voice('calls', 100, { routing: 'random' })],
      [
        { id: 'front', skills: ['calls'], staff: 1 },
        { id: 'backup', skills: [{ type: 'calls', afterSeconds: 30 }], staff: 2 },
      ],
    );
    const { lines } = story(scenario, { calls: [0, 10] });
    // c1 finds only backup idle, waits 30 s, then gets one of backup's two agents at random.
    const [pick] = randomPicks('calls', [{ agent: 1, weight: 1 }, { agent: 2, weight: 1 }], 1);
    expect(answers(lines)).toEqual(['0 answer c0 a0 front w0', `40 answer c1 a${pick} backup w30`]);
  });

  it('a chat finding no idle agent goes to the least-loaded agent, as under longest-idle', () => {
    const chat: TypeInput = { id: 'web', channel: 'chat', volume: 1, handleTime: constant(100), serviceLevel: sl, routing: 'random' };
    const { lines } = story(day([chat], [{ id: 'team', skills: ['web'], staff: 2, concurrency: 2 }]), { web: [0, 1, 2, 3] });
    const [first, second] = randomPicks('web', [{ agent: 0, weight: 1 }, { agent: 1, weight: 1 }], 2);
    // Both hold one chat at 2: the one that has held one longest (the first picked) takes c2.
    expect(answers(lines)).toEqual([`0 answer c0 a${first} team w0`, `1 answer c1 a${second} team w0`, `2 answer c2 a${first} team w0`, `3 answer c3 a${second} team w0`]);
  });
});

describe('"routing": "group-order" (event-log story, constant times)', () => {
  // Group "slow" (listed first) takes 2x the handle time, so at 30 "fast" has been idle longer.
  const scenario = (routing?: TypeInput['routing']) =>
    day(
      [voice('calls', 10, routing === undefined ? {} : { routing })],
      [
        { id: 'slow', skills: [{ type: 'calls', handleTimeFactor: 2 }], staff: 1 },
        { id: 'fast', skills: ['calls'], staff: 1 },
      ],
    );
  const arrivals = { calls: [0, 1, 30, 31] };

  it('gives a call the first group in scenario order with an idle agent, not the longest-idle agent', () => {
    const { lines } = story(scenario('group-order'), arrivals);
    // Contact records are reused once free: the calls at 30 and 31 are c0 and c1 again.
    expect(lines.filter((l) => l.includes('answer') || l.includes('end'))).toEqual([
      '0 answer c0 a0 slow w0',
      '1 answer c1 a1 fast w0', // slow is busy
      '11 end c1 a1',
      '20 end c0 a0',
      '30 answer c0 a0 slow w0', // fast has been idle longer (since 11), but slow comes first
      '31 answer c1 a1 fast w0',
      '41 end c1 a1',
      '50 end c0 a0',
    ]);
  });

  it('longest-idle (explicit or absent) gives the same call to the agent idle longest', () => {
    for (const routing of ['longest-idle', undefined] as const) {
      expect(answers(story(scenario(routing), arrivals).lines).slice(2)).toEqual(['30 answer c0 a1 fast w0', '31 answer c1 a0 slow w0']);
    }
  });
});

describe('"routing": "random" shares (statistical, 99.9 % bands)', () => {
  // 4320 calls 10 s apart, 1 s of work each: every call finds all three agents idle.
  const calls = Array.from({ length: 4320 }, (_, k) => k * 10);
  const shares = (soloWeight?: number, pairWeight?: number) => {
    const skill = (w?: number) => (w === undefined ? 'calls' : { type: 'calls', weight: w });
    const scenario = day(
      [voice('calls', 1, { routing: 'random' })],
      [{ id: 'solo', skills: [skill(soloWeight)], staff: 1 }, { id: 'pair', skills: [skill(pairWeight)], staff: 2 }],
      12,
    );
    const byAgent = [0, 0, 0];
    const order: number[] = [];
    for (const e of story(scenario, { calls }).trace) {
      if (e.kind !== 'answer') continue;
      byAgent[e.agent!]!++;
      order.push(e.agent!);
    }
    expect(order.length).toBe(calls.length);
    const repeats = order.filter((a, k) => k > 0 && order[k - 1] === a).length;
    return { shares: byAgent.map((n) => n / calls.length), sameAgentTwice: repeats / (calls.length - 1) };
  };
  const expectShare = (share: number, p: number) => {
    const z999 = 3.2905; // two-sided 99.9 %
    expect(Math.abs(share - p)).toBeLessThan(z999 * Math.sqrt((p * (1 - p)) / calls.length));
  };

  it('uniform over free agents: groups of 1 and 2 agents get 1/3 and 2/3 of the calls', () => {
    const { shares: [solo, p1, p2], sameAgentTwice } = shares();
    expectShare(solo!, 1 / 3);
    expectShare(p1! + p2!, 2 / 3);
    expectShare(p1!, 1 / 3);
    // Independent choices: the next call goes to the same agent with probability 1/3 (these
    // indicators of iid uniform picks are themselves iid). Longest-idle rotates: never.
    expectShare(sameAgentTwice, 1 / 3);
  });

  it('weights 1 and 4: each agent\'s chance is its group\'s weight over the total (1/9 and 8/9)', () => {
    const { shares: [solo, p1, p2] } = shares(1, 4);
    expectShare(solo!, 1 / 9);
    expectShare(p1! + p2!, 8 / 9);
    expectShare(p1!, 4 / 9);
  });
});

describe('routing policies: conservation and common random numbers', () => {
  const patience = { dist: 'exponential' as const, mean: 120 };
  const mixed = (salesRouting?: TypeInput['routing']): ScenarioInput => ({
    name: 'mixed routing',
    intervalMinutes: 30,
    intervals: 4,
    contactTypes: [
      voice('calls', 0, { volume: 90, handleTime: { dist: 'exponential', mean: 240 }, patience, routing: 'random', retrial: { probability: 0.3, delay: constant(60) } }),
      voice('sales', 0, { volume: 40, handleTime: { dist: 'exponential', mean: 300 }, patience, ...(salesRouting === undefined ? {} : { routing: salesRouting }) }),
      { id: 'web', channel: 'chat', volume: 50, handleTime: { dist: 'exponential', mean: 400 }, serviceLevel: sl, routing: 'group-order' },
    ],
    agentGroups: [
      { id: 'front', skills: [{ type: 'calls', weight: 2 }, 'web'], staff: 8, concurrency: 2 },
      { id: 'back', skills: [{ type: 'calls', afterSeconds: 20, weight: 1 }, 'sales', 'web'], staff: 6, concurrency: 2 },
      { id: 'spare', skills: [{ type: 'calls', weight: 3 }], staff: 3 },
    ],
  });

  it('arrivals + retrials + repeats = answered + abandoned + unresolved (+ bot outcomes) in every replication', () => {
    const config = buildModel(parseScenario(mixed('group-order')));
    for (let r = 0; r < 6; r++) {
      const s = summaryRow(runReplication(config, 11, r), config.intervalSeconds, config.intervals);
      const entries = s[TypeMeasure.arrivals]! + s[TypeMeasure.retrials]! + s[TypeMeasure.repeats]!;
      const outcomes = s[TypeMeasure.contained]! + s[TypeMeasure.botDropouts]! + s[TypeMeasure.answered]! + s[TypeMeasure.abandoned]! + s[TypeMeasure.unresolved]!;
      expect(outcomes, `replication ${r}`).toBe(entries);
      expect(s[TypeMeasure.answered]!).toBeGreaterThan(0);
    }
  });

  it('a type routed at random draws from its own stream: every other draw, and each type\'s run, stays the same', () => {
    // Groups a and b are alike, so which idle agent takes a call moves no type's numbers; a draw
    // taken from any customer stream would.
    const run = (routing: TypeInput['routing']) => {
      const s = mixed();
      s.contactTypes = [{ ...s.contactTypes[0]!, routing }, s.contactTypes[1]!];
      s.agentGroups = [
        { id: 'a', skills: ['calls'], staff: 5 },
        { id: 'b', skills: ['calls'], staff: 5 },
        { id: 'c', skills: ['sales'], staff: 4 },
      ];
      return runReplication(buildModel(parseScenario(s)), 5, 0);
    };
    const idle = run('longest-idle');
    const random = run('random');
    expect(random.types).toEqual(idle.types);
    expect(random.groups).not.toEqual(idle.groups); // the policy did move calls between a and b
  });
});
