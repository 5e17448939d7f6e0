/**
 * The raw per-replication measures: flat tables indexed by (contact type or agent group,
 * interval, measure). Contact measures belong to the interval of first arrival; agent measures
 * to clock time. Every measure is additive, so cells sum into days and types.
 */
export const TypeMeasure = {
  arrivals: 0,
  botEntered: 1,
  contained: 2,
  offered: 3,
  answered: 4,
  abandoned: 5,
  unresolved: 6,
  /** Answered within the type's service-level threshold. */
  answeredInTime: 7,
  /** Sum of queue waits of answered contacts, seconds. */
  waitAnswered: 8,
  /** Sum of queue waits of abandoned contacts, seconds. */
  waitAbandoned: 9,
  /** Area under the number of waiting contacts, contact-seconds, by clock time. */
  queueArea: 10,
  /** Abandoned contacts that try again (each retry counts once). */
  retrials: 11,
  /** Customers who come back after unresolved service or false containment. */
  repeats: 12,
  /** Bot sessions that ended with the customer giving up in the bot. */
  botDropouts: 13,
  /** Abandons within the type's shortAbandonSeconds (left out of the service-level denominator). */
  shortAbandoned: 14,
  /** Agent and bot cost attributed to the contacts (see Recorder). */
  cost: 15,
  /** Agent seconds the answered contacts took: handle time with proficiency and concurrency factors, plus wrap-up. */
  work: 16,
  // Model breadth II (CONTRACT section 8).
  /** Arrivals, retrials and repeats that found every line taken or their queue at maxQueue. */
  blocked: 17,
  /** Waiting contacts cleared by closeQueueAt. */
  disconnected: 18,
  /** Waiting callers offered a callback. */
  callbacksOffered: 19,
  /** Callers who accepted the callback offered. */
  callbacksAccepted: 20,
  /** Callbacks made (also counted in answered, not in its live waits). */
  callbacksMade: 21,
  /** Sum of seconds from acceptance to callback, of callbacks made. */
  callbackWait: 22,
  /** Callbacks made within the type's callback window. */
  callbacksInWindow: 23,
  /** Contacts transferred to this type (after service of another type), by first arrival's interval. */
  transfers: 24,
} as const;
export const TYPE_MEASURES = TypeMeasure.transfers + 1;

export const GroupMeasure = {
  /** Agent-seconds busy (holding at least one contact, or in wrap-up). */
  busy: 0,
  /** Agent-seconds present. */
  staffed: 1,
  /** Chat-slot-seconds in use. */
  slotsBusy: 2,
  /** Chat-slot-seconds present (agents x concurrency). */
  slotsStaffed: 3,
  /** Outbound attempts started (by clock time). */
  outboundAttempts: 4,
  /** Outbound attempts that reached the right party. */
  outboundConnects: 5,
  /** Agent-seconds on outbound (dialing and talking), included in busy. */
  outboundBusy: 6,
} as const;
export const GROUP_MEASURES = 7;
/** The first four group measures are levels that change together (busy, staffed, slots busy, slots staffed). */
export const GROUP_LEVELS = 4;

/** Sizes of a replication's tables. */
export interface MeasureLayout {
  readonly types: number;
  readonly groups: number;
  readonly intervals: number;
}

/** Offset of (type, interval) in a type table. */
export function typeCell(layout: MeasureLayout, type: number, interval: number): number {
  return (type * layout.intervals + interval) * TYPE_MEASURES;
}

/** Offset of (group, interval) in a group table. */
export function groupCell(layout: MeasureLayout, group: number, interval: number): number {
  return (group * layout.intervals + interval) * GROUP_MEASURES;
}

/**
 * One replication's observations as they travel (ReplicationResult): `pairs` holds the pairs of
 * the views `present` marks (1), in view order, contact views then agent views; a view marked 0
 * is an interval with no contacts (its pairs: `emptyIntervalPairs` in kpiObserver.ts) or no
 * agents (every pair (0, 0)). A long model's nights are most of its views: bank-week's 181 KB of
 * pairs travel as about 70 KB. The reducer adds them as they are, an absent view's constants in
 * its place (`PairedMoments.addCompact`); `ObservationExpander.expand` restores the whole table,
 * bit for bit.
 */
export interface CompactObservations {
  readonly pairs: Float64Array;
  /** Per view (contact views, then agent views): 1 when its pairs are in `pairs`. */
  readonly present: Uint8Array;
}

/** What one replication returns: small, plain, and intact through structuredClone. */
export interface ReplicationResult {
  readonly replication: number;
  /** TYPE_MEASURES values per (type, interval). */
  readonly types: Float64Array;
  /**
   * The histogram of answered contacts' queue waits per (type, interval), sparse: only its
   * non-zero entries, at flat indices `(type * intervals + interval) * WAIT_BINS + bin`
   * (waitHistogram.ts), ascending, with their counts in `waitCounts`. Sparse because a dense
   * one is WAIT_BINS values per cell, almost all 0, to copy between threads and walk per replication.
   */
  readonly waitBins: Uint32Array;
  readonly waitCounts: Uint32Array;
  /** GROUP_MEASURES values per (group, interval). */
  readonly groups: Float64Array;
  /** Logical events before the end of the last interval: arrivals, service starts, completions, abandonments. */
  readonly events: number;
  /**
   * Agent seconds of work (handle + wrap-up, as `work`) per (group, type), over the day's
   * intervals by arrival, at `group * types + type` (docs/contract.md section 8, outcomes).
   */
  readonly groupTypeWork: Float64Array;
  /** Line-seconds in use over the day's intervals (0 without `lines`). */
  readonly lineSeconds: number;
  /**
   * The run output's (x, y) pairs of this replication, every view x KPI (KpiObserver): computed
   * where the replication ran, so the thread that reduces in order only adds moments. Compact:
   * the views with no contacts or no agents (a long model's nights) are marked, not written
   * (the reducer adds their constants in their place).
   */
  readonly observations: CompactObservations;
}

const NO_VALUES = new Float64Array(0);
const NO_COUNTS = new Uint32Array(0);

/**
 * `result` as a job with `observationsOnly` gets it from another thread: its observations, number
 * and counts, with the measure tables (types, groups, waits, work) empty, which RunReducer never
 * reads. The empty arrays are shared: they hold nothing to change.
 */
export function leanResult(result: ReplicationResult): ReplicationResult {
  return { ...result, types: NO_VALUES, groups: NO_VALUES, waitBins: NO_COUNTS, waitCounts: NO_COUNTS, groupTypeWork: NO_VALUES };
}
