import { describe, expect, it } from 'vitest';
import { parseScenario, scenarioJsonSchema, ScenarioError, type ScenarioInput } from '../../src/scenario/index.js';
import { withMean } from '../../src/scenario/forecast.js';
import { makeDistribution, type DistributionParams } from '../../src/random/index.js';
import { buildModel } from '../../src/experiment/index.js';

/** The scenario side of issue 16's realism details: new kinds and fields, and their errors. */
const base = (type: Record<string, unknown> = {}, group: Record<string, unknown> = {}): ScenarioInput => ({
  name: 'realism',
  intervalMinutes: 30,
  intervals: 2,
  contactTypes: [{ id: 'calls', channel: 'voice', volume: 10, handleTime: { dist: 'exponential', mean: 180 }, serviceLevel: { seconds: 20, target: 0.8 }, ...type }],
  agentGroups: [{ id: 'team', skills: ['calls'], staff: 3, ...group }],
});

/** Every "path: message" line of the error a scenario raises. */
function problems(input: ScenarioInput): string[] {
  try {
    parseScenario(input);
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues.map((i) => `${i.path}: ${i.message}`);
    throw e;
  }
  return [];
}

const tenPercentZero = { dist: 'mixture', of: [{ weight: 0.1, dist: { dist: 'constant', value: 0 } }, { weight: 0.9, dist: { dist: 'exponential', mean: 200 } }] };

describe('triangular, mixture, truncated in a scenario', () => {
  it('parse anywhere a distribution goes, nested, and build the distribution they describe', () => {
    const s = parseScenario(
      base(
        {
          handleTime: { dist: 'triangular', min: 60, mode: 120, max: 600 },
          patience: tenPercentZero,
          wrapUp: { dist: 'truncated', of: { dist: 'lognormal', mean: 30, cv: 1 }, min: 5, max: 120 },
          retrial: { probability: 0.5, delay: { dist: 'mixture', of: [0.7, 0.2, 0.1].map((weight, k) => ({ weight, dist: { dist: 'constant', value: 60 * (k + 1) } })) } },
        },
        {},
      ),
    );
    const t = s.contactTypes[0]!;
    expect(makeDistribution(t.handleTime as DistributionParams).mean).toBeCloseTo(260, 12);
    expect(makeDistribution(t.patience as DistributionParams).mean).toBeCloseTo(180, 12);
    // Decimal weights summing to 1 within rounding (0.7 + 0.2 + 0.1 = 0.9999999999999999) pass.
    expect(makeDistribution(t.retrial!.delay).mean).toBeCloseTo(60 * 0.7 + 120 * 0.2 + 180 * 0.1, 9);
  });

  it('refuse bad parameters with the path of the field', () => {
    expect(problems(base({ handleTime: { dist: 'triangular', min: 60, mode: 30, max: 600 } }))).toEqual(['contactTypes[0].handleTime.mode: must be >= min (60)']);
    expect(problems(base({ handleTime: { dist: 'triangular', min: 60, mode: 90, max: 80 } }))).toEqual(['contactTypes[0].handleTime.max: must be >= mode (90)']);
    expect(problems(base({ patience: { ...tenPercentZero, of: [tenPercentZero.of[0]] } }))).toEqual(['contactTypes[0].patience.of: the weights must sum to 1 (they sum to 0.1)']);
    expect(problems(base({ patience: { dist: 'mixture', of: [{ weight: 1, dist: { dist: 'exponential', mean: -1 } }] } }))).toEqual(['contactTypes[0].patience.of[0].dist.mean: must be > 0']);
    expect(problems(base({ patience: { dist: 'truncated', of: { dist: 'exponential', mean: 60 } } }))).toEqual(['contactTypes[0].patience.max: give min or max (or both)']);
    expect(problems(base({ patience: { dist: 'truncated', of: { dist: 'exponential', mean: 60 }, min: 50, max: 40 } }))).toEqual(['contactTypes[0].patience.max: must be >= min (50)']);
  });

  it('refuse a truncation window that holds no probability (with the path), and accept an atom on its bound', () => {
    const window = (of: unknown, min: number | undefined, max: number | undefined) =>
      problems(base({ handleTime: { dist: 'truncated', of, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) } }));
    expect(window({ dist: 'uniform', min: 10, max: 20 }, 30, undefined)).toEqual(['contactTypes[0].handleTime.min: [30, Infinity] holds no probability of the uniform distribution']);
    expect(window({ dist: 'exponential', mean: 10 }, 5, 5)).toEqual(['contactTypes[0].handleTime.max: [5, 5] holds no probability of the exponential distribution']);
    expect(window({ dist: 'empirical', values: [1, 2, 9] }, 3, 8)).toHaveLength(1);
    expect(window({ dist: 'lognormal', mean: 50, cv: 0 }, 60, undefined)).toHaveLength(1); // cv 0 is the constant 50
    expect(window({ dist: 'empirical', values: [1, 2, 9] }, 2, 2)).toEqual([]);
    expect(window(tenPercentZero, 0, 0)).toEqual([]);
    expect(window({ dist: 'truncated', of: { dist: 'uniform', min: 0, max: 100 }, max: 50 }, 60, undefined)).toHaveLength(1);
  });

  it('withMean (forecast aht) moves a triangle and a mixture to the mean asked, keeping the shape; a truncation is kept', () => {
    const tri = withMean({ dist: 'triangular', min: 60, mode: 120, max: 600 }, 130) as DistributionParams;
    expect(tri).toEqual({ dist: 'triangular', min: 30, mode: 60, max: 300 });
    const mix = withMean(tenPercentZero, 90) as DistributionParams;
    expect(makeDistribution(mix).mean).toBeCloseTo(90, 12);
    expect(mix).toEqual({ dist: 'mixture', of: [{ weight: 0.1, dist: { dist: 'constant', value: 0 } }, { weight: 0.9, dist: { dist: 'exponential', mean: 100 } }] });
    const cut = { dist: 'truncated', of: { dist: 'exponential', mean: 60 }, max: 100 };
    expect(withMean(cut, 10)).toBe(cut);
  });
});

describe('the realism fields', () => {
  it('patience per interval: an array with one distribution per interval, like handleTime', () => {
    const config = buildModel(parseScenario(base({ patience: [{ dist: 'exponential', mean: 60 }, { dist: 'constant', value: 5 }] })));
    expect(config.types[0]!.patience!.map((d) => d.mean)).toEqual([60, 5]);
    expect(problems(base({ patience: [{ dist: 'exponential', mean: 60 }] }))).toEqual(['contactTypes[0].patience: has 1 values, expected 2 (one per interval)']);
    expect(problems(base({ patience: 5 }))).toEqual(['contactTypes[0].patience: must be a distribution { "dist": ... } or an array of them (one per interval)']);
  });

  it('retrial.samePatience: a boolean, default false; refused on repeat', () => {
    const delay = { dist: 'constant', value: 60 };
    const kept = buildModel(parseScenario(base({ patience: tenPercentZero, retrial: { probability: 0.5, delay, samePatience: true } })));
    expect(kept.types[0]!.retrial!.samePatience).toBe(true);
    expect(buildModel(parseScenario(base({ retrial: { probability: 0.5, delay } }))).types[0]!.retrial!.samePatience).toBe(false);
    expect(problems(base({ repeat: { probability: 0.5, delay, samePatience: true } }))).toEqual(['contactTypes[0].repeat.samePatience: only allowed on retrial (a repeat is a new contact with its own patience)']);
  });

  it('volumeUncertainty.group and agent group wrapUp build into the model', () => {
    const config = buildModel(parseScenario(base({ volumeUncertainty: { cv: 0.2, group: 'weekday' } }, { wrapUp: { dist: 'constant', value: 30 } })));
    expect(config.types[0]!.volumeGroup).toBe('weekday');
    expect(config.groups[0]!.wrapUp!.mean).toBe(30);
    const plain = buildModel(parseScenario(base()));
    expect([plain.types[0]!.volumeGroup, plain.groups[0]!.wrapUp, plain.types[0]!.patience]).toEqual([null, null, null]);
  });

  it('the JSON schema has the new kinds and fields', () => {
    const schema = scenarioJsonSchema() as Record<string, any>;
    const kinds = schema['$defs'].Dist.oneOf.map((o: any) => o.properties.dist.const);
    expect(kinds).toEqual(expect.arrayContaining(['triangular', 'mixture', 'truncated']));
    const text = JSON.stringify(schema);
    for (const field of ['samePatience', '"group"', 'volume-group:<name>', 'replaces the contact type', 'one per interval (by arrival interval; warm-up and carried-in']) expect(text).toContain(field);
  });
});
