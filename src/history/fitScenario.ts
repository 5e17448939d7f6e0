import type { DistSpec, Scenario } from '../scenario/index.js';
import { parseClock } from '../scenario/index.js';
import { dateText, weekday } from './calendar.js';
import type { ContactLogSummary } from './contactLogSummary.js';
import { erlangAPatience } from './erlangAPatience.js';
import { estimate, type Estimate } from './estimate.js';
import { forecastHistory } from './forecast.js';
import { FORECAST_DEFAULTS } from './forecastOptions.js';
import { fitHandleTime, type HandleFitResult } from './handleTimeFit.js';
import type { SurvivalPoint } from './kaplanMeier.js';
import { fitPatience, type PatienceFitResult } from './patienceFit.js';
import { cellIndex, type IntervalHistory } from './types.js';
import { volumeUncertaintyCv } from './volumeUncertainty.js';

/**
 * `ccsim fit` (CONTRACT section 6): a copy of a scenario whose contact types take their volume,
 * handle time, patience and volume uncertainty from a center's history (docs/fit.md). Per
 * contact type found in both the history and the scenario:
 * - `volume`: the forecast (src/history/forecast.ts) of the target day, summed into the
 *   scenario's intervals (a history of 15-minute intervals fills a 30-minute scenario);
 * - `handleTime`: from the contact log, the family of least AIC with its cv, the mean per
 *   interval from the forecast's AHT when it varies meaningfully (AHT_SPREAD_RULE), else the
 *   log's mean; without a log, exponential with the per-interval AHT means (the contract);
 * - `patience`: censored ML from the contact log, else Erlang-A from the interval history;
 * - `volumeUncertainty.cv`: from the forecast's backtest day ratios.
 * Everything else is kept; types on one side only are reported in the notes.
 */
export interface FitInputs {
  readonly history: IntervalHistory;
  /** The contact log, summarized (optional). */
  readonly contacts?: ContactLogSummary;
  /** Target date (day number); default: the first open day after the history. */
  readonly day?: number;
  /** Special days, left out of the forecast's fits (day numbers). */
  readonly holidays?: readonly number[];
}

/** A history that cannot give this scenario its parameters; `option` names the input at fault. */
export class FitError extends Error {
  override readonly name: string = 'FitError';
  constructor(
    readonly option: 'history' | 'date' | 'contacts',
    message: string,
  ) {
    super(message);
  }
}

export interface VolumeEstimate {
  /** Σ of the target day's forecast over the scenario's intervals; se = total x the forecast's day-level cv. */
  readonly total: Estimate;
  readonly perInterval: readonly number[];
}

export interface HandleTimeFitReport {
  readonly source: 'contact log' | 'interval history' | 'kept';
  readonly aht: Estimate | undefined;
  /** Distribution family written (exponential, lognormal or gamma). */
  readonly family: string | undefined;
  readonly cv: Estimate | undefined;
  /** Whether `handleTime` was written as one distribution per interval. */
  readonly perInterval: boolean;
  readonly fits: readonly HandleFitResult[];
}

export interface PatienceFitReport {
  readonly source: 'contact log' | 'interval history' | 'kept';
  readonly mean: Estimate | undefined;
  readonly family: string | undefined;
  readonly parameters: Readonly<Record<string, Estimate>>;
  readonly observed: number;
  readonly censored: number;
  readonly kaplanMeier: { readonly points: readonly SurvivalPoint[]; readonly median: number | null } | undefined;
  readonly fits: readonly PatienceFitResult[];
}

export interface TypeFitReport {
  readonly volume: VolumeEstimate;
  readonly handleTime: HandleTimeFitReport;
  readonly patience: PatienceFitReport;
  readonly volumeUncertainty: { readonly cv: Estimate | undefined };
}

export interface FitEstimates {
  /** The target date, YYYY-MM-DD. */
  readonly date: string;
  readonly forecastMethod: string;
  readonly backtestWeeks: number;
  readonly byType: Readonly<Record<string, TypeFitReport>>;
}

export interface FitOutput {
  readonly scenario: Scenario;
  readonly estimates: FitEstimates;
  readonly notes: readonly string[];
}

/**
 * The rule for keeping AHT per interval: the forecast's per-interval AHTs (weighted by volume)
 * spread by more than 5 % of their mean (relative sd) AND by more than twice what the sampling
 * noise of interval means would give (cv of a handle time / √(contacts answered in that interval
 * over the history)). Below that, one distribution with the overall mean is the better estimate.
 */
export const AHT_SPREAD_RULE = { relative: 0.05, noiseMultiple: 2 } as const;

export function fitScenario(scenario: Scenario, inputs: FitInputs): FitOutput {
  const { history, contacts } = inputs;
  const notes: string[] = [];
  const len = scenario.intervalMinutes;
  const hLen = history.intervalMinutes;
  if (len % hLen !== 0) {
    throw new FitError(
      'history',
      `the history has ${hLen}-minute intervals and the scenario ${len}-minute ones: ${len} is not a multiple of ${hLen}, so history intervals cannot be added up into scenario intervals`,
    );
  }
  const per = len / hLen;
  const start = parseClock(scenario.start);
  // Scenario interval i covers history slots first[i] .. first[i] + per - 1 of forecast day dayOf[i].
  const dayOf: number[] = [];
  const first: number[] = [];
  for (let i = 0; i < scenario.intervals; i++) {
    const minute = start + i * len;
    dayOf.push(Math.floor(minute / 1440));
    first.push((minute % 1440) / hLen);
  }
  if (first.some((f) => !Number.isInteger(f))) {
    throw new FitError('history', `the scenario starts at ${scenario.start}, which is not the start of a ${hLen}-minute history interval`);
  }
  const day = inputs.day ?? firstOpenDayAfter(history);
  if (day <= history.lastDay) {
    throw new FitError('date', `${dateText(day)} is not after the history, which ends on ${dateText(history.lastDay)}: fit a date from ${dateText(history.lastDay + 1)} on`);
  }
  const spanDays = Math.max(...dayOf) + 1;
  const minFitDays = FORECAST_DEFAULTS.minFitWeeks * 7;
  const possibleWeeks = Math.floor((history.days - minFitDays) / 7);
  if (possibleWeeks < 1) {
    throw new FitError('history', `the history has ${history.days} days (${dateText(history.firstDay)} to ${dateText(history.lastDay)}): the forecast and its backtest need at least ${minFitDays + 7}`);
  }
  const backtestWeeks = Math.min(FORECAST_DEFAULTS.backtestWeeks, possibleWeeks);
  if (backtestWeeks < FORECAST_DEFAULTS.backtestWeeks) notes.push(`the history is short: the backtest behind volumeUncertainty uses ${backtestWeeks} week${backtestWeeks === 1 ? '' : 's'} instead of ${FORECAST_DEFAULTS.backtestWeeks}`);
  const forecast = forecastHistory(history, { startDay: day, days: spanDays, backtestWeeks, holidays: inputs.holidays });

  const covered = new Uint8Array(history.slots);
  for (let i = 0; i < scenario.intervals; i++) for (let j = 0; j < per; j++) covered[(first[i]! + j) % history.slots] = 1;

  const scenarioIds = new Set(scenario.contactTypes.map((t) => t.id));
  if (!history.types.some((id) => scenarioIds.has(id))) {
    // Nothing would be fitted: writing the scenario back unchanged would look like a fit.
    throw new FitError(
      'history',
      `no contact type of the scenario is in the history (history: ${history.types.join(', ')}; scenario: ${[...scenarioIds].join(', ')}): a history type must have the id of the scenario's contact type`,
    );
  }
  const historyTotals = history.types.map((_, t) => typeTotals(history, t, covered));
  const grand = historyTotals.reduce((s, x) => s + x.all, 0);
  history.types.forEach((id, t) => {
    if (!scenarioIds.has(id)) {
      const share = grand > 0 ? (100 * historyTotals[t]!.all) / grand : 0;
      notes.push(`history type "${id}" (${share.toFixed(1)} % of the history's volume) is not in the scenario: not fitted`);
    }
  });
  if (contacts !== undefined) {
    for (const id of contacts.types) if (!scenarioIds.has(id)) notes.push(`contact log type "${id}" is not in the scenario: not fitted`);
  }

  const byType: Record<string, TypeFitReport> = {};
  const contactTypes = scenario.contactTypes.map((type) => {
    const t = history.types.indexOf(type.id);
    if (t < 0) {
      notes.push(`scenario type "${type.id}" is not in the history: kept as it is`);
      return type;
    }
    const totals = historyTotals[t]!;
    if (totals.outside > 0) {
      notes.push(
        `${type.id}: ${((100 * totals.outside) / totals.all).toFixed(1)} % of the history's volume arrived outside the scenario's hours ` +
          `(${scenario.start}, ${scenario.intervals} x ${len} min): not in the fitted volume`,
      );
    }
    const volume: number[] = [];
    const aht: number[] = [];
    const answeredIn: number[] = [];
    for (let i = 0; i < scenario.intervals; i++) {
      let v = 0;
      let weighted = 0;
      let weight = 0;
      let n = 0;
      for (let j = 0; j < per; j++) {
        const slot = first[i]! + j;
        const at = cellIndex(forecast.slots, forecast.types.length, dayOf[i]!, t, slot);
        const fv = forecast.volume[at]!;
        const fa = forecast.aht[at]!;
        v += fv;
        if (Number.isFinite(fa)) {
          const w = fv > 0 ? fv : 1e-9;
          weighted += w * fa;
          weight += w;
        }
        n += totals.answeredBySlot[slot]!;
      }
      volume.push(v);
      aht.push(weight > 0 ? weighted / weight : NaN);
      answeredIn.push(n);
    }
    const total = volume.reduce((s, v) => s + v, 0);
    const tf = forecast.byType[t]!;
    const report: { -readonly [K in keyof TypeFitReport]: TypeFitReport[K] } = {
      volume: { total: estimate(total, total * tf.dayCv, `${forecast.method} (se: the model's day-level cv)`, totals.openDays), perInterval: volume },
      handleTime: { source: 'kept', aht: undefined, family: undefined, cv: undefined, perInterval: false, fits: [] },
      patience: { source: 'kept', mean: undefined, family: undefined, parameters: {}, observed: 0, censored: 0, kaplanMeier: undefined, fits: [] },
      volumeUncertainty: { cv: undefined },
    };
    const next: Scenario['contactTypes'][number] = { ...type, volume };

    // Handle time.
    const logIndex = contacts?.typeIndex(type.id);
    const handle = logIndex === undefined ? undefined : fitHandleTime(contacts!.handleTimes[logIndex]!);
    if (handle !== undefined) notes.push(...handle.notes.map((n) => `${type.id}: ${n}`));
    if (handle?.chosen !== undefined) {
      const chosen = handle.chosen;
      const cvEstimate = chosen.parameters['cv'] ?? estimate(1, 0, chosen.parameters['mean']!.method, handle.aht.n);
      const varies = ahtVaries(volume, aht, answeredIn, chosen.cv);
      const dist = (mean: number): DistSpec => (chosen.family === 'exponential' ? { dist: 'exponential', mean } : { dist: chosen.family, mean, cv: chosen.cv });
      next.handleTime = varies ? aht.map((a) => dist(Number.isFinite(a) ? a : handle.aht.value)) : dist(handle.aht.value);
      report.handleTime = { source: 'contact log', aht: handle.aht, family: chosen.family, cv: cvEstimate, perInterval: varies, fits: handle.fits };
    } else if (forecast.hasAht && totals.answered > 0 && Number.isFinite(totals.ahtMean)) {
      // No log: exponential with the per-interval AHT means (the contract), the overall mean where an interval has none.
      next.handleTime = aht.map((a) => ({ dist: 'exponential', mean: Number.isFinite(a) && a > 0 ? a : totals.ahtMean }));
      const mean = totals.ahtMean;
      report.handleTime = {
        source: 'interval history',
        aht: estimate(mean, mean / Math.sqrt(totals.answered), 'interval history: answered-weighted mean of aht (SE as for exponential handle times)', totals.answered),
        family: 'exponential',
        cv: undefined,
        perInterval: true,
        fits: [],
      };
    } else notes.push(`${type.id}: no contact log and no aht in the history: handleTime kept`);
    if (report.handleTime.source !== 'kept' && next.wrapUp !== undefined) {
      // The log's handle times and the history's aht include after-contact work: keeping wrapUp would count it twice.
      delete next.wrapUp;
      notes.push(`${type.id}: wrapUp removed: the fitted handleTime includes after-contact work`);
    }
    if (report.handleTime.source !== 'kept' && next.concurrencyFactor !== undefined) {
      notes.push(`${type.id}: concurrencyFactor kept, but recorded handle times already include the slow-down of shared chats`);
    }

    // Patience.
    if (type.channel === 'email') {
      if (logIndex !== undefined && contacts!.waits[logIndex]!.observed > 0) notes.push(`${type.id}: email has no patience in a scenario: the log's abandoned contacts are not fitted`);
    } else if (logIndex !== undefined) {
      const p = fitPatience(contacts!.waits[logIndex]!);
      notes.push(...p.notes.map((n) => `${type.id}: ${n}`));
      report.patience = {
        source: p.chosen === undefined ? 'kept' : 'contact log',
        mean: p.chosen?.mean,
        family: p.chosen?.family,
        parameters: p.chosen?.parameters ?? {},
        observed: p.observed,
        censored: p.censored,
        kaplanMeier: { points: p.kaplanMeier.points, median: p.kaplanMeier.median ?? null },
        fits: p.fits,
      };
      if (p.chosen !== undefined) next.patience = p.chosen.dist;
      else notes.push(`${type.id}: patience kept`);
    } else {
      const e = erlangAPatience(history, t);
      notes.push(...e.notes);
      if (e.mean !== undefined) {
        next.patience = { dist: 'exponential', mean: e.mean.value };
        report.patience = { source: 'interval history', mean: e.mean, family: 'exponential', parameters: { mean: e.mean }, observed: e.abandoned, censored: e.answered, kaplanMeier: undefined, fits: [] };
      } else notes.push(`${type.id}: patience kept`);
    }

    // Volume uncertainty.
    const cv = volumeUncertaintyCv(tf.backtest.dayRatios, totals.openDays > 0 ? totals.all / totals.openDays : 0);
    if (cv !== undefined) {
      next.volumeUncertainty = { cv: Math.min(10, cv.value) };
      report.volumeUncertainty = { cv };
    } else notes.push(`${type.id}: fewer than 3 backtest days: volumeUncertainty kept`);
    byType[type.id] = report;
    return next;
  });
  return {
    scenario: { ...scenario, contactTypes },
    estimates: { date: dateText(day), forecastMethod: forecast.method, backtestWeeks, byType },
    notes,
  };
}

/** AHT_SPREAD_RULE on the target day's intervals. */
function ahtVaries(volume: readonly number[], aht: readonly number[], answered: readonly number[], cv: number): boolean {
  let w = 0;
  let mean = 0;
  for (let i = 0; i < volume.length; i++) {
    if (volume[i]! > 0 && Number.isFinite(aht[i]!) && answered[i]! > 0) {
      w += volume[i]!;
      mean += volume[i]! * aht[i]!;
    }
  }
  if (w === 0) return false;
  mean /= w;
  let spread = 0;
  let noise = 0;
  for (let i = 0; i < volume.length; i++) {
    if (volume[i]! > 0 && Number.isFinite(aht[i]!) && answered[i]! > 0) {
      spread += volume[i]! * (aht[i]! / mean - 1) ** 2;
      noise += (volume[i]! * cv * cv) / answered[i]!;
    }
  }
  const d = Math.sqrt(spread / w);
  return d > AHT_SPREAD_RULE.relative && d > AHT_SPREAD_RULE.noiseMultiple * Math.sqrt(noise / w);
}

interface TypeTotals {
  /** Offered over the whole history, and the part in slots the scenario does not cover. */
  readonly all: number;
  readonly outside: number;
  readonly openDays: number;
  /** Answered (offered where unknown) per slot, over the history. */
  readonly answeredBySlot: Float64Array;
  readonly answered: number;
  /** Answered-weighted mean aht, seconds (NaN without aht). */
  readonly ahtMean: number;
}

function typeTotals(history: IntervalHistory, t: number, covered: Uint8Array): TypeTotals {
  const T = history.types.length;
  let all = 0;
  let outside = 0;
  let openDays = 0;
  let answered = 0;
  let ahtWeighted = 0;
  let ahtWeight = 0;
  const answeredBySlot = new Float64Array(history.slots);
  for (let d = 0; d < history.days; d++) {
    if (history.open[d] !== 1) continue;
    openDays++;
    for (let s = 0; s < history.slots; s++) {
      const at = cellIndex(history.slots, T, d, t, s);
      const offered = history.offered[at]!;
      all += offered;
      if (covered[s] !== 1) outside += offered;
      const a = history.answered[at]!;
      const n = Number.isFinite(a) ? a : offered;
      answeredBySlot[s]! += n;
      answered += n;
      const aht = history.aht[at]!;
      if (Number.isFinite(aht) && n > 0) {
        ahtWeighted += n * aht;
        ahtWeight += n;
      }
    }
  }
  return { all, outside, openDays, answeredBySlot, answered, ahtMean: ahtWeight > 0 ? ahtWeighted / ahtWeight : NaN };
}

/** The first day after the history whose weekday was open at least once in its last four weeks. */
export function firstOpenDayAfter(history: IntervalHistory): number {
  const openWeekdays = new Set<number>();
  for (let d = Math.max(history.firstDay, history.lastDay - 27); d <= history.lastDay; d++) {
    if (history.open[d - history.firstDay] === 1) openWeekdays.add(weekday(d));
  }
  for (let d = history.lastDay + 1; d <= history.lastDay + 7; d++) if (openWeekdays.has(weekday(d))) return d;
  return history.lastDay + 1;
}
