import { z } from 'zod';
import { documented } from './docs.js';

/**
 * A value that is either the same in every interval or listed once per interval
 * (the list's length is checked against `intervals` after the schema).
 */
export function perIntervalSchema<T extends z.ZodNumber>(item: () => T, what: string, description: string) {
  return documented(
    z.union([item(), z.array(item())], { error: `must be ${what} or an array of them (one per interval)` }),
    description,
  );
}

/**
 * Expands a per-interval value to one entry per interval: a number is repeated, an array is
 * copied. Throws RangeError if an array's length is not `intervals` (parsing already rejects that).
 */
export function perInterval(value: number | readonly number[], intervals: number): number[] {
  if (typeof value === 'number') return new Array<number>(intervals).fill(value);
  if (value.length !== intervals) {
    throw new RangeError(`has ${value.length} values, expected ${intervals} (one per interval)`);
  }
  return [...value];
}

/** One entry per interval of a value that is either one item or an array of them (e.g. handle time). */
export function perIntervalDist<T extends object>(value: T | readonly T[], intervals: number): T[] {
  if (!Array.isArray(value)) return new Array<T>(intervals).fill(value as T);
  if (value.length !== intervals) {
    throw new RangeError(`has ${value.length} values, expected ${intervals} (one per interval)`);
  }
  return [...(value as readonly T[])];
}
