import type { RandomStream } from '../random/index.js';
import type { ContactCenterConfig } from './config.js';
import type { EscalationSpread } from './escalationSpread.js';
import type { RouterFactory } from './router.js';

/** Source of named random streams for one replication. */
export type StreamSource = (name: string) => RandomStream;

/**
 * Where arrival times come from. `advance(type)` sets `nextTime[type]` to the next arrival of
 * `type` after the current `nextTime[type]` (which starts at 0, and is the time of the arrival
 * being handled when the model calls it; Infinity: none). Times stay in the array, neither
 * passed nor returned: `advance` is not always inlined (see docs/architecture.md, Hot loop rules).
 */
export interface ArrivalSource {
  readonly nextTime: Float64Array;
  advance(type: number): void;
}

export interface ContactCenterOptions {
  /** Routing policy; default: longest-idle agent, highest-priority then longest-waiting contact. */
  readonly router?: RouterFactory;
  /** Arrival times; default: the scenario's piecewise Poisson process. Tests script them. */
  readonly arrivals?: (config: ContactCenterConfig, streamOf: StreamSource) => ArrivalSource;
  /** `ccsim explain`'s bot-wave counterfactual: escalations in a window noted, or spread evenly. */
  readonly escalations?: EscalationSpread;
}
