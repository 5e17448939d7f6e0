import { TYPE_MEASURES, TypeMeasure, type Replicator, type ReplicationResult } from '../experiment/index.js';
import { RUN_DEFAULTS } from '../experiment/runDefaults.js';
import type { Scenario } from '../scenario/index.js';
import { dateText } from './calendar.js';
import { ONE_DAY_BAND, oneDayBand } from './oneDayBand.js';
import { intervalCell, planReplay, type ReplayPlan, type ReplayPlanOptions, type ReplaySkip } from './replayPlan.js';
import { cellIndex, type IntervalHistory, type StaffHistory } from './types.js';

/**
 * `ccsim replay` (CONTRACT section 6; the method is in docs/replay.md): every past date simulated
 * with its recorded offered counts (exact arrivals) and staff, and each interval's recorded
 * service level, ASA and abandonment rate set beside the simulated mean and the simulated 90%
 * band of one day's value.
 */

/** Intervals with at least this many recorded offered contacts count in coverage, bias and MAE. */
export const REPLAY_MIN_OFFERED = 20;

export const REPLAY_KPIS = ['serviceLevel', 'asa', 'abandonRate'] as const;
export type ReplayKpi = (typeof REPLAY_KPIS)[number];

/** One KPI of one date, interval and type. Null where undefined. */
export interface ReplayValue {
  /** As recorded (null: the file has no value, or its denominator was 0). */
  readonly recorded: number | null;
  /** Simulated: ratio of means over the replications (as `ccsim run` reports a ratio). */
  readonly mean: number | null;
  /** 5th and 95th percentile of the per-replication values (type 7), inclusive. */
  readonly lo: number | null;
  readonly hi: number | null;
  /** Whether the recorded value lies in [lo, hi]; null when either is unknown. */
  readonly inside: boolean | null;
}

export interface ReplayRow {
  readonly date: string;
  /** "HH:MM" start of the interval. */
  readonly interval: string;
  readonly type: string;
  /** Recorded offered contacts (the simulated arrivals: exactly these). */
  readonly offered: number;
  /** Mean simulated offered contacts (equal to `offered`: a check that the replay used the counts). */
  readonly simulatedOffered: number;
  /** Offered >= REPLAY_MIN_OFFERED: the interval counts in coverage, bias and MAE. */
  readonly counted: boolean;
  readonly serviceLevel: ReplayValue;
  /** Seconds. */
  readonly asa: ReplayValue;
  readonly abandonRate: ReplayValue;
}

export interface ReplayTypeSummary {
  /** Share of counted intervals whose recorded value lies inside the band (null: none counted). */
  readonly coverage: Readonly<Record<ReplayKpi, number | null>>;
  /** Intervals with at least REPLAY_MIN_OFFERED offered. */
  readonly intervals: number;
  /** Of those, the intervals where the KPI was recorded and the band defined (coverage's denominators). */
  readonly counted: Readonly<Record<ReplayKpi, number>>;
  /** Mean of (simulated mean - recorded) service level, points: positive = the model is optimistic. */
  readonly slBiasPts: number | null;
  /** Mean of |simulated mean - recorded| service level, points. */
  readonly slMaePts: number | null;
  /** Mean of (simulated - recorded) ASA, seconds: negative = the model is optimistic. */
  readonly asaBiasSeconds: number | null;
  /** Mean of (simulated - recorded) abandonment rate, points: negative = the model is optimistic. */
  readonly abandonRateBiasPts: number | null;
}

export interface ReplayOutput {
  readonly scenario: string;
  /** Replications per date. */
  readonly replications: number;
  readonly seed: number;
  /** The range asked for, `YYYY-MM-DD`. */
  readonly from: string;
  readonly to: string;
  readonly minOffered: number;
  /** Percentiles of the band. */
  readonly band: { readonly lo: number; readonly hi: number };
  /** Dates replayed. */
  readonly dates: readonly string[];
  readonly skipped: readonly ReplaySkip[];
  readonly notes: readonly string[];
  readonly byType: Readonly<Record<string, ReplayTypeSummary>>;
  /** One per date, interval and contact type, in that order. */
  readonly rows: readonly ReplayRow[];
}

export interface ReplayRunOptions {
  /** Replications per date (default RUN_DEFAULTS.replayReplications). */
  readonly replications?: number;
  /** Master seed (default 1). */
  readonly seed?: number;
  /** Called after each replication: replications done and planned, over all dates. */
  readonly onProgress?: (done: number, total: number) => void;
}

export type ReplayHistoryOptions = ReplayPlanOptions & ReplayRunOptions;

/** Plan (planReplay) and run (runReplay) in one call. */
export async function replayHistory(
  scenario: Scenario,
  history: IntervalHistory,
  staff: StaffHistory,
  pool: Replicator,
  options: ReplayHistoryOptions = {},
): Promise<ReplayOutput> {
  return runReplay(planReplay(scenario, history, staff, options), pool, options);
}

/**
 * Simulate every planned date on `pool` and compare. Date `day` runs replications
 * `day x R .. day x R + R - 1` of the seed, so a date gets the same numbers whatever range it is
 * replayed in, and no two dates share random numbers.
 */
export async function runReplay(plan: ReplayPlan, pool: Replicator, options: ReplayRunOptions = {}): Promise<ReplayOutput> {
  const R = options.replications ?? RUN_DEFAULTS.replayReplications;
  if (!Number.isInteger(R) || R < 1) throw new RangeError(`replications: must be an integer >= 1, got ${R}`);
  const seed = options.seed ?? RUN_DEFAULTS.seed;
  const { scenario } = plan;
  const T = scenario.contactTypes.length;
  const N = scenario.intervals;
  const total = plan.dates.length * R;
  const rows: ReplayRow[] = [];
  const sums = new SummarySums(T);
  // Per (kpi, type, interval): the R per-replication values, in replication order.
  const values = new Float64Array(3 * T * N * R);
  const ratio = new Float64Array(3 * 2 * T * N);
  const offered = new Float64Array(T * N);
  const scratch = new Float64Array(R);
  for (const [k, date] of plan.dates.entries()) {
    values.fill(NaN);
    ratio.fill(0);
    offered.fill(0);
    let r = 0;
    const first = date.day * R;
    await pool.run({ scenario: date.scenario, staff: null }, seed, first, first + R, {
      onResult: (result) => collect(result, r++, T, N, R, values, ratio, offered),
      onProgress: (n) => options.onProgress?.(k * R + n, total),
    });
    for (let i = 0; i < N; i++) {
      const cell = intervalCell(scenario, i);
      for (let t = 0; t < T; t++) {
        const recorded = recordedOf(plan.history, plan.historyType[t]!, date.day + cell.dayOffset, cell.slot);
        const count = date.scenario.contactTypes[t]!.volume;
        const rowOffered = typeof count === 'number' ? count : count[i]!;
        const kpi = (m: number): ReplayValue => {
          const at = (m * T + t) * N + i;
          const band = oneDayBand(values.subarray(at * R, at * R + R), scratch);
          const den = ratio[2 * at + 1]!;
          return value(recorded[m]!, den > 0 ? ratio[2 * at]! / den : NaN, band);
        };
        const row: ReplayRow = {
          date: date.date,
          interval: plan.labels[i]!,
          type: scenario.contactTypes[t]!.id,
          offered: rowOffered,
          simulatedOffered: offered[t * N + i]! / R,
          counted: rowOffered >= REPLAY_MIN_OFFERED,
          serviceLevel: kpi(0),
          asa: kpi(1),
          abandonRate: kpi(2),
        };
        rows.push(row);
        if (row.counted) sums.add(t, row);
      }
    }
  }
  return {
    scenario: scenario.name,
    replications: R,
    seed,
    from: dateText(plan.fromDay),
    to: dateText(plan.toDay),
    minOffered: REPLAY_MIN_OFFERED,
    band: { ...ONE_DAY_BAND },
    dates: plan.dates.map((d) => d.date),
    skipped: plan.skipped,
    notes: plan.notes,
    byType: Object.fromEntries(scenario.contactTypes.map((t, ti) => [t.id, sums.summary(ti)])),
    rows,
  };
}

/** Writes replication `r`'s interval values (NaN where a denominator is 0) and ratio sums. */
function collect(result: ReplicationResult, r: number, T: number, N: number, R: number, values: Float64Array, ratio: Float64Array, offered: Float64Array): void {
  const m = result.types;
  for (let t = 0; t < T; t++) {
    for (let i = 0; i < N; i++) {
      const base = (t * N + i) * TYPE_MEASURES;
      const answered = m[base + TypeMeasure.answered]!;
      const abandoned = m[base + TypeMeasure.abandoned]!;
      // The same definitions as `ccsim run` (src/experiment/kpiReaders.ts) and as synthesizeHistory records.
      const parts = [
        [m[base + TypeMeasure.answeredInTime]!, answered + abandoned - m[base + TypeMeasure.shortAbandoned]!],
        [m[base + TypeMeasure.waitAnswered]!, answered],
        [abandoned, answered + abandoned],
      ] as const;
      for (let k = 0; k < 3; k++) {
        const [num, den] = parts[k]!;
        const at = (k * T + t) * N + i;
        values[at * R + r] = den > 0 ? num / den : NaN;
        ratio[2 * at]! += num;
        ratio[2 * at + 1]! += den;
      }
      offered[t * N + i]! += m[base + TypeMeasure.offered]!;
    }
  }
}

/** Recorded service level, ASA and abandonment rate of a history cell (NaN where unknown). */
function recordedOf(history: IntervalHistory, k: number, day: number, slot: number): [number, number, number] {
  const d = day - history.firstDay;
  if (k < 0 || d < 0 || d >= history.days) return [NaN, NaN, NaN];
  const at = cellIndex(history.slots, history.types.length, d, k, slot);
  const answered = history.answered[at]!;
  const abandoned = history.abandoned[at]!;
  const resolved = answered + abandoned;
  return [history.serviceLevel[at]!, history.asa[at]!, resolved > 0 ? abandoned / resolved : NaN];
}

/** Band edges are inclusive; the tolerance absorbs the rounding of a recorded value that equals an edge. */
const EDGE = 1e-9;

function value(recorded: number, mean: number, band: { lo: number; hi: number } | null): ReplayValue {
  const rec = Number.isFinite(recorded) ? recorded : null;
  return {
    recorded: rec,
    mean: Number.isFinite(mean) ? mean : null,
    lo: band?.lo ?? null,
    hi: band?.hi ?? null,
    inside: rec === null || band === null ? null : rec >= band.lo - EDGE && rec <= band.hi + EDGE,
  };
}

/** Coverage, bias and MAE accumulated over the counted rows of each type; cells are (type, KPI). */
class SummarySums {
  private readonly intervals: Float64Array;
  private readonly counted: Float64Array;
  private readonly inside: Float64Array;
  /** Sum of (mean - recorded), sum of |mean - recorded|, and rows with both. */
  private readonly diff: Float64Array;
  private readonly absDiff: Float64Array;
  private readonly diffRows: Float64Array;

  constructor(types: number) {
    this.intervals = new Float64Array(types);
    this.counted = new Float64Array(types * 3);
    this.inside = new Float64Array(types * 3);
    this.diff = new Float64Array(types * 3);
    this.absDiff = new Float64Array(types * 3);
    this.diffRows = new Float64Array(types * 3);
  }

  add(t: number, row: ReplayRow): void {
    this.intervals[t]! += 1;
    REPLAY_KPIS.forEach((name, k) => {
      const v = row[name];
      const at = t * 3 + k;
      if (v.inside !== null) {
        this.counted[at]! += 1;
        if (v.inside) this.inside[at]! += 1;
      }
      if (v.recorded !== null && v.mean !== null) {
        this.diff[at]! += v.mean - v.recorded;
        this.absDiff[at]! += Math.abs(v.mean - v.recorded);
        this.diffRows[at]! += 1;
      }
    });
  }

  summary(t: number): ReplayTypeSummary {
    const share = (k: number) => (this.counted[t * 3 + k]! > 0 ? this.inside[t * 3 + k]! / this.counted[t * 3 + k]! : null);
    const mean = (sums: Float64Array, k: number, scale: number) =>
      this.diffRows[t * 3 + k]! > 0 ? (scale * sums[t * 3 + k]!) / this.diffRows[t * 3 + k]! : null;
    return {
      coverage: { serviceLevel: share(0), asa: share(1), abandonRate: share(2) },
      intervals: this.intervals[t]!,
      counted: { serviceLevel: this.counted[t * 3]!, asa: this.counted[t * 3 + 1]!, abandonRate: this.counted[t * 3 + 2]! },
      slBiasPts: mean(this.diff, 0, 100),
      slMaePts: mean(this.absDiff, 0, 100),
      asaBiasSeconds: mean(this.diff, 1, 1),
      abandonRateBiasPts: mean(this.diff, 2, 100),
    };
  }
}

/** A row's worst miss: how far its recorded value lies from the simulated mean, in band widths. */
export interface ReplayMiss {
  readonly row: ReplayRow;
  readonly kpi: ReplayKpi;
  /** |recorded - simulated mean| / (hi - lo); Infinity for a band of width 0. */
  readonly score: number;
}

/**
 * The counted rows with a recorded value outside its band, worst first: by the largest
 * |recorded - simulated mean| relative to the band's width among its KPIs (ties keep date order).
 */
export function worstReplayRows(output: ReplayOutput, limit: number): ReplayMiss[] {
  const misses: ReplayMiss[] = [];
  for (const row of output.rows) {
    if (!row.counted) continue;
    let worst: ReplayMiss | null = null;
    for (const kpi of REPLAY_KPIS) {
      const v = row[kpi];
      if (v.inside !== false || v.recorded === null || v.mean === null) continue;
      const width = v.hi! - v.lo!;
      const gap = Math.abs(v.recorded - v.mean);
      const score = width > 0 ? gap / width : Infinity;
      if (worst === null || score > worst.score) worst = { row, kpi, score };
    }
    if (worst !== null) misses.push(worst);
  }
  return misses.sort((a, b) => b.score - a.score).slice(0, limit);
}
