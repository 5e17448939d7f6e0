/**
 * Reading parsed scenario values, without zod: what the model builder (and so every worker
 * thread) needs, kept apart from the schema so a worker does not load the validator.
 */
import type { SkillItem, SkillSpec } from './skill.js';

/** A clock time "HH:MM" or "H:MM" (the hour may have one digit, as in a CSV's "8:00"), 0:00 to 23:59. */
export const clockPattern = /^([01]?[0-9]|2[0-3]):[0-5][0-9]$/;

/** Minutes after midnight of a valid "HH:MM" or "H:MM" string (throws RangeError on anything else). */
export function parseClock(text: string): number {
  if (!clockPattern.test(text)) throw new RangeError(`not a clock time "HH:MM": ${JSON.stringify(text)}`);
  const colon = text.indexOf(':');
  return Number(text.slice(0, colon)) * 60 + Number(text.slice(colon + 1));
}

/** "HH:MM" of a number of minutes after midnight, wrapping past 24 h (1500 -> "01:00"). */
export function formatClock(minutes: number): string {
  const m = ((Math.round(minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
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

/** A skill in its long form, defaults filled in. */
export function longSkill(item: SkillItem): Required<Omit<SkillSpec, 'weight'>> & Pick<SkillSpec, 'weight'> {
  const s = typeof item === 'string' ? { type: item } : item;
  const long = { type: s.type, priority: s.priority ?? 0, afterSeconds: s.afterSeconds ?? 0, handleTimeFactor: s.handleTimeFactor ?? 1 };
  // The weight's default lives in the model (routingTable.ts); absent stays absent.
  return s.weight === undefined ? long : { ...long, weight: s.weight };
}
