import { UsageError } from './io.js';

/** An integer flag's value, or `fallback` when absent; anything else is a UsageError naming the flag. */
export function integerFlag(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isSafeInteger(value) || value < min) {
    throw new UsageError(`${name}: must be an integer >= ${min}, got ${JSON.stringify(raw)}`);
  }
  return value;
}
