/**
 * One interval's counterfactuals for `ccsim explain` (docs/explain.md): plain data, sent to a
 * worker with the job, applied to the model there. Each removes one cause of an interval's
 * service-level shortfall and keeps everything else, customers included (the same streams).
 */
import { raisedPlan, type ContactCenterConfig } from '../model/index.js';

export interface Counterfactual {
  /** The interval it changes (0-based, of the scenario's intervals). */
  readonly interval: number;
  /**
   * `staff`: per group, the fewest agents present at every moment of the interval (its
   * requirement; a group already above keeps its own staff). Null: staff unchanged.
   */
  readonly staffFloor: readonly number[] | null;
  /** `carry-over`: whatever waits when the interval starts is taken out of the queue (disconnected). */
  readonly clearQueue: boolean;
  /** `bot-wave`: the bot escalations reaching the queue in the interval are spread evenly over it. */
  readonly spreadEscalations: boolean;
  /**
   * `volume` (a replayed date): per contact type, the interval's volume in place of the recorded
   * one (exact arrivals: that many contacts). Absent or null: volumes unchanged.
   */
  readonly volume?: readonly number[] | null;
}

/** The model with `cf` applied (the model itself when it changes nothing). */
export function counterfactualModel(config: ContactCenterConfig, cf: Counterfactual | null): ContactCenterConfig {
  if (cf === null) return config;
  const { interval } = cf;
  if (!Number.isInteger(interval) || interval < 0 || interval >= config.intervals) {
    throw new RangeError(`counterfactual: interval ${interval} is not one of the ${config.intervals} intervals`);
  }
  const from = config.warmupSeconds + interval * config.intervalSeconds;
  const to = from + config.intervalSeconds;
  let out = config;
  if (cf.staffFloor !== null) {
    const floor = cf.staffFloor;
    if (floor.length !== config.groups.length) throw new RangeError(`counterfactual: ${floor.length} staff floors for ${config.groups.length} groups`);
    out = { ...out, groups: out.groups.map((g, i) => ({ ...g, staffPlan: raisedPlan(g.staffPlan, from, to, floor[i]!) })) };
  }
  if (cf.clearQueue) out = { ...out, clearQueueAt: from };
  if (cf.spreadEscalations) out = { ...out, escalationWindow: { from, to } };
  const volume = cf.volume ?? null;
  if (volume !== null) {
    if (volume.length !== config.types.length) throw new RangeError(`counterfactual: ${volume.length} volumes for ${config.types.length} contact types`);
    out = {
      ...out,
      types: out.types.map((t, ti) => {
        const v = volume[ti]!;
        const arrivalRate = t.arrivalRate.map((r, i) => (i === interval ? v / config.intervalSeconds : r));
        const exactCounts = t.exactCounts === null ? null : t.exactCounts.map((c, i) => (i === interval ? v : c));
        return { ...t, arrivalRate, exactCounts };
      }),
    };
  }
  return out;
}
