import { z } from 'zod';
import { documented, documentedRef } from './docs.js';

const mean = () => documented(z.number().gt(0), 'mean, in the unit of the field (seconds for times)');
/**
 * Beyond this cv a lognormal's sigma^2 = ln(1 + cv^2) or a gamma's shape 1/cv^2 leaves floating
 * point (cv^2 overflows near 1.3e154): draws become NaN or 0 and a run's clock breaks. No real
 * handle time, patience or delay comes near it.
 */
const MAX_CV = 1000;
const cv = () => documented(z.number().min(0).max(MAX_CV), `coefficient of variation: standard deviation / mean (at most ${MAX_CV})`);

/** Exponential with the given mean. */
export const ExponentialSchema = z.strictObject({ dist: z.literal('exponential'), mean: mean() });

/** Always the same value. */
export const ConstantSchema = z.strictObject({
  dist: z.literal('constant'),
  value: documented(z.number().min(0), 'the value every draw takes'),
});

/** Lognormal given by its mean and coefficient of variation (cv 0 = constant). */
export const LognormalSchema = z.strictObject({ dist: z.literal('lognormal'), mean: mean(), cv: cv() });

/** Gamma given by its mean and coefficient of variation (shape = 1/cv^2, so cv must be > 0). */
export const GammaSchema = z.strictObject({
  dist: z.literal('gamma'),
  mean: mean(),
  cv: documented(z.number().gt(0).max(MAX_CV), `coefficient of variation: standard deviation / mean (at most ${MAX_CV})`),
});

/** Uniform on [min, max]. */
export const UniformSchema = z
  .strictObject({
    dist: z.literal('uniform'),
    min: documented(z.number().min(0), 'lower bound'),
    max: documented(z.number().min(0), 'upper bound, >= min'),
  })
  .refine((u) => u.max >= u.min, {
    path: ['max'],
    error: (iss) => {
      const input = iss.input as { min: number } | undefined;
      return `must be >= min (${input?.min ?? 'min'})`;
    },
  });

/** Resampled uniformly from the listed observations. */
export const EmpiricalSchema = z.strictObject({
  dist: z.literal('empirical'),
  values: documented(z.array(z.number().min(0)).min(1), 'observed values, drawn with equal probability'),
});

/** Weibull given by shape and scale: P(X > x) = exp(-(x / scale)^shape); shape 1 is exponential. */
export const WeibullSchema = z.strictObject({
  dist: z.literal('weibull'),
  shape: documented(z.number().min(0.1).max(100), 'shape k, 0.1 to 100: below 1 the hazard falls with time, above 1 it rises'),
  scale: documented(z.number().gt(0), 'scale, in the unit of the field (seconds for times): the 63.2 % quantile'),
});

/** Triangular on [min, max] with its peak at mode. */
export const TriangularSchema = z
  .strictObject({
    dist: z.literal('triangular'),
    min: documented(z.number().min(0), 'lower bound'),
    mode: documented(z.number().min(0), 'the most likely value, min <= mode <= max'),
    max: documented(z.number().min(0), 'upper bound'),
  })
  .superRefine((t, ctx) => {
    if (t.mode < t.min) ctx.addIssue({ code: 'custom', path: ['mode'], message: `must be >= min (${t.min})` });
    else if (t.max < t.mode) ctx.addIssue({ code: 'custom', path: ['max'], message: `must be >= mode (${t.mode})` });
  });

/** How far the mixture weights' sum may be from 1 (decimal weights such as 0.7 + 0.2 + 0.1). */
const WEIGHT_SUM_TOLERANCE = 1e-9;

/** A mixture: each draw is one of the listed distributions, chosen with its weight. */
export const MixtureSchema = z
  .strictObject({
    dist: z.literal('mixture'),
    of: documented(
      z
        .array(
          z.strictObject({
            weight: documented(z.number().gt(0).max(1), 'probability of this component, > 0; the weights sum to 1'),
            dist: documentedRef(z.lazy(() => DistSchema), 'the component distribution'),
          }),
        )
        .min(1),
      'the components, e.g. [{ "weight": 0.1, "dist": { "dist": "constant", "value": 0 } }, { "weight": 0.9, "dist": ... }] for 10 % zero patience',
    ),
  })
  .refine((m) => Math.abs(m.of.reduce((s, c) => s + c.weight, 0) - 1) <= WEIGHT_SUM_TOLERANCE, {
    path: ['of'],
    error: (iss) => {
      const input = iss.input as { of: { weight: number }[] } | undefined;
      return `the weights must sum to 1 (they sum to ${input?.of.reduce((s, c) => s + c.weight, 0) ?? '?'})`;
    },
  });

/** Another distribution conditioned on [min, max]. */
export const TruncatedSchema = z
  .strictObject({
    dist: z.literal('truncated'),
    of: documentedRef(z.lazy(() => DistSchema), 'the distribution conditioned on [min, max]'),
    min: documented(z.number().min(0), 'lower bound (default 0): the law is conditioned on [min, max], not clipped to it (no mass piles up at a bound)').optional(),
    max: documented(z.number().min(0), 'upper bound (default none)').optional(),
  })
  .superRefine((t, ctx) => {
    if (t.min === undefined && t.max === undefined) ctx.addIssue({ code: 'custom', path: ['max'], message: 'give min or max (or both)' });
    else if (t.min !== undefined && t.max !== undefined && t.max < t.min) ctx.addIssue({ code: 'custom', path: ['max'], message: `must be >= min (${t.min})` });
    else if (!holdsProbability(supportOf(t.of), t.min ?? 0, t.max ?? Infinity)) {
      ctx.addIssue({ code: 'custom', path: [t.max === undefined ? 'min' : 'max'], message: `[${t.min ?? 0}, ${t.max ?? 'Infinity'}] holds no probability of the ${t.of.dist} distribution` });
    }
  });

/** Where a distribution puts its probability: point masses, and open spans with a density. */
interface Support {
  readonly atoms: readonly number[];
  readonly spans: readonly (readonly [number, number])[];
}

function supportOf(d: DistSpec): Support {
  switch (d.dist) {
    case 'constant':
      return { atoms: [d.value], spans: [] };
    case 'empirical':
      return { atoms: d.values, spans: [] };
    case 'uniform':
    case 'triangular':
      return d.min === d.max ? { atoms: [d.min], spans: [] } : { atoms: [], spans: [[d.min, d.max]] };
    case 'lognormal':
      // cv 0 is built as the constant (src/random/makeDistribution.ts).
      return d.cv === 0 ? { atoms: [d.mean], spans: [] } : { atoms: [], spans: [[0, Infinity]] };
    case 'mixture': {
      const parts = d.of.map((c) => supportOf(c.dist));
      return { atoms: parts.flatMap((p) => p.atoms), spans: parts.flatMap((p) => p.spans) };
    }
    case 'truncated': {
      const [lo, hi] = [d.min ?? 0, d.max ?? Infinity];
      const inner = supportOf(d.of);
      return {
        atoms: inner.atoms.filter((x) => lo <= x && x <= hi),
        spans: inner.spans.map(([a, b]) => [Math.max(a, lo), Math.min(b, hi)] as const).filter(([a, b]) => a < b),
      };
    }
    default:
      return { atoms: [], spans: [[0, Infinity]] };
  }
}

/** Whether the closed window [lo, hi] holds an atom or overlaps a span by a positive length. */
function holdsProbability(s: Support, lo: number, hi: number): boolean {
  return s.atoms.some((x) => lo <= x && x <= hi) || s.spans.some(([a, b]) => Math.max(a, lo) < Math.min(b, hi));
}

/** A distribution as written in a scenario (recursive through mixture and truncated). */
export type DistSpec =
  | z.output<typeof ExponentialSchema>
  | z.output<typeof ConstantSchema>
  | z.output<typeof LognormalSchema>
  | z.output<typeof GammaSchema>
  | z.output<typeof UniformSchema>
  | z.output<typeof EmpiricalSchema>
  | z.output<typeof WeibullSchema>
  | z.output<typeof TriangularSchema>
  | { dist: 'mixture'; of: { weight: number; dist: DistSpec }[] }
  | { dist: 'truncated'; of: DistSpec; min?: number | undefined; max?: number | undefined };

/** A non-negative random duration or amount, discriminated on `dist`. */
export const DistSchema: z.ZodType<DistSpec> = documented(
  z.discriminatedUnion('dist', [
    ExponentialSchema,
    ConstantSchema,
    LognormalSchema,
    GammaSchema,
    UniformSchema,
    EmpiricalSchema,
    WeibullSchema,
    TriangularSchema,
    MixtureSchema,
    TruncatedSchema,
  ]),
  'A probability distribution of a non-negative quantity (seconds for times), chosen by "dist".',
  'Dist',
);
/** The `dist` names. */
export type DistName = DistSpec['dist'];
