import type { ContactCenterConfig } from '../model/index.js';
import { kpiSet, P90, ROW, SECONDS, WAIT_QUANTILE, type KpiSet } from './kpiReaders.js';
import { GROUP_MEASURES, GroupMeasure, TYPE_MEASURES, type ReplicationResult } from './measures.js';
import { addSparseWaits, firstWaitOfCell, sparseWaitQuantile, WAIT_BINS, waitQuantile } from './waitHistogram.js';

/**
 * Agent KPIs per view: occupancy, slot utilization, busy hours, staffed hours, mean agents
 * present; with outbound dialing also attempts, connects, outbound hours and inbound hours.
 */
const BASE_GK = 5;
const OUTBOUND_GK = 4;

/*
 * Views, the cells of the run output, for contact types and agent groups alike (`count` of them,
 * `n` intervals): the summary, then each one over the day, then each one per interval.
 */
export const SUMMARY_VIEW = 0;
export const dayView = (e: number): number => 1 + e;
export const intervalView = (count: number, i: number, e: number): number => 1 + count + i * count + e;
export const viewCount = (count: number, n: number): number => 1 + count * (1 + n);

/** The shape of a run's observations: which KPIs, and how many moment cells of each kind. */
export interface ObservationLayout {
  readonly set: KpiSet;
  /** Contact KPIs per view. */
  readonly k: number;
  /** Agent KPIs per view (with or without the outbound ones). */
  readonly gk: number;
  readonly outbound: boolean;
  /** Moment cells of contact KPIs (views x k); the agent cells follow them. */
  readonly typeCells: number;
  readonly groupCells: number;
}

export function observationLayout(config: ContactCenterConfig): ObservationLayout {
  const set = kpiSet(config);
  const k = set.names.length;
  const outbound = config.groups.some((g) => g.outbound != null);
  const gk = BASE_GK + (outbound ? OUTBOUND_GK : 0);
  return {
    set,
    k,
    gk,
    outbound,
    typeCells: viewCount(config.types.length, config.intervals) * k,
    groupCells: viewCount(config.groups.length, config.intervals) * gk,
  };
}

/**
 * Turns one replication's measure tables into its observations: for every cell of the run output
 * (view x KPI), the pair (x, y) the reducer's moments take (x alone for a count, x / y for a ratio
 * of means), at `2 * cell` and `2 * cell + 1`; contact cells first, then agent cells. It runs
 * where the replication ran (a worker), so the thread that reduces in replication order only adds
 * moments (RunReducer). The arithmetic is the reducer's own, so the output is the same bits
 * wherever it runs.
 */
export class KpiObserver {
  readonly layout: ObservationLayout;
  private readonly nTypes: number;
  private readonly nGroups: number;
  private readonly n: number;
  private readonly row = new Float64Array(ROW);
  /** One replication's day totals, by view: the summary, then each type (group) over the day. */
  private readonly typeRows: Float64Array;
  private readonly groupRows: Float64Array;
  /** One replication's wait histograms: the summary's, then each type's over the day. */
  private readonly dayWaits: Float64Array;
  private out = new Float64Array(0);
  /** The pairs of an interval cell with no contacts (every measure 0), worked out once. */
  private readonly emptyInterval: Float64Array;
  /** Where `emptyInterval` is not +0 (the rest `out` already holds): a few of its 2k values. */
  private readonly emptyNonZero: Int32Array;
  /** Per contact KPI: the raw measure it counts (KpiReader.measure), or -1: read by its x and y. */
  private readonly counted: Int32Array;

  constructor(private readonly config: ContactCenterConfig) {
    this.layout = observationLayout(config);
    this.nTypes = config.types.length;
    this.nGroups = config.groups.length;
    this.n = config.intervals;
    this.typeRows = new Float64Array((1 + this.nTypes) * ROW);
    this.groupRows = new Float64Array((1 + this.nGroups) * GROUP_MEASURES);
    this.dayWaits = new Float64Array((1 + this.nTypes) * WAIT_BINS);
    const { k, set } = this.layout;
    const empty = new Float64Array(ROW);
    empty[SECONDS] = config.intervalSeconds;
    empty[P90] = NaN;
    this.counted = Int32Array.from(set.readers, (reader) => reader.measure ?? -1);
    this.emptyInterval = new Float64Array(2 * k);
    for (let j = 0; j < k; j++) {
      this.emptyInterval[2 * j] = set.readers[j]!.x(empty);
      this.emptyInterval[2 * j + 1] = set.readers[j]!.y(empty);
    }
    this.emptyNonZero = Int32Array.from(Array.from(this.emptyInterval.keys()).filter((p) => !Object.is(this.emptyInterval[p], 0)));
  }

  /** The observations of `result` (a fresh array: results outlive the next replication). */
  observe(result: Omit<ReplicationResult, 'observations'>): Float64Array {
    this.out = new Float64Array(2 * (this.layout.typeCells + this.layout.groupCells));
    this.observeTypes(result);
    this.observeGroups(result.groups);
    return this.out;
  }

  private observeTypes(result: Omit<ReplicationResult, 'observations'>): void {
    const { nTypes, n, row, typeRows, dayWaits, emptyNonZero, emptyInterval, out } = this;
    const table = result.types;
    const { waitBins, waitCounts } = result;
    const seconds = this.config.intervalSeconds;
    typeRows.fill(0);
    dayWaits.fill(0);
    // The wait histogram is sparse and ascending by cell: `from` walks it cell by cell.
    let from = 0;
    for (let t = 0; t < nTypes; t++) {
      const day = dayWaits.subarray((1 + t) * WAIT_BINS, (2 + t) * WAIT_BINS);
      for (let i = 0; i < n; i++) {
        const cell = t * n + i;
        const at = cell * TYPE_MEASURES;
        const to = firstWaitOfCell(waitBins, from, cell + 1);
        if (to === from && isZero(table, at)) {
          // No contacts here (most of a long model's nights): the constant pairs, and the day
          // sums gain only the seconds (adding the row's zeros would change no bit).
          const base = 2 * intervalView(nTypes, i, t) * this.layout.k;
          for (let p = 0; p < emptyNonZero.length; p++) out[base + emptyNonZero[p]!] = emptyInterval[emptyNonZero[p]!]!;
          typeRows[dayView(t) * ROW + SECONDS]! += seconds;
          continue;
        }
        for (let m = 0; m < TYPE_MEASURES; m++) row[m] = table[at + m]!;
        row[SECONDS] = seconds;
        row[P90] = sparseWaitQuantile(waitBins, waitCounts, from, to, WAIT_QUANTILE);
        addSparseWaits(day, waitBins, waitCounts, from, to);
        from = to;
        this.contactView(intervalView(nTypes, i, t), row);
        for (let m = 0; m < P90; m++) {
          typeRows[dayView(t) * ROW + m]! += row[m]!;
        }
      }
      for (let m = 0; m < P90; m++) typeRows[m]! += m === SECONDS ? 0 : typeRows[dayView(t) * ROW + m]!;
      typeRows[dayView(t) * ROW + P90] = waitQuantile(day, 0, WAIT_QUANTILE);
      for (let b = 0; b < WAIT_BINS; b++) dayWaits[b]! += day[b]!;
    }
    typeRows[SECONDS] = seconds * n;
    typeRows[P90] = waitQuantile(dayWaits, 0, WAIT_QUANTILE);
    for (let v = 0; v <= nTypes; v++) {
      for (let m = 0; m < ROW; m++) row[m] = typeRows[v * ROW + m]!;
      this.contactView(v, row);
    }
  }

  private contactView(view: number, row: Float64Array): void {
    const { k, set } = this.layout;
    const out = this.out;
    const counted = this.counted;
    const at = 2 * view * k;
    for (let j = 0; j < k; j++) {
      // A count is its measure and 0 (what its x and y return), without two calls through a
      // call site that sees every reader's closures.
      const m = counted[j]!;
      if (m >= 0) {
        out[at + 2 * j] = row[m]!;
        out[at + 2 * j + 1] = 0;
        continue;
      }
      const reader = set.readers[j]!;
      out[at + 2 * j] = reader.x(row);
      out[at + 2 * j + 1] = reader.y(row);
    }
  }

  private observeGroups(table: Float64Array): void {
    const { nGroups, n, groupRows } = this;
    const seconds = this.config.intervalSeconds;
    groupRows.fill(0);
    for (let g = 0; g < nGroups; g++) {
      for (let i = 0; i < n; i++) {
        const at = (g * n + i) * GROUP_MEASURES;
        // No agents all interval (a long model's nights): every pair is (0, 0), as `out` already
        // holds, and adding the zeros to the day sums changes no bit.
        if (isZeroGroup(table, at)) continue;
        this.agentView(intervalView(nGroups, i, g), table, at, seconds);
        for (let m = 0; m < GROUP_MEASURES; m++) {
          groupRows[dayView(g) * GROUP_MEASURES + m]! += table[at + m]!;
          groupRows[m]! += table[at + m]!;
        }
      }
    }
    for (let v = 0; v <= nGroups; v++) this.agentView(v, groupRows, v * GROUP_MEASURES, seconds * n);
  }

  /** `seconds`: the clock time the view covers (agents present = staffed seconds / seconds). */
  private agentView(view: number, source: Float64Array, at: number, seconds: number): void {
    const base = 2 * (this.layout.typeCells + view * this.layout.gk);
    const pair = (j: number, x: number, y: number) => this.pair(base + 2 * j, x, y);
    pair(0, source[at + GroupMeasure.busy]!, source[at + GroupMeasure.staffed]!);
    pair(1, source[at + GroupMeasure.slotsBusy]!, source[at + GroupMeasure.slotsStaffed]!);
    pair(2, source[at + GroupMeasure.busy]! / 3600, 0);
    pair(3, source[at + GroupMeasure.staffed]! / 3600, 0);
    pair(4, source[at + GroupMeasure.staffed]! / seconds, 0);
    if (!this.layout.outbound) return;
    pair(5, source[at + GroupMeasure.outboundAttempts]!, 0);
    pair(6, source[at + GroupMeasure.outboundConnects]!, 0);
    pair(7, source[at + GroupMeasure.outboundBusy]! / 3600, 0);
    pair(8, (source[at + GroupMeasure.busy]! - source[at + GroupMeasure.outboundBusy]!) / 3600, 0);
  }

  private pair(at: number, x: number, y: number): void {
    this.out[at] = x;
    this.out[at + 1] = y;
  }
}

/** Whether the TYPE_MEASURES values of `table` at `at` are all 0. */
function isZero(table: Float64Array, at: number): boolean {
  for (let m = 0; m < TYPE_MEASURES; m++) if (table[at + m] !== 0) return false;
  return true;
}

/** Whether the GROUP_MEASURES values of `table` at `at` are all 0. */
function isZeroGroup(table: Float64Array, at: number): boolean {
  for (let m = 0; m < GROUP_MEASURES; m++) if (table[at + m] !== 0) return false;
  return true;
}
