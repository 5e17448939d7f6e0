import type { ContactCenterConfig } from '../model/index.js';
import { countMetric, PairedMoments, ratioMetric, type Metric } from '../stats/index.js';
import { TYPE_MEASURES, TypeMeasure, type ReplicationResult } from './measures.js';

/**
 * How the contacts of a type (or all types) ended, per day, means over replications (docs/
 * contract.md section 8, "Outcomes"). The counts are the right-hand side of the conservation
 * identity: answered (live) + callbacks + abandoned + blocked + disconnected + unresolved +
 * contained + botDropouts = arrivals + retrials + repeats + transfersIn.
 */
export interface OutcomeCounts {
  /** Answered live (answered minus callbacks made). */
  answered: Metric;
  /** Callbacks made. */
  callbacks: Metric;
  abandoned: Metric;
  blocked: Metric;
  disconnected: Metric;
  unresolved: Metric;
  contained: Metric;
  botDropouts: Metric;
  /** Contacts that came to this type by a transfer (they also end in one of the outcomes above). */
  transfersIn: Metric;
  /** Mean queue wait of abandoned contacts, seconds (a ratio of means). */
  abandonWait: Metric;
}

/** The `outcomes` section of `ccsim run --outcomes` (Node API `simulate(..., { outcomes: true })`). */
export interface Outcomes {
  summary: OutcomeCounts;
  byType: Record<string, OutcomeCounts>;
  /**
   * Agent hours of work (handle time with factors, plus wrap-up) per agent group and contact
   * type, of the contacts that arrived in the day's intervals: who works on what.
   */
  workHours: Record<string, Record<string, Metric>>;
  /** Mean phone lines in use / lines over the day's intervals; null without `lines`. */
  lineOccupancy: Metric | null;
}

/** Outcome names in output order, and the type measure each reads (abandonWait is the ratio after them). */
const COUNTS = [
  ['answered', -1],
  ['callbacks', TypeMeasure.callbacksMade],
  ['abandoned', TypeMeasure.abandoned],
  ['blocked', TypeMeasure.blocked],
  ['disconnected', TypeMeasure.disconnected],
  ['unresolved', TypeMeasure.unresolved],
  ['contained', TypeMeasure.contained],
  ['botDropouts', TypeMeasure.botDropouts],
  ['transfersIn', TypeMeasure.transfers],
] as const;
const PER_VIEW = COUNTS.length + 1;

/**
 * Reduces replication results (in replication order) into Outcomes. Separate from RunReducer so
 * a run that does not ask for outcomes does no extra work.
 */
export class OutcomeReducer {
  private readonly nTypes: number;
  private readonly nGroups: number;
  private readonly views: PairedMoments;
  private readonly work: PairedMoments;
  private readonly lines: PairedMoments;
  private readonly row = new Float64Array(TYPE_MEASURES);
  private expected = 0;

  constructor(private readonly config: ContactCenterConfig) {
    this.nTypes = config.types.length;
    this.nGroups = config.groups.length;
    this.views = new PairedMoments((1 + this.nTypes) * PER_VIEW);
    this.work = new PairedMoments(this.nGroups * this.nTypes);
    this.lines = new PairedMoments(1);
  }

  add(result: ReplicationResult): void {
    if (result.replication !== this.expected) throw new Error(`OutcomeReducer: replication ${result.replication} added out of order (expected ${this.expected})`);
    this.expected++;
    const { nTypes, row } = this;
    const n = this.config.intervals;
    const summary = new Float64Array(TYPE_MEASURES);
    this.views.nextObservation();
    for (let t = 0; t < nTypes; t++) {
      row.fill(0);
      for (let i = 0; i < n; i++) {
        const at = (t * n + i) * TYPE_MEASURES;
        for (let m = 0; m < TYPE_MEASURES; m++) row[m]! += result.types[at + m]!;
      }
      for (let m = 0; m < TYPE_MEASURES; m++) summary[m]! += row[m]!;
      this.observe(1 + t, row);
    }
    this.observe(0, summary);
    this.work.nextObservation();
    for (let k = 0; k < this.nGroups * nTypes; k++) this.work.add(k, result.groupTypeWork[k]! / 3600, 0);
    this.lines.nextObservation();
    const lines = this.config.lines;
    if (lines != null) this.lines.add(0, result.lineSeconds, lines * n * this.config.intervalSeconds);
  }

  private observe(view: number, r: Float64Array): void {
    const at = view * PER_VIEW;
    COUNTS.forEach(([, m], j) => {
      this.views.add(at + j, m < 0 ? r[TypeMeasure.answered]! - r[TypeMeasure.callbacksMade]! : r[m]!, 0);
    });
    this.views.add(at + COUNTS.length, r[TypeMeasure.waitAbandoned]!, r[TypeMeasure.abandoned]!);
  }

  private counts(view: number): OutcomeCounts {
    const at = view * PER_VIEW;
    const out = Object.fromEntries(COUNTS.map(([name], j) => [name, countMetric(this.views.sums(at + j))])) as Omit<OutcomeCounts, 'abandonWait'>;
    return { ...out, abandonWait: ratioMetric(this.views.sums(at + COUNTS.length)) };
  }

  output(): Outcomes {
    const { config, nTypes } = this;
    return {
      summary: this.counts(0),
      byType: Object.fromEntries(config.types.map((t, ti) => [t.id, this.counts(1 + ti)])),
      workHours: Object.fromEntries(
        config.groups.map((g, gi) => [g.id, Object.fromEntries(config.types.map((t, ti) => [t.id, countMetric(this.work.sums(gi * nTypes + ti))]))]),
      ),
      lineOccupancy: config.lines == null ? null : ratioMetric(this.lines.sums(0)),
    };
  }
}
