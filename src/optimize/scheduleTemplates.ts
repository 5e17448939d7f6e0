/**
 * From the scenario's `shiftTemplates` (clock times and minutes, CONTRACT section 5) to the
 * interval-based `ShiftTemplate`s of the scheduling integer program, and the gross-up of a net
 * staffing requirement by shrinkage.
 */
import type { ShiftTemplate } from './scheduleModel.js';

/** A fixed break as written in a scenario: minutes from the shift start, and its length in minutes. */
export interface ScenarioFixedBreak {
  offsetMinutes: number;
  minutes: number;
}

/** A break window as written in a scenario: the break starts between the two offsets (minutes from the shift start). */
export interface ScenarioBreakWindow {
  earliestOffsetMinutes: number;
  latestOffsetMinutes: number;
  minutes: number;
}

/** A break of a scenario shift template: fixed or a window. */
export type ScenarioShiftBreak = ScenarioFixedBreak | ScenarioBreakWindow;

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
  /** Agent groups that may work it; default every group. */
  groups?: string[];
  /** Fewest agents on it each day it may be used (default 0). */
  min?: number;
  /** Most agents on it per day (default no limit). */
  max?: number;
  /** Counts towards the part-time cap. */
  partTime?: boolean;
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
  /** Minutes per slot (a divisor of `intervalMinutes`); default {@link slotMinutesOf} the templates. */
  slotMinutes?: number;
}

const clockPattern = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;

/** Finest grid, minutes, that shift starts, lengths and breaks may use (or the interval, if shorter). */
export const FINEST_SLOT_MINUTES = 5;

function fail(path: string, message: string): never {
  throw new RangeError(`${path}: ${message}`);
}

function clockMinutes(text: unknown, path: string): number {
  const match = typeof text === 'string' ? clockPattern.exec(text) : null;
  if (match === null) fail(path, `must be a time "HH:MM" from 00:00 to 23:59, got ${JSON.stringify(text)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** Is it a break window (rather than a fixed break)? */
export function isBreakWindow(b: ScenarioShiftBreak): b is ScenarioBreakWindow {
  return 'earliestOffsetMinutes' in b;
}

/** Every minute value of a template that must sit on the slot grid, with its path. */
function gridValues(t: ScenarioShiftTemplate, at: string, origin: number): [number, string][] {
  const out: [number, string][] = [[Math.abs(clockMinutes(t.start, `${at}.start`) - origin), `${at}.start`], [t.minutes, `${at}.minutes`]];
  (t.breaks ?? []).forEach((b, j) => {
    const bat = `${at}.breaks[${j}]`;
    if (isBreakWindow(b)) {
      out.push([b.earliestOffsetMinutes, `${bat}.earliestOffsetMinutes`], [b.latestOffsetMinutes, `${bat}.latestOffsetMinutes`]);
    } else out.push([b.offsetMinutes, `${bat}.offsetMinutes`]);
    out.push([b.minutes, `${bat}.minutes`]);
  });
  return out;
}

/**
 * The slot length, minutes: the greatest common divisor of the interval length and every start
 * (from the scenario's start), length, break offset and window bound of the templates, so a plan
 * whose templates all sit on interval boundaries keeps one slot per interval. Throws a RangeError
 * naming the first value off the finest grid (multiples of 5 minutes, or of the interval if shorter).
 */
export function slotMinutesOf(templates: readonly ScenarioShiftTemplate[], intervalMinutes: number, start: string, path = 'shiftTemplates'): number {
  const origin = clockMinutes(start, 'start');
  const finest = Math.min(FINEST_SLOT_MINUTES, intervalMinutes);
  let slot = intervalMinutes;
  templates.forEach((t, k) => {
    for (const [value, at] of gridValues(t, `${path}[${k}]`, origin)) {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) continue; // reported by the conversion
      if (value % finest !== 0) {
        fail(at, at.endsWith('.start')
          ? `${t.start} is not on the ${finest}-minute grid of shift starts`
          : `${value} minutes is not a multiple of ${finest} minutes (shifts and breaks are placed on a ${finest}-minute grid)`);
      }
      slot = gcd(slot, value);
    }
  });
  return slot;
}

function wholeSlots(minutes: unknown, path: string, slot: number, what: 'length' | 'offset'): number {
  const min = what === 'length' ? 1 : 0;
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < min) {
    fail(path, `must be a number ${what === 'length' ? '> 0' : '>= 0'}, got ${String(minutes)}`);
  }
  if (minutes % slot !== 0) {
    fail(path, what === 'length'
      ? `${minutes} minutes is not a whole number of ${slot}-minute slots`
      : `${minutes} minutes is not on a ${slot}-minute slot boundary`);
  }
  return minutes / slot;
}

/**
 * Converts scenario shift templates to `ShiftTemplate`s in slots of `context.slotMinutes`.
 * `start` is the template's clock start minus the scenario's `start`, in slots: negative when the
 * template starts earlier in the clock day than the scenario (so "06:00" on day 0 lies before an
 * 08:00 scenario start, as in the simulator's `shifts`). A fixed break is a window whose earliest
 * and latest starts are equal. Throws RangeError with the path of the offending field, e.g.
 * `shiftTemplates[2].start: 08:10 is not on the 5-minute grid of shift starts`.
 *
 * @param templates the scenario's `shiftTemplates`
 * @param context scenario start, interval length (minutes), horizon days, cost per agent hour, slot
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
  const slot = context.slotMinutes ?? slotMinutesOf(templates, interval, context.start, path);
  const seen = new Set<string>();
  return templates.map((t, k) => {
    const at = `${path}[${k}]`;
    if (typeof t.id !== 'string' || t.id.trim() === '') fail(`${at}.id`, 'must be a non-empty string');
    if (seen.has(t.id)) fail(`${at}.id`, `duplicate id ${JSON.stringify(t.id)}`);
    seen.add(t.id);
    const offset = clockMinutes(t.start, `${at}.start`) - origin;
    if (offset % slot !== 0) fail(`${at}.start`, `${t.start} is not on a ${slot}-minute slot boundary`);
    const length = wholeSlots(t.minutes, `${at}.minutes`, slot, 'length');
    const breaks = (t.breaks ?? []).map((b, j) => {
      const bat = `${at}.breaks[${j}]`;
      const window = isBreakWindow(b);
      const earliest = window
        ? wholeSlots(b.earliestOffsetMinutes, `${bat}.earliestOffsetMinutes`, slot, 'offset')
        : wholeSlots(b.offsetMinutes, `${bat}.offsetMinutes`, slot, 'offset');
      const latest = window ? wholeSlots(b.latestOffsetMinutes, `${bat}.latestOffsetMinutes`, slot, 'offset') : earliest;
      const breakLength = wholeSlots(b.minutes, `${bat}.minutes`, slot, 'length');
      if (latest < earliest) fail(`${bat}.latestOffsetMinutes`, `is before earliestOffsetMinutes (${latest * slot} < ${earliest * slot})`);
      if ((latest + breakLength) * slot > t.minutes) {
        fail(bat, window
          ? `a break starting at minute ${latest * slot} would end at ${(latest + breakLength) * slot}, after the ${t.minutes}-minute shift`
          : `break from minute ${earliest * slot} to ${(earliest + breakLength) * slot} ends after the ${t.minutes}-minute shift`);
      }
      return { earliest, latest, length: breakLength };
    });
    const order = breaks.map((b, j) => ({ ...b, j })).sort((a, b) => a.earliest - b.earliest || a.j - b.j);
    order.forEach((b, n) => {
      const prev = order[n - 1];
      if (prev !== undefined && prev.latest + prev.length > b.earliest) {
        fail(`${at}.breaks[${b.j}]`, prev.latest === prev.earliest && b.latest === b.earliest
          ? `overlaps breaks[${prev.j}]`
          : `can overlap breaks[${prev.j}] (that one may run until minute ${(prev.latest + prev.length) * slot}, this one may start at minute ${b.earliest * slot})`);
      }
    });
    const cost = t.cost ?? (t.minutes / 60) * costPerHour;
    if (!Number.isFinite(cost) || cost < 0) fail(`${at}.cost`, `must be a finite number >= 0, got ${String(t.cost)}`);
    const days = t.days ?? Array.from({ length: horizonDays }, (_, d) => d);
    days.forEach((d, j) => {
      if (!Number.isInteger(d) || d < 0) fail(`${at}.days[${j}]`, `must be an integer >= 0, got ${String(d)}`);
    });
    return {
      id: t.id,
      start: offset / slot,
      length,
      breaks,
      cost,
      days: [...days],
      ...(t.min !== undefined ? { min: t.min } : {}),
      ...(t.max !== undefined ? { max: t.max } : {}),
      ...(t.partTime === true ? { partTime: true } : {}),
    };
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
