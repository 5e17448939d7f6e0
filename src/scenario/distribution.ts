import { z } from 'zod';
import { documented } from './docs.js';

const mean = () => documented(z.number().gt(0), 'mean, in the unit of the field (seconds for times)');
const cv = () => documented(z.number().min(0), 'coefficient of variation: standard deviation / mean');

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
  cv: documented(z.number().gt(0), 'coefficient of variation: standard deviation / mean'),
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

/** A non-negative random duration or amount, discriminated on `dist`. */
export const DistSchema = documented(
  z.discriminatedUnion('dist', [
    ExponentialSchema,
    ConstantSchema,
    LognormalSchema,
    GammaSchema,
    UniformSchema,
    EmpiricalSchema,
    WeibullSchema,
  ]),
  'A probability distribution of a non-negative quantity (seconds for times), chosen by "dist".',
  'Dist',
);

/** A distribution as written in a scenario. */
export type DistSpec = z.output<typeof DistSchema>;
/** The `dist` names. */
export type DistName = DistSpec['dist'];
