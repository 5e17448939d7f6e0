/**
 * Reforecasting the rest of today from what has arrived so far (CONTRACT section 7, `--actuals`).
 *
 * Each contact type's volume for the day is the scenario's forecast times an unknown day factor
 * M (the "busyness" of the day), and arrivals given M are Poisson. With a gamma prior on M of mean
 * 1 and coefficient of variation cv, and O contacts offered so far where the forecast expected E,
 * the posterior mean of M is
 *
 *     factor = (a + O) / (a + E),   a = 1 / cv^2
 *
 * the conjugate Poisson-gamma update (the gamma "busyness" factor of Jongbloed & Koole 2001,
 * "Managing uncertainty in call centres using Poisson mixtures", and of Avramidis, Deslauriers &
 * L'Ecuyer 2004, "Modeling daily arrivals to a telephone call center"; Whitt 1999, "Dynamic
 * staffing in a telephone call center aiming to immediately answer all calls", updates the rest of
 * the day the same way). It is O / E when many contacts have arrived (E >> a) and shrinks towards
 * 1 when few have: with cv 0.15 (a = 44), 10 contacts against 5 expected give 1.10, not 2.
 *
 * The prior cv is the type's own `volumeUncertainty.cv` (the forecast error the scenario already
 * states), else DEFAULT_PRIOR_CV. A cv of 0 says the forecast is certain: the factor stays 1.
 */
import type { Scenario } from '../scenario/index.js';
import { parseClock, perInterval } from '../scenario/values.js';
import { dateText } from '../history/calendar.js';
import { cellIndex, type IntervalHistory } from '../history/types.js';

/** Day-level forecast error assumed when a type states none: a typical intraday planning error. */
export const DEFAULT_PRIOR_CV = 0.15;

export interface TypeReforecast {
  /** Posterior mean of the day factor: the rest of the day's volume is multiplied by it. */
  readonly factor: number;
  /** Contacts offered so far today (the actuals, over the scenario's intervals before now). */
  readonly offered: number;
  /** What the scenario expected over the same intervals. */
  readonly expected: number;
  /** The prior's coefficient of variation, and where it came from. */
  readonly priorCv: number;
  readonly priorFrom: 'volumeUncertainty' | 'default';
  /** How much the actuals count: E / (a + E) (0: the forecast alone, 1: the actuals alone). */
  readonly weight: number;
}

export interface Reforecast {
  readonly byType: Record<string, TypeReforecast>;
  readonly notes: string[];
}

/** Why actuals cannot be used for this scenario and time. */
export class ReforecastError extends Error {
  override readonly name = 'ReforecastError';
}

/**
 * Factors per contact type from `actuals` (interval history rows of one date) over the scenario's
 * intervals before `nowInterval`. Rows from `nowInterval` on (a partial interval in progress) are
 * left out with a note; types on only one side are reported in `notes`.
 */
export function reforecast(scenario: Scenario, actuals: IntervalHistory, nowInterval: number): Reforecast {
  const notes: string[] = [];
  const openDays: number[] = [];
  for (let d = 0; d < actuals.days; d++) if (actuals.open[d] === 1) openDays.push(actuals.firstDay + d);
  if (openDays.length !== 1) {
    throw new ReforecastError(`expected the interval rows of one date (today), found ${openDays.length} dates${openDays.length > 1 ? ` (${dateText(openDays[0]!)} to ${dateText(openDays.at(-1)!)})` : ''}`);
  }
  const len = scenario.intervalMinutes;
  if (len % actuals.intervalMinutes !== 0) {
    throw new ReforecastError(`the actuals have ${actuals.intervalMinutes}-minute intervals, which do not add up into the scenario's ${len}-minute ones`);
  }
  const d = openDays[0]! - actuals.firstDay;
  const per = len / actuals.intervalMinutes;
  const start = parseClock(scenario.start);
  const slotOf = (i: number, j: number) => {
    const minute = start + i * len + j * actuals.intervalMinutes;
    return { day: d + Math.floor(minute / 1440), slot: (minute % 1440) / actuals.intervalMinutes };
  };
  const offeredOf = (t: number, from: number, to: number) => {
    let sum = 0;
    for (let i = from; i < to; i++) {
      for (let j = 0; j < per; j++) {
        const { day, slot } = slotOf(i, j);
        if (day < actuals.days && Number.isInteger(slot)) sum += actuals.offered[cellIndex(actuals.slots, actuals.types.length, day, t, slot)]!;
      }
    }
    return sum;
  };
  const byType: Record<string, TypeReforecast> = {};
  const scenarioIds = new Set(scenario.contactTypes.map((t) => t.id));
  for (const id of actuals.types) if (!scenarioIds.has(id)) notes.push(`actuals type "${id}" is not in the scenario: ignored`);
  for (const type of scenario.contactTypes) {
    const t = actuals.types.indexOf(type.id);
    const stated = type.volumeUncertainty?.cv;
    const priorCv = stated ?? DEFAULT_PRIOR_CV;
    const priorFrom = stated === undefined ? 'default' : 'volumeUncertainty';
    const volume = perInterval(type.volume, scenario.intervals);
    const expected = volume.slice(0, nowInterval).reduce((a, b) => a + b, 0);
    if (t < 0) {
      notes.push(`scenario type "${type.id}" has no actuals: its volume is kept (factor 1)`);
      byType[type.id] = { factor: 1, offered: 0, expected, priorCv, priorFrom, weight: 0 };
      continue;
    }
    const later = offeredOf(t, nowInterval, scenario.intervals);
    if (later > 0) notes.push(`${type.id}: ${later} contacts in actuals rows from --now on (an interval in progress) are left out`);
    const offered = offeredOf(t, 0, nowInterval);
    if (priorCv === 0) {
      notes.push(`${type.id}: volumeUncertainty.cv is 0 (the forecast is taken as certain), so the actuals do not move it`);
      byType[type.id] = { factor: 1, offered, expected, priorCv, priorFrom, weight: 0 };
      continue;
    }
    const a = 1 / (priorCv * priorCv);
    byType[type.id] = { factor: (a + offered) / (a + expected), offered, expected, priorCv, priorFrom, weight: expected / (a + expected) };
  }
  return { byType, notes };
}

/** The scenario with each type's volume from `nowInterval` on multiplied by its factor. */
export function reforecastScenario(scenario: Scenario, result: Reforecast, nowInterval: number): Scenario {
  return {
    ...scenario,
    contactTypes: scenario.contactTypes.map((type) => {
      const factor = result.byType[type.id]?.factor ?? 1;
      if (factor === 1) return type;
      const volume = perInterval(type.volume, scenario.intervals).map((v, i) => (i >= nowInterval ? v * factor : v));
      return { ...type, volume };
    }),
  };
}
