import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/index.js';
import { withMean } from '../../src/scenario/forecast.js';
import { makeDistribution, type DistributionParams } from '../../src/random/index.js';

describe('weibull { shape, scale } in a scenario', () => {
  it('parses as patience and handle time, and builds a distribution with the closed-form mean', () => {
    const s = parseScenario({
      name: 'w',
      intervalMinutes: 30,
      intervals: 1,
      contactTypes: [
        {
          id: 'calls',
          channel: 'voice',
          volume: 10,
          handleTime: { dist: 'weibull', shape: 1.5, scale: 200 },
          patience: { dist: 'weibull', shape: 0.8, scale: 90 },
          serviceLevel: { seconds: 20, target: 0.8 },
        },
      ],
      agentGroups: [{ id: 'team', skills: ['calls'], staff: 3 }],
    });
    const patience = s.contactTypes[0]!.patience as DistributionParams;
    expect(patience).toEqual({ dist: 'weibull', shape: 0.8, scale: 90 });
    // Γ(1 + 1/0.8) = Γ(2.25) = 1.1330030963193457.
    expect(makeDistribution(patience).mean).toBeCloseTo(90 * 1.1330030963193457, 9);
  });

  it('withMean(weibull, m) keeps the shape and moves the scale so the mean is m', () => {
    const moved = withMean({ dist: 'weibull', shape: 2.5, scale: 100 }, 150) as DistributionParams & { dist: 'weibull' };
    expect(moved.shape).toBe(2.5);
    expect(makeDistribution(moved).mean).toBeCloseTo(150, 9);
  });
});
