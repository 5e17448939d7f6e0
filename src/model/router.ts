import type { AgentPool } from './agentPool.js';
import type { ContactPool } from './contactPool.js';
import type { WaitingQueues } from './waitingQueues.js';

/**
 * The two routing decisions of a contact center (after ContactCenters' router): which free agent
 * takes an arriving contact, and which waiting contact a freed agent takes. A router also keeps
 * whatever index of free agents its policy needs.
 */
export interface Router {
  /** `agent` now holds no contact and is free to be chosen. */
  agentIdle(agent: number): void;
  /** Remove and return the free agent who takes a contact of `type` now, or -1 to queue it. */
  takeAgent(type: number): number;
  /** Remove and return the idle agent of `group` who leaves first on a staff cut, or -1. */
  takeIdleAgent(group: number): number;
  /** Number of idle agents in `group`. */
  idleCount(group: number): number;
  /** Remove from its queue and return the contact that `agent`, just freed, takes now, or -1. */
  takeContact(agent: number): number;
}

/** What a routing policy may read. */
export interface RoutingState {
  readonly agents: AgentPool;
  readonly contacts: ContactPool;
  readonly queues: WaitingQueues;
  /** Group indices that may serve each type, in scenario order. */
  readonly groupsOfType: readonly (readonly number[])[];
  /** Type indices each group may serve, in scenario order. */
  readonly typesOfGroup: readonly (readonly number[])[];
}

/** Builds a router over a model's state. */
export type RouterFactory = (state: RoutingState) => Router;
