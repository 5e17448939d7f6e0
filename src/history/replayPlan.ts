import type { AgentGroupSpec, ContactTypeSpec, Scenario } from '../scenario/index.js';
import { formatClock, parseClock } from '../scenario/values.js';
import { dateText } from './calendar.js';
import { cellIndex, type IntervalHistory, type StaffHistory } from './types.js';

/**
 * What `ccsim replay` simulates (CONTRACT section 6): one scenario per past date, with that
 * date's recorded offered counts as exact arrivals and its recorded staff. Pure: the history
 * tables in, scenarios and the reasons for everything left out, so nothing is dropped silently.
 *
 * Per contact type the date's scenario keeps handle time, wrap-up, patience, service level,
 * priority and routing, and:
 * - `arrivals: "exact"` with `volume` = the recorded `offered` of each interval (rounded to a
 *   whole number when a file holds a fraction; a note counts them);
 * - no `bot`, `retrial` or `repeat`: the recorded `offered` already counts every contact that
 *   reached the agent queue, escalations, retrials and repeats included, so simulating them
 *   again would count them twice (a note names the types that had them);
 * - `volumeUncertainty` is ignored by exact arrivals (the count is known).
 * Per agent group: `staff` = the recorded staff per interval (rounded; a missing cell on a
 * staffed date is 0 agents, counted in a note), in place of `staff` or `shifts` and shrinkage
 * (the staff history is net of breaks and absence already).
 */
export interface ReplayDate {
  /** Day number (src/history/calendar.ts). */
  readonly day: number;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** The scenario simulating this date. */
  readonly scenario: Scenario;
}

/** A date of the range that is not replayed, and why. */
export interface ReplaySkip {
  readonly date: string;
  readonly reason: string;
}

export interface ReplayPlan {
  /** The scenario as given. */
  readonly scenario: Scenario;
  readonly history: IntervalHistory;
  /** Open dates of the range with staff, in date order. */
  readonly dates: readonly ReplayDate[];
  /** Open dates of the range that are not replayed (no staff rows). */
  readonly skipped: readonly ReplaySkip[];
  /** Everything else left out or changed, one sentence each. */
  readonly notes: readonly string[];
  /** Per scenario contact type: its series in the history, -1 when the history has none. */
  readonly historyType: readonly number[];
  /** "HH:MM" of each scenario interval. */
  readonly labels: readonly string[];
  /** First and last day of the range (day numbers). */
  readonly fromDay: number;
  readonly toDay: number;
}

export interface ReplayPlanOptions {
  /** First date to replay (day number); default the history's first date. */
  readonly fromDay?: number;
  /** Last date to replay (day number); default the history's last date. */
  readonly toDay?: number;
}

/** The history and the scenario do not fit together (a RangeError: callers name their own flag). */
export class ReplayInputError extends RangeError {
  override readonly name = 'ReplayInputError';
}

/** Where scenario interval `i` of a date lies in the history: days after the date, and slot. */
export function intervalCell(scenario: Scenario, i: number): { dayOffset: number; slot: number } {
  const minute = parseClock(scenario.start) + i * scenario.intervalMinutes;
  return { dayOffset: Math.floor(minute / 1440), slot: (minute % 1440) / scenario.intervalMinutes };
}

/**
 * The dates to replay and their scenarios.
 * @throws ReplayInputError when the files cannot describe the scenario's days (interval length,
 *   a day longer than 24 h, a scenario group missing from the staff history, an empty range).
 */
export function planReplay(scenario: Scenario, history: IntervalHistory, staff: StaffHistory, options: ReplayPlanOptions = {}): ReplayPlan {
  const len = scenario.intervalMinutes;
  for (const [what, minutes] of [['interval history', history.intervalMinutes], ['staff history', staff.intervalMinutes]] as const) {
    if (minutes !== len) {
      throw new ReplayInputError(`the ${what} has ${minutes}-minute intervals, the scenario "${scenario.name}" ${len}-minute ones: they must match`);
    }
  }
  if (scenario.intervals * len > 1440) {
    throw new ReplayInputError(`the scenario "${scenario.name}" covers ${(scenario.intervals * len) / 60} hours; replay simulates one date at a time (at most 24 hours)`);
  }
  const fromDay = options.fromDay ?? history.firstDay;
  const toDay = options.toDay ?? history.lastDay;
  if (toDay < fromDay) {
    throw new ReplayInputError(
      options.fromDay === undefined
        ? `nothing to replay: the history starts on ${dateText(history.firstDay)}, after the end of the range (${dateText(toDay)})`
        : options.toDay === undefined
          ? `nothing to replay: the history ends on ${dateText(history.lastDay)}, before the start of the range (${dateText(fromDay)})`
          : `the range ends (${dateText(toDay)}) before it starts (${dateText(fromDay)})`,
    );
  }

  const groupSeries = scenario.agentGroups.map((g) => {
    const k = staff.groups.indexOf(g.id);
    if (k < 0) {
      throw new ReplayInputError(`agent group "${g.id}" of the scenario has no rows in the staff history (its groups: ${staff.groups.join(', ') || 'none'})`);
    }
    return k;
  });
  const historyType = scenario.contactTypes.map((t) => history.types.indexOf(t.id));
  const cells = Array.from({ length: scenario.intervals }, (_, i) => intervalCell(scenario, i));
  const labels = cells.map((c) => formatClock(c.slot * len));

  const notes: string[] = [];
  const skipped: ReplaySkip[] = [];
  const dates: ReplayDate[] = [];
  let closed = 0;
  let roundedOffered = 0;
  let roundedStaff = 0;
  const missingStaff = new Map<string, number>();
  for (let day = fromDay; day <= toDay; day++) {
    if (!isOpen(history, day)) {
      closed++;
      continue;
    }
    if (!isOpen(staff, day)) {
      skipped.push({ date: dateText(day), reason: 'no rows in the staff history' });
      continue;
    }
    const contactTypes = scenario.contactTypes.map((t, ti) => {
      const k = historyType[ti]!;
      const volume = cells.map(({ dayOffset, slot }) => {
        const v = k < 0 ? 0 : cellValue(history, history.offered, history.types.length, day + dayOffset, k, slot, 0);
        const whole = Math.round(v);
        if (whole !== v) roundedOffered++;
        return whole;
      });
      return replayType(t, volume);
    });
    const agentGroups = scenario.agentGroups.map((g, gi) => {
      const series = groupSeries[gi]!;
      const levels = cells.map(({ dayOffset, slot }) => {
        const v = cellValue(staff, staff.staff, staff.groups.length, day + dayOffset, series, slot, NaN);
        if (Number.isNaN(v)) {
          missingStaff.set(g.id, (missingStaff.get(g.id) ?? 0) + 1);
          return 0;
        }
        const whole = Math.round(v);
        if (whole !== v) roundedStaff++;
        return whole;
      });
      return replayGroup(g, levels);
    });
    dates.push({ day, date: dateText(day), scenario: { ...scenario, contactTypes, agentGroups } });
  }
  if (dates.length === 0) {
    const why = skipped.length > 0 ? ` (${skipped.length} open dates have no staff rows)` : '';
    throw new ReplayInputError(
      `nothing to replay from ${dateText(fromDay)} to ${dateText(toDay)}: no date with rows in both files${why}; the interval history covers ${dateText(history.firstDay)} to ${dateText(history.lastDay)}, the staff history ${dateText(staff.firstDay)} to ${dateText(staff.lastDay)}`,
    );
  }

  if (closed > 0) notes.push(`${closed} date${closed === 1 ? '' : 's'} of the range ${closed === 1 ? 'has' : 'have'} no rows in the interval history (closed) and ${closed === 1 ? 'is' : 'are'} not replayed`);
  scenario.contactTypes.forEach((t, ti) => {
    if (historyType[ti]! < 0) notes.push(`contact type "${t.id}" has no rows in the interval history: replayed with no arrivals`);
    const doubled = (['bot', 'retrial', 'repeat'] as const).filter((f) => t[f] !== undefined);
    if (doubled.length > 0) {
      notes.push(`contact type "${t.id}": ${doubled.join(', ')} left out (the recorded offered count already includes the contacts they bring to the queue)`);
    }
  });
  history.types.forEach((id, k) => {
    if (historyType.includes(k)) return;
    const total = offeredOn(dates, (day) => sumDay(history, k, day, () => true));
    notes.push(`history type "${id}" is not in the scenario: its ${fmt(total)} offered contacts are not replayed`);
  });
  staff.groups.forEach((id) => {
    if (!scenario.agentGroups.some((g) => g.id === id)) notes.push(`staff history group "${id}" is not in the scenario: ignored`);
  });
  const outside = outsideSlots(scenario, history.slots);
  historyType.forEach((k, ti) => {
    if (k < 0) return;
    let cellsOutside = 0;
    const total = offeredOn(dates, (day) =>
      sumDay(history, k, day, (s) => {
        const out = outside[s] === 1 && cellValue(history, history.offered, history.types.length, day, k, s, 0) > 0;
        if (out) cellsOutside++;
        return out;
      }),
    );
    if (total > 0) {
      const hours = `${scenario.start}-${formatClock((parseClock(scenario.start) + scenario.intervals * len) % 1440)}`;
      notes.push(`contact type "${scenario.contactTypes[ti]!.id}": ${fmt(total)} contacts offered in ${cellsOutside} intervals outside the scenario's hours (${hours}) are not replayed`);
    }
  });
  if (roundedOffered > 0) notes.push(`${roundedOffered} offered counts were not whole numbers and were rounded`);
  if (roundedStaff > 0) notes.push(`${roundedStaff} staff values were not whole numbers and were rounded`);
  for (const [group, n] of missingStaff) notes.push(`agent group "${group}": ${n} intervals of replayed dates have no staff row and are replayed with 0 agents`);
  return { scenario, history, dates, skipped, notes, historyType, labels, fromDay, toDay };
}

/** A contact type with exact arrivals of the recorded counts and nothing that adds queue arrivals. */
function replayType(t: ContactTypeSpec, volume: number[]): ContactTypeSpec {
  const { bot: _bot, retrial: _retrial, repeat: _repeat, ...kept } = t;
  return { ...kept, arrivals: 'exact', volume };
}

/** A group with the recorded staff per interval instead of its staff or shifts. */
function replayGroup(g: AgentGroupSpec, staff: number[]): AgentGroupSpec {
  const { shifts: _shifts, shrinkage: _shrinkage, ...kept } = g;
  return { ...kept, staff };
}

function isOpen(table: { firstDay: number; days: number; open: Uint8Array }, day: number): boolean {
  const d = day - table.firstDay;
  return d >= 0 && d < table.days && table.open[d] === 1;
}

/** A cell of a history table, `outside` when the day is not in the table. */
function cellValue(
  table: { firstDay: number; days: number; slots: number },
  values: Float64Array,
  series: number,
  day: number,
  k: number,
  slot: number,
  outside: number,
): number {
  const d = day - table.firstDay;
  if (d < 0 || d >= table.days) return outside;
  return values[cellIndex(table.slots, series, d, k, slot)]!;
}

/** Slots of a day that no replayed interval covers (1), counting a midnight spill of the day before. */
function outsideSlots(scenario: Scenario, slots: number): Uint8Array {
  const out = new Uint8Array(slots).fill(1);
  for (let i = 0; i < scenario.intervals; i++) out[intervalCell(scenario, i).slot] = 0;
  return out;
}

function sumDay(history: IntervalHistory, k: number, day: number, keep: (slot: number) => boolean): number {
  let total = 0;
  for (let s = 0; s < history.slots; s++) {
    if (keep(s)) total += cellValue(history, history.offered, history.types.length, day, k, s, 0);
  }
  return total;
}

function offeredOn(dates: readonly ReplayDate[], ofDay: (day: number) => number): number {
  return dates.reduce((sum, d) => sum + ofDay(d.day), 0);
}

function fmt(x: number): string {
  return String(Math.round(x));
}
