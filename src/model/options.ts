import type { RandomStream } from '../random/index.js';
import type { ContactCenterConfig } from './config.js';
import type { RouterFactory } from './router.js';

/** Source of named random streams for one replication. */
export type StreamSource = (name: string) => RandomStream;

/**
 * Where arrival times come from. `advance(type, from)` sets `nextTime[type]` to the next arrival
 * of `type` after `from` (Infinity: none). The time is left in an array rather than returned, so
 * that no number is boxed per arrival.
 */
export interface ArrivalSource {
  readonly nextTime: Float64Array;
  advance(type: number, from: number): void;
}

export interface ContactCenterOptions {
  /** Routing policy; default: longest-idle agent, highest-priority then longest-waiting contact. */
  readonly router?: RouterFactory;
  /** Arrival times; default: the scenario's piecewise Poisson process. Tests script them. */
  readonly arrivals?: (config: ContactCenterConfig, streamOf: StreamSource) => ArrivalSource;
}
