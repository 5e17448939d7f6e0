import { gamma, type RandomStream } from '../random/index.js';
import type { ContactCenterConfig, ContactTypeConfig } from './config.js';
import type { ArrivalSource } from './options.js';

/** The stream of a type's volume factor: `volume:<type id>`, or `volume-group:<name>` when grouped. */
export function volumeStreamName(type: ContactTypeConfig): string {
  return type.volumeGroup === null ? `volume:${type.id}` : `volume-group:${type.volumeGroup}`;
}

const ratesByType = new WeakMap<ContactTypeConfig, Float64Array>();

/** A type's rates per interval as a typed array, made once per model (read-only: never written). */
function ratesOf(type: ContactTypeConfig): Float64Array {
  let rates = ratesByType.get(type);
  if (rates === undefined) ratesByType.set(type, (rates = Float64Array.from(type.arrivalRate)));
  return rates;
}

function scaled(rates: Float64Array, factor: number): Float64Array {
  const out = new Float64Array(rates.length);
  for (let i = 0; i < rates.length; i++) out[i] = rates[i]! * factor;
  return out;
}

/**
 * Poisson arrivals whose rate is constant within each interval (warm-up uses interval 0's rate).
 * The next arrival is drawn at the current rate; if it would fall past the segment's end, the
 * draw is discarded and a fresh one starts at the boundary with the next rate. By memorylessness
 * this is exactly the piecewise-constant Poisson process.
 *
 * Forecast error (`volumeCv` > 0): the type's rates are multiplied by one gamma factor of mean 1
 * and that cv, drawn once per replication from the type's `volume` stream. Types of one
 * `volumeGroup` share one factor: the group's first type (in scenario order) draws it from the
 * stream {@link volumeStreamName} gives (`volume-group:<name>`) and the others reuse it.
 *
 * Exact counts (`exactCounts`, for replaying a recorded day): interval i gets exactly
 * `exactCounts[i]` arrivals, uniform within it. They are generated in order, without a list: the
 * first of k uniforms on (t, end) is t + (end - t)(1 - U^(1/k)), and the rest are k - 1 uniforms
 * on (that time, end). The uniforms come from the same `arrivals` stream, one per arrival. The
 * warm-up stays Poisson at interval 0's rate (the contract's warm-up: arrivals as in interval 0),
 * and there is no volume factor: the count is known.
 *
 * Runs once per arrival: see docs/architecture.md, Hot loop rules.
 */
export class ArrivalProcess implements ArrivalSource {
  readonly nextTime: Float64Array;
  private readonly rates: Float64Array[];
  private readonly streams: RandomStream[];
  /** Current segment per type: -1 is the warm-up, then interval indices. */
  private readonly segment: Int32Array;
  /** The config's calendar, copied into fields: `advance` runs once per arrival. */
  private readonly warmupSeconds: number;
  private readonly intervalSeconds: number;
  private readonly intervals: number;
  /** Whether any type has exact counts (the Poisson-only path then costs one field check). */
  private readonly anyExact: boolean;
  /** Per type: 1 when its arrivals are exact counts. */
  private readonly exact: Uint8Array;
  /** Exact counts per type (empty for Poisson types). */
  private readonly counts: Int32Array[];
  /** Exact arrivals still to come in the current interval, per type. */
  private readonly remaining: Int32Array;

  constructor(
    config: ContactCenterConfig,
    streamOf: (type: number) => RandomStream,
    volumeStreamOf: (type: number) => RandomStream = streamOf,
  ) {
    const shared = new Map<string, number>();
    const factorOf = (t: ContactTypeConfig, i: number): number => {
      if (t.volumeGroup === null) return gamma(1, t.volumeCv).sample(volumeStreamOf(i));
      let factor = shared.get(t.volumeGroup);
      if (factor === undefined) shared.set(t.volumeGroup, (factor = gamma(1, t.volumeCv).sample(volumeStreamOf(i))));
      return factor;
    };
    this.rates = config.types.map((t, i) => {
      const factor = t.volumeCv > 0 && t.exactCounts === null ? factorOf(t, i) : 1;
      return factor === 1 ? ratesOf(t) : scaled(ratesOf(t), factor);
    });
    this.streams = config.types.map((_, i) => streamOf(i));
    this.segment = new Int32Array(config.types.length).fill(-1);
    this.nextTime = new Float64Array(config.types.length);
    this.warmupSeconds = config.warmupSeconds;
    this.intervalSeconds = config.intervalSeconds;
    this.intervals = config.intervals;
    this.exact = Uint8Array.from(config.types, (t) => (t.exactCounts === null ? 0 : 1));
    this.anyExact = this.exact.includes(1);
    this.counts = config.types.map((t) => Int32Array.from(t.exactCounts ?? []));
    this.remaining = new Int32Array(config.types.length);
  }

  /** Set `nextTime[type]` to the next arrival of `type` after the current one (Infinity when they have stopped). */
  advance(type: number): void {
    if (this.anyExact && this.exact[type] === 1) {
      this.advanceExact(type);
      return;
    }
    const rates = this.rates[type]!;
    const stream = this.streams[type]!;
    const { warmupSeconds, intervalSeconds, intervals } = this;
    let seg = this.segment[type]!;
    let t = this.nextTime[type]!;
    for (;;) {
      const rate = rates[seg < 0 ? 0 : seg]!;
      const end = warmupSeconds + (seg + 1) * intervalSeconds;
      if (rate > 0 && t < end) {
        const candidate = t - Math.log(stream.next()) / rate;
        if (candidate < end) {
          this.segment[type] = seg;
          this.nextTime[type] = candidate;
          return;
        }
      }
      seg++;
      t = end;
      if (seg >= intervals) {
        this.segment[type] = seg;
        this.nextTime[type] = Infinity;
        return;
      }
    }
  }

  /** `advance` for a type with exact counts per interval (Poisson during the warm-up). */
  private advanceExact(type: number): void {
    const stream = this.streams[type]!;
    const { warmupSeconds, intervalSeconds, intervals } = this;
    let seg = this.segment[type]!;
    let t = this.nextTime[type]!;
    if (seg < 0) {
      const rate = this.rates[type]![0]!;
      if (rate > 0 && t < warmupSeconds) {
        const candidate = t - Math.log(stream.next()) / rate;
        if (candidate < warmupSeconds) {
          this.nextTime[type] = candidate;
          return;
        }
      }
      seg = 0;
      t = warmupSeconds;
      this.remaining[type] = intervals > 0 ? this.counts[type]![0]! : 0;
    }
    for (;;) {
      if (seg >= intervals) {
        this.segment[type] = seg;
        this.nextTime[type] = Infinity;
        return;
      }
      const k = this.remaining[type]!;
      if (k > 0) {
        const end = warmupSeconds + (seg + 1) * intervalSeconds;
        let candidate = t + (end - t) * (1 - Math.pow(stream.next(), 1 / k));
        // Rounding must not carry an arrival into the next interval (its count would be off by
        // one): at worst it ties with the previous arrival.
        if (Math.floor((candidate - warmupSeconds) / intervalSeconds) > seg) candidate = t;
        this.remaining[type] = k - 1;
        this.segment[type] = seg;
        this.nextTime[type] = candidate;
        return;
      }
      seg++;
      t = warmupSeconds + seg * intervalSeconds;
      if (seg < intervals) this.remaining[type] = this.counts[type]![seg]!;
    }
  }
}
