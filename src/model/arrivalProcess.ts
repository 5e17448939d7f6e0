import { gamma, type RandomStream } from '../random/index.js';
import type { ContactCenterConfig } from './config.js';
import type { ArrivalSource } from './options.js';

/**
 * Poisson arrivals whose rate is constant within each interval (warm-up uses interval 0's rate).
 * The next arrival is drawn at the current rate; if it would fall past the segment's end, the
 * draw is discarded and a fresh one starts at the boundary with the next rate. By memorylessness
 * this is exactly the piecewise-constant Poisson process.
 *
 * Forecast error (`volumeCv` > 0): the type's rates are multiplied by one gamma factor of mean 1
 * and that cv, drawn once per replication from the type's `volume` stream.
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

  constructor(
    config: ContactCenterConfig,
    streamOf: (type: number) => RandomStream,
    volumeStreamOf: (type: number) => RandomStream = streamOf,
  ) {
    this.rates = config.types.map((t, i) => {
      const factor = t.volumeCv > 0 ? gamma(1, t.volumeCv).sample(volumeStreamOf(i)) : 1;
      return Float64Array.from(t.arrivalRate, (r) => r * factor);
    });
    this.streams = config.types.map((_, i) => streamOf(i));
    this.segment = new Int32Array(config.types.length).fill(-1);
    this.nextTime = new Float64Array(config.types.length);
    this.warmupSeconds = config.warmupSeconds;
    this.intervalSeconds = config.intervalSeconds;
    this.intervals = config.intervals;
  }

  /** Set `nextTime[type]` to the next arrival of `type` after the current one (Infinity when they have stopped). */
  advance(type: number): void {
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
}
