/**
 * Week patterns of a roster (pure, no solver): which days a person works and how long, in each
 * 7-day block of the horizon, under their rules. People with the same rules form a class; the
 * roster's integer program chooses how many of a class take each pattern.
 */

/** The rules of one person (or class), in the units of the problem: slots and day indexes. */
export interface PatternRules {
  /** [min, max] paid slots in every 7 days. */
  slotsPerWeek: readonly [number, number];
  /** Days without a shift in every 7 days, at least. */
  daysOff: number;
  /** Two of the days off adjacent. */
  consecutiveDaysOff: boolean;
}

/** A 7-day block of the horizon (the last may be shorter). */
export interface WeekBlock {
  from: number;
  days: number;
}

/** One week of one person: per day of the block, the shift length worked (slots), 0 = off. */
export type WeekPattern = Int32Array;

/** Blocks of 7 days from day 0. */
export function weekBlocks(days: number): WeekBlock[] {
  const out: WeekBlock[] = [];
  for (let from = 0; from < days; from += 7) out.push({ from, days: Math.min(7, days - from) });
  return out;
}

/**
 * The rules in a block: paid slots [min, max], most shifts, adjacent days off asked. A block
 * shorter than 7 days (the end of a horizon that is not whole weeks) keeps only what must hold
 * whatever the unseen days of that week: the maximum, and the days off the unseen days cannot
 * provide; the minimum and the adjacent pair can be made up outside the horizon.
 */
export function blockRules(rules: PatternRules, block: WeekBlock): { min: number; max: number; shifts: number; adjacent: boolean } {
  const unseen = 7 - block.days;
  const daysOff = Math.max(0, rules.daysOff - unseen);
  return {
    min: unseen === 0 ? rules.slotsPerWeek[0] : 0,
    max: rules.slotsPerWeek[1],
    shifts: block.days - daysOff,
    adjacent: unseen === 0 && rules.consecutiveDaysOff && rules.daysOff >= 2,
  };
}

/** Most patterns enumerated for one class and block: more means a rule set too loose to roster this way. */
export const MAX_PATTERNS = 50_000;

/**
 * Every pattern of a block that keeps the rules, given the shift lengths a person may work on
 * each day of it (`lengths[k]` for day `block.from + k`, ascending, without duplicates). With
 * `wrap` (a cyclic horizon of exactly one week) the last and first days are adjacent. The
 * all-off pattern is included when the rules allow it. Throws a RangeError past MAX_PATTERNS.
 */
export function weekPatterns(rules: PatternRules, block: WeekBlock, lengths: readonly (readonly number[])[], wrap: boolean): WeekPattern[] {
  const { min, max, shifts, adjacent } = blockRules(rules, block);
  const out: WeekPattern[] = [];
  const pick = new Int32Array(block.days);
  // Most slots the remaining days can still add, to prune branches that cannot reach `min`.
  const most = new Array<number>(block.days + 1).fill(0);
  for (let k = block.days - 1; k >= 0; k -= 1) most[k] = (most[k + 1] ?? 0) + Math.max(0, ...(lengths[k] ?? []));
  const hasPair = (p: Int32Array) => {
    for (let k = 0; k + 1 < p.length; k += 1) if (p[k] === 0 && p[k + 1] === 0) return true;
    return wrap && p.length === 7 && p[6] === 0 && p[0] === 0;
  };
  const walk = (k: number, paid: number, worked: number) => {
    if (paid + (most[k] ?? 0) < min) return;
    if (k === block.days) {
      if (paid >= min && (!adjacent || hasPair(pick))) {
        if (out.length >= MAX_PATTERNS) throw new RangeError(`more than ${MAX_PATTERNS} week patterns for one set of rules`);
        out.push(pick.slice());
      }
      return;
    }
    pick[k] = 0;
    walk(k + 1, paid, worked);
    if (worked >= shifts) return;
    for (const length of lengths[k] ?? []) {
      if (paid + length > max) break;
      pick[k] = length;
      walk(k + 1, paid + length, worked + 1);
    }
    pick[k] = 0;
  };
  walk(0, 0, 0);
  return out;
}
