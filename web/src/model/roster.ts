/**
 * The page's reading of a roster (no DOM): which scenarios can be rostered, each shift as minutes
 * from the start of interval 0 (a shift past midnight runs on into the next day), and the
 * one-line summary.
 */
import type { RosterEntry, ScenarioRoster } from '../../../src/optimize/rosterScenario.js';
import { parseClock } from '../../../src/scenario/index.js';

/** The scenario (a JSON value) has people to roster and shift templates to roster them on. */
export function canRoster(raw: unknown): boolean {
  if (typeof raw !== 'object' || raw === null) return false;
  const r = raw as Record<string, unknown>;
  const nonEmpty = (v: unknown) => Array.isArray(v) && v.length > 0;
  return nonEmpty(r['agents']) && nonEmpty(r['shiftTemplates']);
}

/** A shift on the time line, minutes from the start of interval 0. */
export interface ShiftBar {
  readonly entry: RosterEntry;
  readonly from: number;
  readonly to: number;
  /** Breaks, minutes from the start of interval 0. */
  readonly breaks: readonly { readonly from: number; readonly to: number; readonly label: string }[];
}

const DAY = 1440;
/** Minutes from `base` (a clock time) forward to `clock`, within one day. */
const after = (base: number, clock: number) => (((clock - base) % DAY) + DAY) % DAY;

/** The roster's shifts on its horizon's time line (day d starts d x 1440 minutes after interval 0). */
export function shiftBars(roster: Pick<ScenarioRoster, 'horizon' | 'shifts'>): ShiftBar[] {
  const origin = parseClock(roster.horizon.start);
  return roster.shifts.map((entry) => {
    const from = entry.day * DAY + after(origin, parseClock(entry.start));
    const startClock = parseClock(entry.start);
    const breaks = entry.breaks.map(([a, b]) => {
      const at = from + after(startClock, parseClock(a));
      return { from: at, to: at + after(parseClock(a), parseClock(b)), label: `${a}–${b}` };
    });
    return { entry, from, to: from + entry.minutes, breaks };
  });
}

/** Shortfall in agent-hours and intervals short, over all groups. */
export function shortfallOf(roster: Pick<ScenarioRoster, 'horizon' | 'byGroup'>): { hours: number; intervals: number } {
  let hours = 0;
  let intervals = 0;
  for (const g of Object.values(roster.byGroup)) {
    for (const s of g.shortfall) {
      hours += (s * roster.horizon.intervalMinutes) / 60;
      if (s > 0) intervals++;
    }
  }
  return { hours, intervals };
}

/** "cost 12 345.6 · 190 of 202 agents · 1 016 shifts · solved in 9.8 s · optimal · no shortfall". */
export function rosterSummary(roster: ScenarioRoster, seconds: number): string {
  const groups = Object.values(roster.byGroup);
  const statuses = [...new Set(groups.map((g) => g.status))];
  const gaps = groups.map((g) => g.mipGap).filter((g): g is number => g !== null);
  const gap = statuses.some((s) => s !== 'optimal') && gaps.length > 0 ? ` (gap ${(Math.max(...gaps) * 100).toFixed(2)}%)` : '';
  const working = new Set(roster.shifts.map((s) => s.agent)).size;
  const short = shortfallOf(roster);
  const shortText = short.intervals === 0 ? 'no shortfall' : `shortfall ${+short.hours.toFixed(1)} agent-hours in ${short.intervals} interval${short.intervals === 1 ? '' : 's'}`;
  return [
    `cost ${+roster.cost.toFixed(2)}`,
    `${working} of ${roster.agents.length} agents working`,
    `${roster.shifts.length} shifts`,
    `solved in ${seconds.toFixed(1)} s`,
    `${statuses.join('/') || 'nothing to solve'}${gap}`,
    shortText,
  ].join(' · ');
}
