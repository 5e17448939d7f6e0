import { meanLevel, type ContactCenterConfig } from '../model/index.js';
import { countMetric, PairedMoments, ratioMetric, type Metric } from '../stats/index.js';

import type { ReplicationResult } from './measures.js';
import type { KpiSet } from './kpiReaders.js';
import { dayView, intervalView, ObservationExpander, observationLayout, SUMMARY_VIEW, type ObservationLayout } from './kpiObserver.js';
import { KPI_NAMES, type GroupKpis, type IntervalGroupKpis, type IntervalOutput, type Kpis, type RunOutput } from './runOutput.js';

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
  private expected = 0;
  private readonly layout: ObservationLayout;
  /** Restores each result's compact observations into one reused table. */
  private readonly expander: ObservationExpander;
  /** The contact KPIs this run outputs, and their count. */
  private readonly set: KpiSet;
  private readonly k: number;
  /** Agent KPIs per view (with or without the outbound ones). */
  private readonly gk: number;
  private readonly outbound: boolean;

  constructor(private readonly config: ContactCenterConfig) {
    this.layout = observationLayout(config);
    ({ set: this.set, k: this.k, gk: this.gk, outbound: this.outbound } = this.layout);
    this.nTypes = config.types.length;
    this.nGroups = config.groups.length;
    this.n = config.intervals;
    this.expander = new ObservationExpander(this.layout, config.intervalSeconds);
    this.typeMoments = new PairedMoments(this.layout.typeCells);
    this.groupMoments = new PairedMoments(this.layout.groupCells);
  }

  /** Replications added so far. */
  get count(): number {
    return this.expected;
  }

  /**
   * Add the next replication's observations (computed where it ran: see KpiObserver). This is
   * all the reducing thread does per replication, so it keeps up with many workers.
   */
  add(result: ReplicationResult): void {
    if (result.replication !== this.expected) {
      throw new Error(`RunReducer: replication ${result.replication} added out of order (expected ${this.expected})`);
    }
    const { pairs, present } = result.observations;
    try {
      this.expander.check(result.observations);
    } catch (error) {
      throw new Error(`RunReducer: replication ${result.replication}: ${(error as Error).message}`);
    }
    const { typeViews, groupViews, k, gk } = this.layout;
    this.expected++;
    // Straight from the compact pairs: absent views read the expander's constants, nothing is
    // written out first (the reducing thread's work per replication is this and nothing else).
    const next = this.typeMoments.addCompact(pairs, 0, present, 0, typeViews, k, this.expander.absentType);
    this.groupMoments.addCompact(pairs, next, present, typeViews, groupViews, gk, this.expander.absentGroup);
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
