import { countMetric, PairedMoments, tFactor95, type Metric } from '../stats/index.js';
import { K, KPI_READERS, ROW, summaryRow, typeRow } from './kpiReaders.js';
import { GROUP_MEASURES, GroupMeasure, type ReplicationResult } from './measures.js';
import { KPI_NAMES } from './runOutput.js';

const SUMMARY_KEYS = [...KPI_NAMES, 'occupancy', 'slotUtilization'] as const;
export type SummaryKey = (typeof SUMMARY_KEYS)[number];
/** The KPIs of one contact type that have paired deltas: every contact KPI (no agent KPI is per type). */
export type TypeDeltaKey = (typeof KPI_NAMES)[number];

/**
 * The summary numerators and denominators of each replication of one run, and those of each
 * contact type named in `typeIds` (the scenario's types in order: index t is type t of the run).
 */
export class SummaryRows {
  /** Per replication: x and y of every contact KPI, then busy, staffed, slots busy, slots staffed. */
  readonly rows: number[][] = [];
  /** Per contact type id: x and y of every contact KPI, replication by replication. */
  readonly byType = new Map<string, number[][]>();
  private readonly row = new Float64Array(ROW);

  constructor(
    private readonly intervalSeconds: number,
    private readonly intervals: number,
    private readonly typeIds: readonly string[] = [],
  ) {
    for (const id of typeIds) this.byType.set(id, []);
  }

  add(result: ReplicationResult): void {
    const row = summaryRow(result, this.intervalSeconds, this.intervals, this.row);
    const values = contactValues(row);
    const g = result.groups;
    let busy = 0, staffed = 0, slotsBusy = 0, slotsStaffed = 0;
    for (let at = 0; at < g.length; at += GROUP_MEASURES) {
      busy += g[at + GroupMeasure.busy]!;
      staffed += g[at + GroupMeasure.staffed]!;
      slotsBusy += g[at + GroupMeasure.slotsBusy]!;
      slotsStaffed += g[at + GroupMeasure.slotsStaffed]!;
    }
    values.push(busy, staffed, slotsBusy, slotsStaffed);
    this.rows[result.replication] = values;
    this.typeIds.forEach((id, t) => {
      this.byType.get(id)![result.replication] = contactValues(typeRow(result, t, this.intervalSeconds, this.intervals, this.row));
    });
  }
}

function contactValues(row: Float64Array): number[] {
  const values: number[] = [];
  for (const reader of KPI_READERS) values.push(reader.x(row), reader.y(row));
  return values;
}

/**
 * Paired differences `other - base` of the summary KPIs, replication by replication (both runs
 * used the same random streams, so the noise they share cancels). A count's delta is the mean of
 * the per-replication differences with its paired-t half-width; a ratio's delta is the difference
 * of the two ratios of means with a paired delta-method half-width (the variance of the
 * difference of the two linearised ratios).
 */
export function pairedDeltas(base: SummaryRows, other: SummaryRows): Record<SummaryKey, Metric> {
  const n = Math.min(base.rows.length, other.rows.length);
  const out = {} as Record<SummaryKey, Metric>;
  SUMMARY_KEYS.forEach((key, j) => {
    const xi = j < K ? 2 * j : 2 * K + 2 * (j - K);
    const ratio = j < K ? KPI_READERS[j]!.ratio : true;
    out[key] = ratio ? ratioDelta(base.rows, other.rows, n, xi) : countDelta(base.rows, other.rows, n, xi);
  });
  return out;
}

/**
 * The same paired differences per contact type, for every type id present in both runs (in the
 * base run's order): a type's SL, ASA and abandonment are measured against its own threshold and
 * channel, which the pooled figures mix. A type only one of the runs has gets no entry.
 */
export function pairedTypeDeltas(base: SummaryRows, other: SummaryRows): Record<string, Record<TypeDeltaKey, Metric>> {
  const entries: [string, Record<TypeDeltaKey, Metric>][] = [];
  for (const [id, a] of base.byType) {
    const b = other.byType.get(id);
    if (b === undefined) continue;
    const n = Math.min(a.length, b.length);
    const out = {} as Record<TypeDeltaKey, Metric>;
    KPI_NAMES.forEach((key, j) => {
      out[key] = KPI_READERS[j]!.ratio ? ratioDelta(a, b, n, 2 * j) : countDelta(a, b, n, 2 * j);
    });
    entries.push([id, out]);
  }
  // Object.fromEntries defines own properties, so any id (even "__proto__") becomes a key.
  return Object.fromEntries(entries);
}

function countDelta(a: number[][], b: number[][], n: number, xi: number): Metric {
  const m = new PairedMoments(1);
  for (let r = 0; r < n; r++) {
    m.nextObservation();
    m.add(0, b[r]![xi]! - a[r]![xi]!, 0);
  }
  return countMetric(m.sums(0));
}

/**
 * The paired delta `ratio(b) - ratio(a)` of two runs' ratio-of-means KPI whose x and y are at
 * `xi` and `xi + 1` of each replication's row (the first `n` rows), with its delta-method
 * half-width; what `pairedDeltas` reports for a ratio.
 */
export function pairedRatioDelta(a: number[][], b: number[][], n: number, xi: number): Metric {
  return ratioDelta(a, b, n, xi);
}

function ratioDelta(a: number[][], b: number[][], n: number, xi: number): Metric {
  const mean = (rows: number[][], k: number) => rows.slice(0, n).reduce((s, r) => s + r[k]!, 0) / n;
  const ya = mean(a, xi + 1);
  const yb = mean(b, xi + 1);
  if (n === 0 || ya === 0 || yb === 0) return { mean: null, ci95: null, n };
  const ra = mean(a, xi) / ya;
  const rb = mean(b, xi) / yb;
  const z = new PairedMoments(1);
  for (let r = 0; r < n; r++) {
    z.nextObservation();
    const za = (a[r]![xi]! - ra * a[r]![xi + 1]!) / ya;
    const zb = (b[r]![xi]! - rb * b[r]![xi + 1]!) / yb;
    z.add(0, zb - za, 0);
  }
  const s = z.sums(0);
  const half = n < 2 ? 0 : tFactor95(n) * Math.sqrt(s.sxx / (n - 1) / n);
  const delta = rb - ra;
  return Number.isFinite(delta) && Number.isFinite(half) ? { mean: delta, ci95: half, n } : { mean: null, ci95: null, n };
}
