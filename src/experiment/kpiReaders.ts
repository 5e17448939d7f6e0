import { transfersUsed, type ContactCenterConfig } from '../model/index.js';
import { TYPE_MEASURES, TypeMeasure, type ReplicationResult } from './measures.js';
import { KPI_NAMES, type ExtraKpiName, type KpiName } from './runOutput.js';
import { addSparseWaits, firstWaitOfCell, WAIT_BINS, waitQuantile } from './waitHistogram.js';

/** How one KPI is read from a raw row: a count (x only) or a ratio of means x / y. */
export interface KpiReader {
  readonly ratio: boolean;
  /**
   * For a count of one raw measure (`x` is `r[measure]`, `y` 0): that measure, so a caller that
   * reads many rows may copy it without calling `x` and `y`; absent for every other KPI.
   */
  readonly measure?: number;
  readonly x: (r: Float64Array) => number;
  readonly y: (r: Float64Array) => number;
}

/**
 * Row of raw type measures, plus the clock seconds the row covers and the 90th percentile of its
 * answered contacts' waits (NaN when none), which whoever builds the row computes from the
 * replication's wait histogram (summaryRow, typeRow, RunReducer).
 */
export const SECONDS = TYPE_MEASURES;
export const P90 = TYPE_MEASURES + 1;
export const ROW = TYPE_MEASURES + 2;
/** The quantile of the waits a row reports in P90. */
export const WAIT_QUANTILE = 0.9;

/**
 * How each KPI of KPI_NAMES (same order) is read from a raw row: a count (x only) or a ratio x / y.
 */
export const KPI_READERS: readonly KpiReader[] = [
  count(TypeMeasure.arrivals),
  count(TypeMeasure.botEntered),
  count(TypeMeasure.contained),
  count(TypeMeasure.offered),
  count(TypeMeasure.answered),
  count(TypeMeasure.abandoned),
  count(TypeMeasure.unresolved),
  // Service level, ASA and the wait p90 are over live answers: a callback made counts in answered
  // but its caller left the queue (callbacksMade is 0 without callbacks, and x - 0 is x exactly).
  { ratio: true, x: (r) => r[TypeMeasure.answeredInTime]!, y: (r) => liveAnswered(r) + r[TypeMeasure.abandoned]! - r[TypeMeasure.shortAbandoned]! },
  { ratio: true, x: (r) => r[TypeMeasure.waitAnswered]!, y: liveAnswered },
  { ratio: true, x: (r) => r[TypeMeasure.abandoned]!, y: resolvedInQueue },
  { ratio: true, x: (r) => r[TypeMeasure.contained]!, y: (r) => r[TypeMeasure.botEntered]! },
  { ratio: true, x: (r) => r[TypeMeasure.queueArea]!, y: (r) => r[SECONDS]! },
  count(TypeMeasure.retrials),
  count(TypeMeasure.repeats),
  count(TypeMeasure.botDropouts),
  count(TypeMeasure.cost),
  { ratio: true, x: (r) => r[TypeMeasure.cost]!, y: (r) => r[TypeMeasure.arrivals]! },
  // The p90 of each replication, weighted by its answered contacts (a ratio of means, defined
  // whenever some replication answered a contact): sum(answered x p90) / sum(answered).
  { ratio: true, x: (r) => (liveAnswered(r) > 0 ? liveAnswered(r) * r[P90]! : 0), y: liveAnswered },
  { ratio: false, x: (r) => r[TypeMeasure.work]! / 3600, y: () => 0 },
];

function count(m: number): KpiReader {
  return { ratio: false, measure: m, x: (r: Float64Array) => r[m]!, y: () => 0 };
}

/** The model-breadth-II KPIs (CONTRACT section 8), each output only when its feature is in the scenario. */
const EXTRA_READERS: Record<ExtraKpiName, KpiReader> = {
  blocked: count(TypeMeasure.blocked),
  // The contract's ratio: blocked / fresh arrivals (with retrials it may exceed the per-attempt
  // blocking probability blocked / (arrivals + retrials + repeats); see docs/contract.md section 8).
  blockRate: { ratio: true, x: (r) => r[TypeMeasure.blocked]!, y: (r) => r[TypeMeasure.arrivals]! },
  disconnected: count(TypeMeasure.disconnected),
  callbacksOffered: count(TypeMeasure.callbacksOffered),
  callbacksAccepted: count(TypeMeasure.callbacksAccepted),
  callbacksMade: count(TypeMeasure.callbacksMade),
  callbackWait: { ratio: true, x: (r) => r[TypeMeasure.callbackWait]!, y: (r) => r[TypeMeasure.callbacksMade]! },
  // Made within the window, of all accepted: one still pending at the end counts as missed.
  callbackServiceLevel: { ratio: true, x: (r) => r[TypeMeasure.callbacksInWindow]!, y: (r) => r[TypeMeasure.callbacksAccepted]! },
  transfers: count(TypeMeasure.transfers),
};

/** The KPIs a run outputs, in order, and how each is read. */
export interface KpiSet {
  readonly names: readonly KpiName[];
  readonly readers: readonly KpiReader[];
}

/**
 * The KPIs of a model: those of sections 2 and 4 always, then each section-8 KPI whose feature
 * the model uses (so a scenario without them has exactly the output it always had).
 */
export function kpiSet(config: ContactCenterConfig): KpiSet {
  const extras: ExtraKpiName[] = [];
  if (config.lines != null || config.types.some((t) => t.maxQueue != null)) extras.push('blocked', 'blockRate');
  if (config.closeQueue != null) extras.push('disconnected');
  if (transfersUsed(config.types)) extras.push('transfers');
  if (config.types.some((t) => t.callback != null)) extras.push('callbacksOffered', 'callbacksAccepted', 'callbacksMade', 'callbackWait', 'callbackServiceLevel');
  return { names: [...KPI_NAMES, ...extras], readers: [...KPI_READERS, ...extras.map((name) => EXTRA_READERS[name])] };
}
function liveAnswered(r: Float64Array): number {
  return r[TypeMeasure.answered]! - r[TypeMeasure.callbacksMade]!;
}
function resolvedInQueue(r: Float64Array): number {
  return r[TypeMeasure.answered]! + r[TypeMeasure.abandoned]!;
}


/** Number of contact KPIs. */
export const K = KPI_READERS.length;

/**
 * The summary row of one replication: every type measure summed over types and intervals, the
 * seconds of the day in slot SECONDS and the wait p90 of every answered contact in slot P90.
 */
export function summaryRow(result: ReplicationResult, intervalSeconds: number, intervals: number, out = new Float64Array(ROW)): Float64Array {
  const types = result.types;
  out.fill(0);
  for (let at = 0; at < types.length; at += TYPE_MEASURES) {
    for (let m = 0; m < TYPE_MEASURES; m++) out[m]! += types[at + m]!;
  }
  out[SECONDS] = intervalSeconds * intervals;
  out[P90] = denseQuantile(result, 0, result.waitBins.length);
  return out;
}

/**
 * The row of one contact type over the whole day in one replication: type `t`'s measures summed
 * over its intervals, the seconds of the day in slot SECONDS and its wait p90 in slot P90 (the
 * reducer's `byType` view).
 */
export function typeRow(result: ReplicationResult, t: number, intervalSeconds: number, intervals: number, out = new Float64Array(ROW)): Float64Array {
  const types = result.types;
  out.fill(0);
  for (let i = 0; i < intervals; i++) {
    const at = (t * intervals + i) * TYPE_MEASURES;
    for (let m = 0; m < TYPE_MEASURES; m++) out[m]! += types[at + m]!;
  }
  out[SECONDS] = intervalSeconds * intervals;
  const from = firstWaitOfCell(result.waitBins, 0, t * intervals);
  out[P90] = denseQuantile(result, from, firstWaitOfCell(result.waitBins, from, (t + 1) * intervals));
  return out;
}

const dense = new Float64Array(WAIT_BINS);
/** The wait quantile of entries `from .. to-1` of a result's sparse histogram, over all their cells. */
function denseQuantile(result: ReplicationResult, from: number, to: number): number {
  dense.fill(0);
  addSparseWaits(dense, result.waitBins, result.waitCounts, from, to);
  return waitQuantile(dense, 0, WAIT_QUANTILE);
}
