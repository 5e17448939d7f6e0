import { describe, expect, it } from 'vitest';
import { erlangA } from '../../src/analytic/index.js';
import { buildModel, GROUP_MEASURES, GroupMeasure, runReplication, TypeMeasure, typeCell, TYPE_MEASURES } from '../../src/experiment/index.js';
import { ArrivalProcess, volumeStreamName } from '../../src/model/arrivalProcess.js';
import { createStream, gamma } from '../../src/random/index.js';
import { parseScenario, type ScenarioInput } from '../../src/scenario/index.js';
import { story } from '../support/story.js';

/*
 * The realism details of issue 16 (CONTRACT section 8) in the model: retrial.samePatience and
 * wrap-up per group as event-log stories, per-interval patience against Erlang A interval by
 * interval, and the shared busyness factor of a volume group.
 */
const sl = { seconds: 20, target: 0.8 };
const constant = (value: number) => ({ dist: 'constant' as const, value });
const oneType = (type: Record<string, unknown>, groups?: ScenarioInput['agentGroups']): ScenarioInput => ({
  name: 'realism',
  intervalMinutes: 10,
  intervals: 1,
  contactTypes: [{ id: 'calls', channel: 'voice', volume: 1, serviceLevel: sl, handleTime: constant(400), ...type }],
  agentGroups: groups ?? [{ id: 'team', skills: ['calls'], staff: 1 }],
});
const abandonWaits = (lines: string[]) => lines.filter((l) => l.includes('abandon')).map((l) => Number(/ w([\d.e+-]+)/.exec(l)![1]));

describe('retrial.samePatience (event-log stories)', () => {
  // A random patience, so that a fresh draw and the kept one differ.
  const patience = { dist: 'uniform', min: 5, max: 60 };
  const retrial = { probability: 1, delay: constant(50) };

  it('true: every retry of a customer abandons after exactly the patience of its first try', () => {
    const { lines, result } = story(oneType({ patience, retrial: { ...retrial, samePatience: true } }), { calls: [1, 2] });
    const p = abandonWaits(lines)[0]!;
    const t = (k: number) => 2 + k * (p + 50); // the k-th try of c1 joins the queue
    // c0 holds the only agent until 401: c1 abandons after p, retries 50 s later with the same p,
    // four times; the fifth try, at 402.6, finds the agent free.
    expect(lines.filter((l) => /abandon|retry|answer/.test(l))).toEqual([
      '1 answer c0 a0 team w0',
      ...[0, 1, 2, 3].flatMap((k) => [...(k > 0 ? [`${t(k)} retry c${k + 1}`] : []), `${t(k) + p} abandon c${k + 1} w${p}`]),
      `${t(4)} retry c5`,
      `${t(4)} answer c5 a0 team w0`,
    ]);
    expect([result.types[TypeMeasure.retrials], result.types[TypeMeasure.abandoned], result.types[TypeMeasure.answered]]).toEqual([4, 4, 2]);
  });

  it('absent (the default): each retry draws a fresh patience', () => {
    const { lines } = story(oneType({ patience, retrial }), { calls: [1, 2] });
    const waits = abandonWaits(lines);
    expect(waits.length).toBeGreaterThanOrEqual(3);
    expect(new Set(waits).size).toBe(waits.length);
  });

  it('the first try is the same customer either way (same patience stream): only the retries change', () => {
    const kept = abandonWaits(story(oneType({ patience, retrial: { ...retrial, samePatience: true } }), { calls: [1, 2] }).lines);
    const fresh = abandonWaits(story(oneType({ patience, retrial }), { calls: [1, 2] }).lines);
    expect(kept[0]).toBe(fresh[0]);
    expect(kept[1]).not.toBe(fresh[1]);
  });
});

describe('wrap-up per group (event-log story)', () => {
  const groups = [
    { id: 'own', skills: ['calls'], staff: 1, wrapUp: constant(30) },
    { id: 'plain', skills: ['calls'], staff: 1 },
  ];
  it("a group's wrapUp replaces the type's for the contacts it serves; other groups keep the type's", () => {
    const { lines, result } = story(oneType({ handleTime: constant(100), wrapUp: constant(5) }, groups), { calls: [1, 2, 3, 4] });
    const answers = lines.filter((l) => l.includes(' answer ') || l.includes(' end '));
    // c0 on one group, c1 on the other; each agent is free again after handle + its wrap-up.
    const own = lines.find((l) => l.startsWith('1 answer'))!.includes('own') ? [1, 101] : [2, 102];
    const plain = own[0] === 1 ? [2, 102] : [1, 101];
    expect(answers).toContain(`${plain[1]! + 5} answer c2 a${own[0] === 1 ? 1 : 0} plain w${plain[1]! + 5 - 3}`);
    expect(answers).toContain(`${own[1]! + 30} answer c3 a${own[0] === 1 ? 0 : 1} own w${own[1]! + 30 - 4}`);
    // Busy time counts the wrap-up of the group that did it: 2 x (100 + 30) and 2 x (100 + 5).
    const busy = (g: number) => result.groups[g * GROUP_MEASURES + GroupMeasure.busy]!;
    expect([busy(0), busy(1)]).toEqual([260, 210]);
  });

  it('without the group wrapUp both groups use the type wrap-up (the same story, 5 s each)', () => {
    const { result } = story(oneType({ handleTime: constant(100), wrapUp: constant(5) }, [{ ...groups[0]!, wrapUp: undefined }, groups[1]!]), { calls: [1, 2, 3, 4] });
    expect([result.groups[GroupMeasure.busy], result.groups[GROUP_MEASURES + GroupMeasure.busy]]).toEqual([210, 210]);
  });
});

describe('patience per interval against Erlang A, interval by interval', () => {
  // Two stationary 8-hour intervals with the same load; only the patience changes between them.
  const agents = 10;
  const lambda = 9 / 180;
  const aht = 180;
  const patience = [120, 600];
  const minutes = 480;
  const scenario = parseScenario({
    name: 'patience-per-interval',
    intervalMinutes: minutes,
    intervals: 2,
    warmupMinutes: 60,
    contactTypes: [
      {
        id: 'calls',
        channel: 'voice',
        volume: lambda * minutes * 60,
        handleTime: { dist: 'exponential', mean: aht },
        patience: patience.map((mean) => ({ dist: 'exponential', mean })),
        serviceLevel: sl,
      },
    ],
    agentGroups: [{ id: 'team', skills: ['calls'], staff: agents }],
  });
  const config = buildModel(scenario);
  const R = 80;
  const rates = [0, 1].map(() => new Array<number>(R).fill(0));
  for (let r = 0; r < R; r++) {
    const result = runReplication(config, 16, r);
    for (const i of [0, 1]) {
      const at = typeCell({ types: 1, groups: 1, intervals: 2 }, 0, i);
      rates[i]![r] = result.types[at + TypeMeasure.abandoned]! / result.types[at + TypeMeasure.offered]!;
    }
  }
  /** Student t 0.9995 quantile, 79 degrees of freedom: a two-sided 99.9 % band. */
  const T = 3.416;
  const band = (xs: number[]) => {
    const m = xs.reduce((s, x) => s + x, 0) / xs.length;
    const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
    return { mean: m, half: T * Math.sqrt(v / xs.length) };
  };

  it.each([0, 1])('interval %i: the abandon rate is Erlang A with that interval\'s patience (99.9 % band)', (i) => {
    const exact = erlangA({ agents, arrivalRate: lambda, aht, patience: patience[i]!, slSeconds: 20 }).pAbandon!;
    const { mean, half } = band(rates[i]!);
    expect(half).toBeLessThan(0.15 * exact);
    expect(Math.abs(mean - exact)).toBeLessThan(half);
    // Teeth: the other interval's patience is far outside the band.
    const other = erlangA({ agents, arrivalRate: lambda, aht, patience: patience[1 - i]!, slSeconds: 20 }).pAbandon!;
    expect(Math.abs(mean - other)).toBeGreaterThan(3 * half);
  });

  it('array patience is refused unless it has one entry per interval', () => {
    const bad = { ...scenario, contactTypes: [{ ...scenario.contactTypes[0]!, patience: [{ dist: 'exponential', mean: 60 }] }] };
    expect(() => parseScenario(bad)).toThrow(/contactTypes\[0\]\.patience: has 1 values, expected 2 \(one per interval\)/);
  });
});

describe('volumeUncertainty.group: one busyness factor shared by the types of a group', () => {
  const scenarioWith = (groupA: string | undefined, groupB: string | undefined, cv = 0.3): ScenarioInput => ({
    name: 'volume-group',
    intervalMinutes: 60,
    intervals: 1,
    contactTypes: ['a', 'b'].map((id, k) => ({
      id,
      channel: 'voice' as const,
      volume: 500,
      handleTime: { dist: 'exponential' as const, mean: 10 },
      serviceLevel: sl,
      volumeUncertainty: { cv, ...((k === 0 ? groupA : groupB) === undefined ? {} : { group: (k === 0 ? groupA : groupB)! }) },
    })),
    agentGroups: [{ id: 'team', skills: ['a', 'b'], staff: 10 }],
  });

  it('the factor is drawn once, from volume-group:<name>, and both types get it', () => {
    const config = buildModel(parseScenario(scenarioWith('g', 'g')));
    expect(config.types.map(volumeStreamName)).toEqual(['volume-group:g', 'volume-group:g']);
    for (const r of [0, 1, 2]) {
      // The same arrival stream for both types: their first arrivals coincide iff their factors do.
      const process = new ArrivalProcess(config, () => createStream(5, r, 'same'), (t) => createStream(5, r, volumeStreamName(config.types[t]!)));
      process.advance(0);
      process.advance(1);
      const factor = gamma(1, 0.3).sample(createStream(5, r, 'volume-group:g'));
      const u = createStream(5, r, 'same').next();
      expect(process.nextTime[0]).toBe(process.nextTime[1]);
      expect(process.nextTime[0]).toBeCloseTo(-Math.log(u) / ((500 / 3600) * factor), 9);
    }
    const apart = buildModel(parseScenario(scenarioWith(undefined, undefined)));
    const process = new ArrivalProcess(apart, () => createStream(5, 0, 'same'), (t) => createStream(5, 0, volumeStreamName(apart.types[t]!)));
    process.advance(0);
    process.advance(1);
    expect(process.nextTime[0]).not.toBe(process.nextTime[1]);
  });

  const correlation = (groupA: string | undefined, groupB: string | undefined) => {
    const config = buildModel(parseScenario(scenarioWith(groupA, groupB)));
    const xs: number[] = [];
    const ys: number[] = [];
    for (let r = 0; r < 200; r++) {
      const t = runReplication(config, 3, r).types;
      xs.push(t[TypeMeasure.arrivals]!);
      ys.push(t[TYPE_MEASURES + TypeMeasure.arrivals]!);
    }
    const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
    const [mx, my] = [mean(xs), mean(ys)];
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    xs.forEach((x, k) => {
      sxy += (x - mx) * (ys[k]! - my);
      sxx += (x - mx) ** 2;
      syy += (ys[k]! - my) ** 2;
    });
    return sxy / Math.sqrt(sxx * syy);
  };

  it('with cv 0.3 the daily arrivals of the two types are nearly perfectly correlated across replications', () => {
    // Factor sd 150 arrivals against Poisson sd 22: correlation about 0.98.
    expect(correlation('g', 'g')).toBeGreaterThan(0.95);
  });

  it('without a group (or in different groups) they are independent: correlation near 0', () => {
    // 200 replications: the sample correlation's sd is about 0.07.
    expect(Math.abs(correlation(undefined, undefined))).toBeLessThan(0.25);
    expect(Math.abs(correlation('g', 'h'))).toBeLessThan(0.25);
  });

  it('types of one group must give the same cv (path-named)', () => {
    const input = scenarioWith('g', 'g');
    (input.contactTypes[1] as { volumeUncertainty: { cv: number } }).volumeUncertainty.cv = 0.5;
    expect(() => parseScenario(input)).toThrow(/contactTypes\[1\]\.volumeUncertainty\.cv: must equal the cv of the other types in volume group "g" \(contactTypes\[0\] gives 0\.3\)/);
  });
});
