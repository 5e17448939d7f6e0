/**
 * From the scenario's `shiftTemplates` (clock times and minutes, CONTRACT section 5) to the
 * interval-based `ShiftTemplate`s of the scheduling integer program, and the gross-up of a net
 * staffing requirement by shrinkage.
 */
import type { ShiftTemplate } from './scheduleModel.js';

/** A break as written in a scenario: minutes from the shift start, and its length in minutes. */
export interface ScenarioShiftBreak {
  offsetMinutes: number;
  minutes: number;
}

/** A shift template as written in a scenario's top-level `shiftTemplates`. */
export interface ScenarioShiftTemplate {
  id: string;
  /** Clock time "HH:MM" of the start, on the start day. */
  start: string;
  /** Length including breaks, minutes. */
  minutes: number;
  /** Cost of one agent on one such shift; default hours x `costPerHour`. */
  cost?: number;
  /** Day indexes the template may start on; default every day of the horizon. */
  days?: number[];
  breaks?: ScenarioShiftBreak[];
}

/** What the conversion needs from the scenario and the agent group. */
export interface TemplateContext {
  /** Scenario `start`, "HH:MM": the clock time of interval 0 (and of each day's first interval). */
  start: string;
  /** Planning interval length, minutes (a divisor of 1440). */
  intervalMinutes: number;
  /** Days in the horizon (the default `days` of a template is 0..days-1). */
  days: number;
  /** Cost of one agent hour, for templates without `cost` (default 0). */
  costPerHour?: number;
}

const clockPattern = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;

function fail(path: string, message: string): never {
  throw new RangeError(`${path}: ${message}`);
}

function clockMinutes(text: unknown, path: string): number {
  const match = typeof text === 'string' ? clockPattern.exec(text) : null;
  if (match === null) fail(path, `must be a time "HH:MM" from 00:00 to 23:59, got ${JSON.stringify(text)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

function wholeIntervals(minutes: unknown, path: string, interval: number, what: 'length' | 'offset'): number {
  const min = what === 'length' ? 1 : 0;
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < min) {
    fail(path, `must be a number ${what === 'length' ? '> 0' : '>= 0'}, got ${String(minutes)}`);
  }
  if (minutes % interval !== 0) {
    fail(path, what === 'length'
      ? `${minutes} minutes is not a whole number of ${interval}-minute intervals`
      : `${minutes} minutes is not on a ${interval}-minute interval boundary`);
  }
  return minutes / interval;
}

/**
 * Converts scenario shift templates to `ShiftTemplate`s. `startInterval` is the template's clock
 * start minus the scenario's `start`, in intervals: negative when the template starts earlier in
 * the clock day than the scenario (so "06:00" on day 0 lies before an 08:00 scenario start, as in
 * the simulator's `shifts`). Throws RangeError with the path of the offending field, e.g.
 * `shiftTemplates[2].start: 08:10 is not on a 30-minute interval boundary`.
 *
 * @param templates the scenario's `shiftTemplates`
 * @param context scenario start, interval length (minutes), horizon days, and cost per agent hour
 * @param path prefix for error messages (default `shiftTemplates`)
 */
export function templatesFromScenario(
  templates: readonly ScenarioShiftTemplate[],
  context: TemplateContext,
  path = 'shiftTemplates',
): ShiftTemplate[] {
  const { intervalMinutes: interval, days: horizonDays } = context;
  if (!Number.isInteger(interval) || interval < 1 || 1440 % interval !== 0) {
    fail('intervalMinutes', `must be a positive divisor of 1440, got ${String(interval)}`);
  }
  if (!Number.isInteger(horizonDays) || horizonDays < 1) fail('days', `must be a positive integer, got ${String(horizonDays)}`);
  const costPerHour = context.costPerHour ?? 0;
  if (!Number.isFinite(costPerHour) || costPerHour < 0) fail('costPerHour', `must be a finite number >= 0, got ${String(costPerHour)}`);
  const origin = clockMinutes(context.start, 'start');
  if (!Array.isArray(templates as unknown)) fail(path, 'must be an array');
  const seen = new Set<string>();
  return templates.map((t, k) => {
    const at = `${path}[${k}]`;
    if (typeof t.id !== 'string' || t.id.trim() === '') fail(`${at}.id`, 'must be a non-empty string');
    if (seen.has(t.id)) fail(`${at}.id`, `duplicate id ${JSON.stringify(t.id)}`);
    seen.add(t.id);
    const offset = clockMinutes(t.start, `${at}.start`) - origin;
    if (offset % interval !== 0) fail(`${at}.start`, `${t.start} is not on a ${interval}-minute interval boundary`);
    const lengthIntervals = wholeIntervals(t.minutes, `${at}.minutes`, interval, 'length');
    const breaks = (t.breaks ?? []).map((b, j) => {
      const bat = `${at}.breaks[${j}]`;
      const offsetIntervals = wholeIntervals(b.offsetMinutes, `${bat}.offsetMinutes`, interval, 'offset');
      const breakLength = wholeIntervals(b.minutes, `${bat}.minutes`, interval, 'length');
      if (b.offsetMinutes + b.minutes > t.minutes) {
        fail(bat, `break from minute ${b.offsetMinutes} to ${b.offsetMinutes + b.minutes} ends after the ${t.minutes}-minute shift`);
      }
      return { offsetIntervals, lengthIntervals: breakLength };
    });
    const cost = t.cost ?? (t.minutes / 60) * costPerHour;
    if (!Number.isFinite(cost) || cost < 0) fail(`${at}.cost`, `must be a finite number >= 0, got ${String(t.cost)}`);
    const days = t.days ?? Array.from({ length: horizonDays }, (_, d) => d);
    days.forEach((d, j) => {
      if (!Number.isInteger(d) || d < 0) fail(`${at}.days[${j}]`, `must be an integer >= 0, got ${String(d)}`);
    });
    return { id: t.id, startInterval: offset / interval, lengthIntervals, breaks, cost, days: [...days] };
  });
}

/**
 * Gross requirement per interval: ceil(net / (1 - shrinkage)), agents to schedule so that `net`
 * remain after shrinkage (absence, training, ...). A relative 1e-9 tolerance keeps float noise
 * from adding an agent (7 / 0.7 is 10.000000000000002 in binary floating point; this gives 10).
 *
 * @param net agents needed present per interval (>= 0; may be fractional)
 * @param shrinkage fraction of scheduled agents not available, in [0, 1)
 */
export function grossRequirement(net: readonly number[], shrinkage: number): number[] {
  if (!(typeof shrinkage === 'number' && shrinkage >= 0 && shrinkage < 1)) {
    throw new RangeError(`shrinkage: must be in [0, 1), got ${String(shrinkage)}`);
  }
  return net.map((n, i) => {
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) throw new RangeError(`net[${i}]: must be a finite number >= 0, got ${String(n)}`);
    const gross = n / (1 - shrinkage);
    return Math.max(0, Math.ceil(gross - 1e-9 * Math.max(1, gross)));
  });
}
