import { constant } from './constant.js';
import type { Distribution, DistributionParams } from './distribution.js';
import { empirical } from './empirical.js';
import { exponential } from './exponential.js';
import { gamma } from './gamma.js';
import { lognormal } from './lognormal.js';
import { mixture } from './mixture.js';
import { triangular } from './triangular.js';
import { truncated } from './truncated.js';
import { uniform } from './uniform.js';
import { weibull } from './weibull.js';

/** The distribution a scenario's `{ "dist": ... }` object describes. */
export function makeDistribution(params: DistributionParams): Distribution {
  switch (params.dist) {
    case 'exponential':
      return exponential(params.mean);
    case 'constant':
      return constant(params.value);
    case 'lognormal':
      return params.cv === 0 ? constant(params.mean) : lognormal(params.mean, params.cv);
    case 'gamma':
      return gamma(params.mean, params.cv);
    case 'uniform':
      return uniform(params.min, params.max);
    case 'empirical':
      return empirical(params.values);
    case 'weibull':
      return weibull(params.shape, params.scale);
    case 'triangular':
      return triangular(params.min, params.mode, params.max);
    case 'mixture':
      return mixture(
        params.of.map((c) => makeDistribution(c.dist)),
        params.of.map((c) => c.weight),
      );
    case 'truncated':
      return truncated(makeDistribution(params.of), params.min ?? 0, params.max ?? Infinity);
  }
}
