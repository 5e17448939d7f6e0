/**
 * The shift-scheduling problem (CONTRACT section 5): its types, validation, and which intervals a
 * shift covers. Pure, no solver: `schedule.ts` turns this into a HiGHS model.
 *
 * Time is measured in planning intervals. The horizon has `days * intervalsPerDay` intervals,
 * numbered from 0 at the scenario's start; day `d` starts at interval `d * intervalsPerDay`.
 */

/** A break inside a shift, in intervals. */
export interface ShiftBreak {
  /** Intervals from the shift start to the break start (>= 0). */
  offsetIntervals: number;
  /** Length of the break, intervals (>= 1); the break must end by the end of the shift. */
  lengthIntervals: number;
}

/** A kind of shift that can be hired on some days. */
export interface ShiftTemplate {
  /** Unique id, reported in the solution. */
  id: string;
  /**
   * Start as an interval index within a day, counted from the scenario's start (may be negative,
   * down to `1 - intervalsPerDay`, for a shift that starts on the clock before the scenario's daily
   * start; its part before interval 0 covers nothing on day 0).
   */
  startInterval: number;
  /** Length, intervals (>= 1, breaks included). May exceed a day and run past midnight. */
  lengthIntervals: number;
  /** Breaks: intervals inside the shift that the agent does not work. */
  breaks: ShiftBreak[];
  /** Cost of one agent working one such shift (>= 0, e.g. currency units). */
  cost: number;
  /** Day indexes the shift may start on; indexes outside [0, days) are ignored. */
  days: number[];
}

/** A whole scheduling problem for one agent group. */
export interface ScheduleProblem {
  /** Planning intervals per day (e.g. 48 for 30-minute intervals). */
  intervalsPerDay: number;
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
}

/** One hireable decision: a template started on a day, with the intervals it covers. */
export interface ShiftColumn {
  /** Index into `problem.templates`. */
  template: number;
  /** Start day. */
  day: number;
  /** Absolute interval indexes (inside the horizon) worked in full, ascending. */
  covers: number[];
  /** Largest requirement among the covered intervals: more agents than this never help. */
  upper: number;
}

function fail(path: string, message: string): never {
  throw new RangeError(`${path}: ${message}`);
}

function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/** Throws a RangeError naming the offending field when `problem` is malformed. */
export function validateProblem(problem: ScheduleProblem): void {
  const { intervalsPerDay, days, required, templates } = problem;
  if (!isInt(intervalsPerDay) || intervalsPerDay < 1) fail('intervalsPerDay', `must be a positive integer, got ${String(intervalsPerDay)}`);
  if (!isInt(days) || days < 1) fail('days', `must be a positive integer, got ${String(days)}`);
  if (!Array.isArray(required)) fail('required', 'must be an array');
  if (required.length !== days * intervalsPerDay) {
    fail('required', `has ${required.length} values, expected days x intervalsPerDay = ${days * intervalsPerDay}`);
  }
  required.forEach((r, i) => {
    if (!isInt(r) || r < 0) fail(`required[${i}]`, `must be an integer >= 0, got ${String(r)}`);
  });
  if (!Array.isArray(templates)) fail('templates', 'must be an array');
  const seen = new Set<string>();
  templates.forEach((t, k) => {
    const at = `templates[${k}]`;
    if (typeof t.id !== 'string' || t.id === '') fail(`${at}.id`, 'must be a non-empty string');
    if (seen.has(t.id)) fail(`${at}.id`, `duplicate id ${JSON.stringify(t.id)}`);
    seen.add(t.id);
    if (!isInt(t.startInterval) || t.startInterval <= -intervalsPerDay || t.startInterval >= intervalsPerDay) {
      fail(`${at}.startInterval`, `must be an integer in (-${intervalsPerDay}, ${intervalsPerDay}), got ${String(t.startInterval)}`);
    }
    if (!isInt(t.lengthIntervals) || t.lengthIntervals < 1) {
      fail(`${at}.lengthIntervals`, `must be an integer >= 1, got ${String(t.lengthIntervals)}`);
    }
    if (typeof t.cost !== 'number' || !Number.isFinite(t.cost) || t.cost < 0) {
      fail(`${at}.cost`, `must be a finite number >= 0, got ${String(t.cost)}`);
    }
    if (!Array.isArray(t.days)) fail(`${at}.days`, 'must be an array of day indexes');
    t.days.forEach((d, j) => {
      if (!isInt(d)) fail(`${at}.days[${j}]`, `must be an integer, got ${String(d)}`);
    });
    if (!Array.isArray(t.breaks)) fail(`${at}.breaks`, 'must be an array');
    t.breaks.forEach((b, j) => {
      const bat = `${at}.breaks[${j}]`;
      if (!isInt(b.offsetIntervals) || b.offsetIntervals < 0) {
        fail(`${bat}.offsetIntervals`, `must be an integer >= 0, got ${String(b.offsetIntervals)}`);
      }
      if (!isInt(b.lengthIntervals) || b.lengthIntervals < 1) {
        fail(`${bat}.lengthIntervals`, `must be an integer >= 1, got ${String(b.lengthIntervals)}`);
      }
      if (b.offsetIntervals + b.lengthIntervals > t.lengthIntervals) {
        fail(bat, `break [${b.offsetIntervals}, ${b.offsetIntervals + b.lengthIntervals}) ends after the shift (length ${t.lengthIntervals})`);
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

/** Offsets from the shift start (in intervals) that the agent works: not in any break. */
export function workedOffsets(template: ShiftTemplate): number[] {
  const worked = new Array<boolean>(template.lengthIntervals).fill(true);
  for (const b of template.breaks) {
    for (let k = b.offsetIntervals; k < b.offsetIntervals + b.lengthIntervals; k += 1) worked[k] = false;
  }
  const out: number[] = [];
  worked.forEach((w, k) => {
    if (w) out.push(k);
  });
  return out;
}

/** Absolute intervals inside the horizon covered by `template` started on `day`. */
export function coveredIntervals(problem: ScheduleProblem, template: ShiftTemplate, day: number): number[] {
  const horizon = problem.days * problem.intervalsPerDay;
  const first = day * problem.intervalsPerDay + template.startInterval;
  return workedOffsets(template)
    .map((k) => first + k)
    .filter((i) => i >= 0 && i < horizon);
}

/**
 * Every (template, day) worth a decision variable, in template order then day order: days inside
 * the horizon (duplicates once), and only shifts that cover some interval with a requirement > 0.
 */
export function shiftColumns(problem: ScheduleProblem): ShiftColumn[] {
  const columns: ShiftColumn[] = [];
  problem.templates.forEach((template, t) => {
    const days = [...new Set(template.days)].filter((d) => d >= 0 && d < problem.days).sort((a, b) => a - b);
    for (const day of days) {
      const covers = coveredIntervals(problem, template, day);
      const upper = Math.max(0, ...covers.map((i) => problem.required[i] ?? 0));
      if (upper > 0) columns.push({ template: t, day, covers, upper });
    }
  });
  return columns;
}
