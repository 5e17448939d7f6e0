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

