import type { ContactCenterConfig } from '../model/index.js';
import { kpiSet, P90, ROW, SECONDS, WAIT_QUANTILE, type KpiSet } from './kpiReaders.js';
import { GROUP_MEASURES, GroupMeasure, TYPE_MEASURES, type CompactObservations, type ReplicationResult } from './measures.js';
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
  /** Views of contact types (typeCells / k) and of agent groups (groupCells / gk). */
  readonly typeViews: number;
  readonly groupViews: number;
}

export function observationLayout(config: ContactCenterConfig): ObservationLayout {
  const set = kpiSet(config);
  const k = set.names.length;
  const outbound = config.groups.some((g) => g.outbound != null);
  const gk = BASE_GK + (outbound ? OUTBOUND_GK : 0);
  const typeViews = viewCount(config.types.length, config.intervals);
  const groupViews = viewCount(config.groups.length, config.intervals);
  return { set, k, gk, outbound, typeCells: typeViews * k, groupCells: groupViews * gk, typeViews, groupViews };
}

/**
 * The k pairs of a contact type's interval with no contacts (every measure 0, the interval's
 * seconds, no wait quantile): what an interval view marked absent stands for. KpiObserver skips
 * such views; the reducer adds these in their place (ObservationExpander), once worked out per model.
 */
export function emptyIntervalPairs(set: KpiSet, intervalSeconds: number): Float64Array {
  const k = set.names.length;
  const empty = new Float64Array(ROW);
  empty[SECONDS] = intervalSeconds;
  empty[P90] = NaN;
  const pairs = new Float64Array(2 * k);
  for (let j = 0; j < k; j++) {
    pairs[2 * j] = set.readers[j]!.x(empty);
    pairs[2 * j + 1] = set.readers[j]!.y(empty);
  }
  return pairs;
}

/**
 * Reads compact observations (see CompactObservations): `check` refuses another model's or a
 * damaged result, `absentType` / `absentGroup` are what an absent view stands for (the reducer
 * adds them in place of pairs), and `expand` restores the whole table of every view's pairs.
 */
export class ObservationExpander {
  private readonly table: Float64Array;
  /** What a contact view marked absent stands for (emptyIntervalPairs), and an agent view (zeros). */
  readonly absentType: Float64Array;
  readonly absentGroup: Float64Array;

  constructor(
    private readonly layout: ObservationLayout,
    intervalSeconds: number,
  ) {
    this.table = new Float64Array(2 * (layout.typeCells + layout.groupCells));
    this.absentType = emptyIntervalPairs(layout.set, intervalSeconds);
    this.absentGroup = new Float64Array(2 * layout.gk);
  }

  /** Throws unless `compact` has this model's views and as many pairs as its present views take. */
  check(compact: CompactObservations): void {
    const { typeViews, groupViews, k, gk } = this.layout;
    const { pairs, present } = compact;
    if (present.length !== typeViews + groupViews) throw new Error(`observations of ${present.length} views, not ${typeViews + groupViews} (another model's result?)`);
    let size = 0;
    for (let v = 0; v < typeViews + groupViews; v++) if (present[v] === 1) size += v < typeViews ? 2 * k : 2 * gk;
    if (size !== pairs.length) throw new Error(`observations hold ${pairs.length} values, not the ${size} their views take (a damaged result?)`);
  }

  /** The whole table of `compact` (contact cells, then agent cells); valid until the next call. */
  expand(compact: CompactObservations): Float64Array {
    this.check(compact);
    const { typeViews, groupViews, k, gk } = this.layout;
    const { pairs, present } = compact;
    const table = this.table;
    let from = 0;
    let at = 0;
    for (let v = 0; v < typeViews; v++, at += 2 * k) {
      const own = present[v] === 1;
      for (let j = 0; j < 2 * k; j++) table[at + j] = own ? pairs[from + j]! : this.absentType[j]!;
      if (own) from += 2 * k;
    }
    for (let v = 0; v < groupViews; v++, at += 2 * gk) {
      const own = present[typeViews + v] === 1;
      for (let j = 0; j < 2 * gk; j++) table[at + j] = own ? pairs[from + j]! : 0;
      if (own) from += 2 * gk;
    }
    return table;
  }
}

/**
 * Turns one replication's measure tables into its observations: for every cell of the run output
 * (view x KPI), the pair (x, y) the reducer's moments take (x alone for a count, x / y for a ratio
 * of means), at `2 * cell` and `2 * cell + 1`; contact cells first, then agent cells. It runs
 * where the replication ran (a worker), so the thread that reduces in replication order only adds
 * moments (RunReducer). The arithmetic is the reducer's own, so the output is the same bits
 * wherever it runs. The pairs go out compact (CompactObservations): an interval view with no
 * contacts or no agents is marked, not written.
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
  /** Every view's pairs for the replication being observed (views marked absent keep stale values). */
  private readonly out: Float64Array;
  /** Per view, contact views then agent views: 1 when its pairs are written this replication. */
  private readonly present: Uint8Array;
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
    this.counted = Int32Array.from(this.layout.set.readers, (reader) => reader.measure ?? -1);
    this.out = new Float64Array(2 * (this.layout.typeCells + this.layout.groupCells));
    this.present = new Uint8Array(this.layout.typeViews + this.layout.groupViews);
  }

  /** The observations of `result` (fresh arrays: results outlive the next replication). */
  observe(result: Omit<ReplicationResult, 'observations'>): CompactObservations {
    this.present.fill(1);
    this.observeTypes(result);
    this.observeGroups(result.groups);
    return this.compact();
  }

  /** The pairs of the views marked present, in view order (see CompactObservations). */
  private compact(): CompactObservations {
    const { typeViews, groupViews, k, gk } = this.layout;
    const { out, present } = this;
    let size = 0;
    for (let v = 0; v < typeViews; v++) size += present[v]! * 2 * k;
    for (let v = 0; v < groupViews; v++) size += present[typeViews + v]! * 2 * gk;
    const pairs = new Float64Array(size);
    let to = 0;
    let at = 0;
    for (let v = 0; v < typeViews + groupViews; v++) {
      const width = v < typeViews ? 2 * k : 2 * gk;
      if (present[v] === 1) {
        for (let j = 0; j < width; j++) pairs[to + j] = out[at + j]!;
        to += width;
      }
      at += width;
    }
    return { pairs, present: present.slice() };
  }

  private observeTypes(result: Omit<ReplicationResult, 'observations'>): void {
    const { nTypes, n, row, typeRows, dayWaits, present } = this;
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
          // No contacts here (most of a long model's nights): marked, its pairs the constant
          // emptyIntervalPairs; the day sums gain only the seconds (adding the row's zeros would
          // change no bit).
          present[intervalView(nTypes, i, t)] = 0;
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
        // No agents all interval (a long model's nights): every pair is (0, 0), marked, not
        // written; adding the zeros to the day sums changes no bit.
        if (isZeroGroup(table, at)) {
          this.present[this.layout.typeViews + intervalView(nGroups, i, g)] = 0;
          continue;
        }
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
