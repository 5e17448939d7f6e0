import { meanLevel, type ContactCenterConfig } from '../model/index.js';
import { countMetric, PairedMoments, ratioMetric, type Metric } from '../stats/index.js';

/**
 * Agent KPIs per view: occupancy, slot utilization, busy hours, staffed hours, mean agents
 * present; with outbound dialing also attempts, connects, outbound hours and inbound hours.
 */
const BASE_GK = 5;
const OUTBOUND_GK = 4;
import { GROUP_MEASURES, GroupMeasure, TYPE_MEASURES, type ReplicationResult } from './measures.js';
import { kpiSet, P90, ROW, SECONDS, WAIT_QUANTILE, type KpiSet } from './kpiReaders.js';
import { addSparseWaits, firstWaitOfCell, sparseWaitQuantile, WAIT_BINS, waitQuantile } from './waitHistogram.js';
import { KPI_NAMES, type GroupKpis, type IntervalGroupKpis, type IntervalOutput, type Kpis, type RunOutput } from './runOutput.js';

/*
 * Views, the rows of moments behind the output, for contact types and agent groups alike (`count`
 * of them, `n` intervals): the summary, then each one over the day, then each one per interval.
 */
const SUMMARY_VIEW = 0;
const dayView = (e: number): number => 1 + e;
const intervalView = (count: number, i: number, e: number): number => 1 + count + i * count + e;
const viewCount = (count: number, n: number): number => 1 + count * (1 + n);

const SL = KPI_NAMES.indexOf('serviceLevel');
const ABANDON = KPI_NAMES.indexOf('abandonRate');
const ASA = KPI_NAMES.indexOf('asa');

/**
 * The per-interval figures a staffing search reads, as numbers (the same ratio-of-means values
 * as the run output's `intervals[i].byType` / `byGroup`, without building the report): NaN where
 * the output says null. Type figures at `type * intervals + interval`, group figures at
 * `group * intervals + interval`.
 */
export interface RunFigures {
  readonly intervals: number;
  readonly serviceLevel: Float64Array;
  /** The service level's 95% half-width. */
  readonly serviceLevelHalfWidth: Float64Array;
  readonly abandonRate: Float64Array;
  readonly asa: Float64Array;
  readonly occupancy: Float64Array;
}

/**
 * Reduces replication results into the CONTRACT run output. Results must be added in
 * replication order: floating-point sums are not associative, so a fixed order is what makes the
 * output byte-identical whatever the number of workers.
 */
export class RunReducer {
  private readonly nTypes: number;
  private readonly nGroups: number;
  private readonly n: number;
  private readonly typeMoments: PairedMoments;
  private readonly groupMoments: PairedMoments;
  private readonly row = new Float64Array(ROW);
  /** One replication's day totals, by view: the summary, then each type (group) over the day. */
  private readonly typeRows: Float64Array;
  private readonly groupRows: Float64Array;
  /** One replication's wait histograms: the summary's, then each type's over the day. */
  private readonly dayWaits: Float64Array;
  private expected = 0;
  /** The contact KPIs this run outputs, and their count. */
  private readonly set: KpiSet;
  private readonly k: number;
  /** Agent KPIs per view (with or without the outbound ones). */
  private readonly gk: number;
  private readonly outbound: boolean;

  constructor(private readonly config: ContactCenterConfig) {
    this.set = kpiSet(config);
    this.k = this.set.names.length;
    this.outbound = config.groups.some((g) => g.outbound != null);
    this.gk = BASE_GK + (this.outbound ? OUTBOUND_GK : 0);
    this.nTypes = config.types.length;
    this.nGroups = config.groups.length;
    this.n = config.intervals;
    this.typeMoments = new PairedMoments(viewCount(this.nTypes, this.n) * this.k);
    this.groupMoments = new PairedMoments(viewCount(this.nGroups, this.n) * this.gk);
    this.typeRows = new Float64Array((1 + this.nTypes) * ROW);
    this.groupRows = new Float64Array((1 + this.nGroups) * GROUP_MEASURES);
    this.dayWaits = new Float64Array((1 + this.nTypes) * WAIT_BINS);
  }

  /** Replications added so far. */
  get count(): number {
    return this.expected;
  }

  add(result: ReplicationResult): void {
    if (result.replication !== this.expected) {
      throw new Error(`RunReducer: replication ${result.replication} added out of order (expected ${this.expected})`);
    }
    this.expected++;
    this.addTypes(result);
    this.addGroups(result.groups);
  }

  private addTypes(result: ReplicationResult): void {
    const { nTypes, n, row, typeRows, dayWaits } = this;
    const table = result.types;
    const { waitBins, waitCounts } = result;
    const moments = this.typeMoments;
    const seconds = this.config.intervalSeconds;
    moments.nextObservation();
    typeRows.fill(0);
    dayWaits.fill(0);
    // The wait histogram is sparse and ascending by cell: `from` walks it cell by cell.
    let from = 0;
    for (let t = 0; t < nTypes; t++) {
      const day = dayWaits.subarray((1 + t) * WAIT_BINS, (2 + t) * WAIT_BINS);
      for (let i = 0; i < n; i++) {
        const cell = t * n + i;
        const at = cell * TYPE_MEASURES;
        for (let m = 0; m < TYPE_MEASURES; m++) row[m] = table[at + m]!;
        row[SECONDS] = seconds;
        const to = firstWaitOfCell(waitBins, from, cell + 1);
        row[P90] = sparseWaitQuantile(waitBins, waitCounts, from, to, WAIT_QUANTILE);
        addSparseWaits(day, waitBins, waitCounts, from, to);
        from = to;
        this.observe(moments, intervalView(nTypes, i, t), row);
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
      this.observe(moments, v, row);
    }
  }

  private observe(moments: PairedMoments, view: number, row: Float64Array): void {
    const { k, set } = this;
    for (let j = 0; j < k; j++) {
      const reader = set.readers[j]!;
      moments.add(view * k + j, reader.x(row), reader.y(row));
    }
  }

  private addGroups(table: Float64Array): void {
    const { nGroups, n, groupRows } = this;
    const moments = this.groupMoments;
    moments.nextObservation();
    groupRows.fill(0);
    for (let g = 0; g < nGroups; g++) {
      for (let i = 0; i < n; i++) {
        const at = (g * n + i) * GROUP_MEASURES;
        this.observeGroup(intervalView(nGroups, i, g), table, at, this.config.intervalSeconds);
        for (let m = 0; m < GROUP_MEASURES; m++) {
          groupRows[dayView(g) * GROUP_MEASURES + m]! += table[at + m]!;
          groupRows[m]! += table[at + m]!;
        }
      }
    }
    for (let v = 0; v <= nGroups; v++) this.observeGroup(v, groupRows, v * GROUP_MEASURES, this.config.intervalSeconds * n);
  }

  /** `seconds`: the clock time the view covers (agents present = staffed seconds / seconds). */
  private observeGroup(view: number, source: Float64Array, at: number, seconds: number): void {
    const moments = this.groupMoments;
    const base = view * this.gk;
    moments.add(base, source[at + GroupMeasure.busy]!, source[at + GroupMeasure.staffed]!);
    moments.add(base + 1, source[at + GroupMeasure.slotsBusy]!, source[at + GroupMeasure.slotsStaffed]!);
    moments.add(base + 2, source[at + GroupMeasure.busy]! / 3600, 0);
    moments.add(base + 3, source[at + GroupMeasure.staffed]! / 3600, 0);
    moments.add(base + 4, source[at + GroupMeasure.staffed]! / seconds, 0);
    if (!this.outbound) return;
    moments.add(base + 5, source[at + GroupMeasure.outboundAttempts]!, 0);
    moments.add(base + 6, source[at + GroupMeasure.outboundConnects]!, 0);
    moments.add(base + 7, source[at + GroupMeasure.outboundBusy]! / 3600, 0);
    moments.add(base + 8, (source[at + GroupMeasure.busy]! - source[at + GroupMeasure.outboundBusy]!) / 3600, 0);
  }

  private kpis(view: number): Kpis {
    const out: Partial<Record<keyof Kpis, Metric>> = {};
    const { k, set } = this;
    set.names.forEach((name, j) => {
      const sums = this.typeMoments.sums(view * k + j);
      out[name] = set.readers[j]!.ratio ? ratioMetric(sums) : countMetric(sums);
    });
    return out as Kpis;
  }

  private groupKpis(view: number): GroupKpis {
    const m = this.groupMoments;
    const base = view * this.gk;
    const kpis: GroupKpis = {
      occupancy: ratioMetric(m.sums(base)),
      slotUtilization: ratioMetric(m.sums(base + 1)),
      busyHours: countMetric(m.sums(base + 2)),
      staffedHours: countMetric(m.sums(base + 3)),
    };
    if (this.outbound) {
      kpis.outboundAttempts = countMetric(m.sums(base + 5));
      kpis.outboundConnects = countMetric(m.sums(base + 6));
      kpis.outboundHours = countMetric(m.sums(base + 7));
      kpis.inboundHours = countMetric(m.sums(base + 8));
    }
    return kpis;
  }

  private intervalGroupKpis(view: number, group: number, interval: number): IntervalGroupKpis {
    const { intervalSeconds, warmupSeconds, groups } = this.config;
    const from = warmupSeconds + interval * intervalSeconds;
    return {
      ...this.groupKpis(view),
      staffed: countMetric(this.groupMoments.sums(view * this.gk + 4)),
      scheduled: meanLevel(groups[group]!.staffPlan, from, from + intervalSeconds),
    };
  }

  /** The per-interval figures of everything added so far (see RunFigures). */
  figures(): RunFigures {
    const { nTypes, nGroups, n } = this;
    const table = (count: number) => new Float64Array(count * n);
    const out = {
      intervals: n,
      serviceLevel: table(nTypes),
      serviceLevelHalfWidth: table(nTypes),
      abandonRate: table(nTypes),
      asa: table(nTypes),
      occupancy: table(nGroups),
    };
    const value = (x: number | null) => (x === null ? NaN : x);
    for (let t = 0; t < nTypes; t++) {
      for (let i = 0; i < n; i++) {
        const view = intervalView(nTypes, i, t) * this.k;
        const sl = ratioMetric(this.typeMoments.sums(view + SL));
        out.serviceLevel[t * n + i] = value(sl.mean);
        out.serviceLevelHalfWidth[t * n + i] = value(sl.ci95);
        out.abandonRate[t * n + i] = value(ratioMetric(this.typeMoments.sums(view + ABANDON)).mean);
        out.asa[t * n + i] = value(ratioMetric(this.typeMoments.sums(view + ASA)).mean);
      }
    }
    for (let g = 0; g < nGroups; g++) {
      for (let i = 0; i < n; i++) out.occupancy[g * n + i] = value(ratioMetric(this.groupMoments.sums(intervalView(nGroups, i, g) * this.gk)).mean);
    }
    return out;
  }

  /** The run output for everything added so far. */
  output(meta: { scenario: string; seed: number; intervalLabels: readonly string[] }): RunOutput {
    const { nTypes, nGroups, config } = this;
    // Object.fromEntries defines own properties, so any id (even "__proto__") becomes a key.
    const typeTable = (view: (ti: number) => number) => Object.fromEntries(config.types.map((t, ti) => [t.id, this.kpis(view(ti))]));
    const groupTable = (view: (gi: number) => number) => Object.fromEntries(config.groups.map((g, gi) => [g.id, this.groupKpis(view(gi))]));
    const byType = typeTable(dayView);
    const byGroup = groupTable(dayView);
    const intervals: IntervalOutput[] = [];
    for (let i = 0; i < this.n; i++) {
      intervals.push({
        start: meta.intervalLabels[i] ?? '',
        byType: typeTable((ti) => intervalView(nTypes, i, ti)),
        byGroup: Object.fromEntries(config.groups.map((g, gi) => [g.id, this.intervalGroupKpis(intervalView(nGroups, i, gi), gi, i)])),
      });
    }
    return {
      scenario: meta.scenario,
      replications: this.expected,
      seed: meta.seed,
      summary: { ...this.kpis(SUMMARY_VIEW), ...this.groupKpis(SUMMARY_VIEW) },
      byType,
      byGroup,
      intervals,
    };
  }
}
