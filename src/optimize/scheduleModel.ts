/**
 * The shift-scheduling problem (CONTRACT sections 5 and 10): its types, validation, and which time
 * slots a shift works. Pure, no solver: `schedule.ts` turns this into a HiGHS model.
 *
 * Time. Requirements are per planning interval; shifts, breaks and break windows are placed on a
 * finer grid of slots, `slotsPerInterval` to an interval (1 unless a break or window needs a finer
 * step, e.g. 15-minute breaks in 30-minute intervals). The horizon has `days * intervalsPerDay`
 * intervals, numbered from 0 at the scenario's start; day `d` starts at slot
 * `d * intervalsPerDay * slotsPerInterval`. With `cyclic`, time wraps: the part of a shift past the
 * horizon's end covers its start (the last night covers the first morning of the week).
 */

/** A break, in slots from the shift start: it starts somewhere in [earliest, latest] (fixed when equal). */
export interface BreakWindow {
  /** Earliest start, slots after the shift start (>= 0). */
  earliest: number;
  /** Latest start, slots after the shift start (>= earliest). */
  latest: number;
  /** Length, slots (>= 1); the break must end by the end of the shift. */
  length: number;
}

/** A kind of shift that can be hired on some days. */
export interface ShiftTemplate {
  /** Unique id, reported in the solution. */
  id: string;
  /**
   * Start as a slot within a day, counted from the scenario's start (may be negative, down to
   * `1 - slotsPerDay`, for a shift that starts on the clock before the scenario's daily start).
   */
  start: number;
  /** Length, slots (>= 1, breaks included). May exceed a day and run past midnight. */
  length: number;
  /** Breaks, each fixed or a window; windows of one template cannot overlap (checked). */
  breaks: BreakWindow[];
  /** Cost of one agent working one such shift (>= 0, e.g. currency units). */
  cost: number;
  /** Day indexes the shift may start on; indexes outside [0, days) are ignored. */
  days: number[];
  /** Fewest agents to hire on this template each day it may be used (default 0). */
  min?: number;
  /** Most agents on this template per day (default: no limit). */
  max?: number;
  /** Counts towards `maxPartTimeShare`. */
  partTime?: boolean;
}

/** A whole scheduling problem for one agent group. */
export interface ScheduleProblem {
  /** Planning intervals per day (e.g. 48 for 30-minute intervals). */
  intervalsPerDay: number;
  /** Slots per planning interval, the grid of shifts and breaks (default 1). */
  slotsPerInterval?: number;
  /** Days in the horizon. */
  days: number;
  /** Gross agents required per interval of the horizon: `days * intervalsPerDay` integers >= 0. */
  required: number[];
  /** Shift templates; an empty list is allowed (everything is then shortfall). */
  templates: ShiftTemplate[];
  /**
   * Cost per agent-interval of uncovered requirement. Default: 10 x the largest template cost
   * (at least 10), so shortfall is used only where no template can cover.
   */
  shortfallPenalty?: number;
  /** Time wraps around the horizon (a cyclic week). Default false. */
  cyclic?: boolean;
  /** Per interval of the horizon: may a shift be at work then? A shift must lie inside open intervals. Default all open. */
  open?: boolean[];
  /** Most paid time on `partTime` templates, as a share of all paid time (0..1). Default no cap. */
  maxPartTimeShare?: number;
}

/** One hireable decision: a template started on a day, with the slots it works. */
export interface ShiftColumn {
  /** Index into `problem.templates`. */
  template: number;
  /** Start day. */
  day: number;
  /** Horizon slots inside the shift (wrapped when cyclic), in shift order; -1 where outside the horizon. */
  span: Int32Array;
  /** Per position of `span`: 1 inside a fixed break (a window with one start), else 0. */
  fixedBreak: Uint8Array;
  /** Windows with more than one placement: indexes into the template's `breaks`. */
  windows: number[];
  /** Fewest and most agents worth hiring (bounds of the variable; see `shiftColumns`). */
  lower: number;
  upper: number;
}

function fail(path: string, message: string): never {
  throw new RangeError(`${path}: ${message}`);
}

function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/** Slots per interval in use (default 1). */
export function slotsOf(problem: ScheduleProblem): number {
  return problem.slotsPerInterval ?? 1;
}

/** Throws a RangeError naming the offending field when `problem` is malformed. */
export function validateProblem(problem: ScheduleProblem): void {
  const { intervalsPerDay, days, required, templates } = problem;
  if (!isInt(intervalsPerDay) || intervalsPerDay < 1) fail('intervalsPerDay', `must be a positive integer, got ${String(intervalsPerDay)}`);
  const slots = slotsOf(problem);
  if (!isInt(slots) || slots < 1) fail('slotsPerInterval', `must be a positive integer, got ${String(slots)}`);
  if (!isInt(days) || days < 1) fail('days', `must be a positive integer, got ${String(days)}`);
  if (!Array.isArray(required)) fail('required', 'must be an array');
  if (required.length !== days * intervalsPerDay) {
    fail('required', `has ${required.length} values, expected days x intervalsPerDay = ${days * intervalsPerDay}`);
  }
  required.forEach((r, i) => {
    if (!isInt(r) || r < 0) fail(`required[${i}]`, `must be an integer >= 0, got ${String(r)}`);
  });
  if (problem.open !== undefined && problem.open.length !== required.length) {
    fail('open', `has ${problem.open.length} values, expected one per interval (${required.length})`);
  }
  const share = problem.maxPartTimeShare;
  if (share !== undefined && !(typeof share === 'number' && share >= 0 && share <= 1)) {
    fail('maxPartTimeShare', `must be a number from 0 to 1, got ${String(share)}`);
  }
  if (!Array.isArray(templates)) fail('templates', 'must be an array');
  const slotsPerDay = intervalsPerDay * slots;
  const seen = new Set<string>();
  templates.forEach((t, k) => {
    const at = `templates[${k}]`;
    if (typeof t.id !== 'string' || t.id === '') fail(`${at}.id`, 'must be a non-empty string');
    if (seen.has(t.id)) fail(`${at}.id`, `duplicate id ${JSON.stringify(t.id)}`);
    seen.add(t.id);
    if (!isInt(t.start) || t.start <= -slotsPerDay || t.start >= slotsPerDay) {
      fail(`${at}.start`, `must be an integer in (-${slotsPerDay}, ${slotsPerDay}), got ${String(t.start)}`);
    }
    if (!isInt(t.length) || t.length < 1) fail(`${at}.length`, `must be an integer >= 1, got ${String(t.length)}`);
    if (typeof t.cost !== 'number' || !Number.isFinite(t.cost) || t.cost < 0) {
      fail(`${at}.cost`, `must be a finite number >= 0, got ${String(t.cost)}`);
    }
    if (!Array.isArray(t.days)) fail(`${at}.days`, 'must be an array of day indexes');
    t.days.forEach((d, j) => {
      if (!isInt(d)) fail(`${at}.days[${j}]`, `must be an integer, got ${String(d)}`);
    });
    if (t.min !== undefined && (!isInt(t.min) || t.min < 0)) fail(`${at}.min`, `must be an integer >= 0, got ${String(t.min)}`);
    if (t.max !== undefined && (!isInt(t.max) || t.max < (t.min ?? 0))) {
      fail(`${at}.max`, `must be an integer >= min (${t.min ?? 0}), got ${String(t.max)}`);
    }
    if (!Array.isArray(t.breaks)) fail(`${at}.breaks`, 'must be an array');
    t.breaks.forEach((b, j) => {
      const bat = `${at}.breaks[${j}]`;
      if (!isInt(b.earliest) || b.earliest < 0) fail(`${bat}.earliest`, `must be an integer >= 0, got ${String(b.earliest)}`);
      if (!isInt(b.latest) || b.latest < b.earliest) fail(`${bat}.latest`, `must be an integer >= earliest (${b.earliest}), got ${String(b.latest)}`);
      if (!isInt(b.length) || b.length < 1) fail(`${bat}.length`, `must be an integer >= 1, got ${String(b.length)}`);
      if (b.latest + b.length > t.length) {
        fail(bat, `break [${b.latest}, ${b.latest + b.length}) ends after the shift (length ${t.length})`);
      }
    });
    const order = t.breaks.map((b, j) => ({ ...b, j })).sort((a, b) => a.earliest - b.earliest || a.j - b.j);
    order.forEach((b, n) => {
      const prev = order[n - 1];
      if (prev !== undefined && prev.latest + prev.length > b.earliest) {
        fail(`${at}.breaks[${b.j}]`, `can overlap breaks[${prev.j}] (which may run until slot ${prev.latest + prev.length}; this one may start at ${b.earliest})`);
      }
    });
  });
  const p = problem.shortfallPenalty;
  if (p !== undefined && (typeof p !== 'number' || !Number.isFinite(p) || p <= 0)) {
    fail('shortfallPenalty', `must be a finite number > 0, got ${String(p)}`);
  }
}

/** The penalty in use: the given one, or 10 x max(1, largest template cost). */
export function shortfallPenaltyOf(problem: ScheduleProblem): number {
  if (problem.shortfallPenalty !== undefined) return problem.shortfallPenalty;
  return 10 * Math.max(1, ...problem.templates.map((t) => t.cost));
}

/** Horizon slot of slot `s` counted from day 0's start, or -1 outside a non-cyclic horizon. */
function horizonSlot(problem: ScheduleProblem, s: number): number {
  const total = problem.days * problem.intervalsPerDay * slotsOf(problem);
  if (problem.cyclic === true) return ((s % total) + total) % total;
  return s >= 0 && s < total ? s : -1;
}

/** The shift's span in horizon slots (see {@link ShiftColumn.span}) and which positions are in a fixed break. */
export function shiftSpan(problem: ScheduleProblem, template: ShiftTemplate, day: number): { span: Int32Array; fixedBreak: Uint8Array } {
  const first = day * problem.intervalsPerDay * slotsOf(problem) + template.start;
  const span = new Int32Array(template.length);
  const fixedBreak = new Uint8Array(template.length);
  for (let k = 0; k < template.length; k += 1) span[k] = horizonSlot(problem, first + k);
  for (const b of template.breaks) if (b.latest === b.earliest) for (let k = b.earliest; k < b.earliest + b.length; k += 1) fixedBreak[k] = 1;
  return { span, fixedBreak };
}

/**
 * Horizon slots worked by one agent on `template` started on `day`, with each break at the given
 * offset (default: each window's earliest start), ascending, duplicates kept (a shift longer than a
 * cyclic horizon works a slot twice).
 */
export function workedSlots(problem: ScheduleProblem, template: ShiftTemplate, day: number, breakStarts?: readonly number[]): number[] {
  const { span } = shiftSpan(problem, template, day);
  const worked = new Array<boolean>(template.length).fill(true);
  template.breaks.forEach((b, j) => {
    const from = breakStarts?.[j] ?? b.earliest;
    for (let k = from; k < from + b.length; k += 1) worked[k] = false;
  });
  const out: number[] = [];
  worked.forEach((w, k) => {
    const s = span[k] ?? -1;
    if (w && s >= 0) out.push(s);
  });
  return out.sort((a, b) => a - b);
}

/** Is every interval the shift touches open? */
function insideOpening(problem: ScheduleProblem, span: Int32Array): boolean {
  const open = problem.open;
  if (open === undefined) return true;
  const slots = slotsOf(problem);
  for (const s of span) if (s >= 0 && open[Math.floor(s / slots)] !== true) return false;
  return true;
}

/**
 * Every (template, day) worth a decision variable, in template order then day order: days inside
 * the horizon (duplicates once), inside opening hours, and only shifts that cover some interval
 * with a requirement > 0 or that a `min` forces (all of them with `keepIdle`: a roster may need a
 * shift that covers nothing, to give an agent their contracted minutes).
 */
export function shiftColumns(problem: ScheduleProblem, options: { keepIdle?: boolean } = {}): ShiftColumn[] {
  const slots = slotsOf(problem);
  const columns: ShiftColumn[] = [];
  problem.templates.forEach((template, t) => {
    const days = [...new Set(template.days)].filter((d) => d >= 0 && d < problem.days).sort((a, b) => a - b);
    const windows = template.breaks.flatMap((b, j) => (b.latest > b.earliest ? [j] : []));
    const lower = template.min ?? 0;
    for (const day of days) {
      const { span, fixedBreak } = shiftSpan(problem, template, day);
      if (!insideOpening(problem, span)) continue;
      // More agents never help beyond: the largest requirement the shift meets (without break
      // windows all its agents work the same slots, so one more only adds surplus); with windows,
      // the requirement summed over its slots (an agent is needed only if it works a slot whose
      // coverage is not above its requirement, and such a slot has at most that many workers).
      let most = 0;
      let sum = 0;
      span.forEach((s, k) => {
        if (s < 0 || fixedBreak[k] === 1) return;
        const r = problem.required[Math.floor(s / slots)] ?? 0;
        most = Math.max(most, r);
        sum += r;
      });
      const useful = windows.length === 0 ? most : sum;
      const upper = Math.max(lower, Math.min(useful, template.max ?? Infinity));
      if (upper > 0 || options.keepIdle === true) columns.push({ template: t, day, span, fixedBreak, windows, lower, upper });
    }
  });
  return columns;
}
