/** Which analytic queue a result comes from: M/M/c (`erlang-c`) or M/M/c+M (`erlang-a`). */
export type QueueModel = 'erlang-c' | 'erlang-a';

/**
 * Steady-state performance of one queue with `agents` identical agents.
 * Probabilities are per arriving contact (Poisson arrivals see time averages).
 */
export interface QueueMetrics {
  model: QueueModel;
  /** Number of agents (servers). */
  agents: number;
  /** Offered load in Erlangs: arrival rate (1/s) times mean handle time (s). */
  load: number;
  /** P(an arrival waits at all), i.e. finds every agent busy. */
  pWait: number;
  /** P(an arrival is answered within the service-level threshold), over all arrivals. */
  serviceLevel: number;
  /** Mean wait in queue of answered contacts, seconds; null when undefined (unstable or none answered). */
  asa: number | null;
  /** Fraction of agent time spent busy: carried load / agents. */
  occupancy: number;
  /** P(an arrival abandons before an agent answers); Erlang A only. */
  pAbandon?: number;
}
