import type { AgentPool } from './agentPool.js';
import type { ContactPool } from './contactPool.js';
import type { RoutingTable } from './routingTable.js';
import type { WaitingQueues } from './waitingQueues.js';

/**
 * The two routing decisions of a contact center (after ContactCenters' router): which free agent
 * takes a contact, and which waiting contact a freed agent takes. A router also keeps whatever
 * index of available agents its policy needs.
 *
 * Protocol: the model calls `agentAvailable` whenever an agent can take (more) work and
 * `agentUnavailable` before changing the load of an agent it did not get from `takeAgent`.
 * `takeAgent`, `takeAgentFor` and `takeIdleAgent` remove the agent they return from the router's index.
 */
export interface Router {
  /** `agent` can take work: idle (load 0), or a chat agent with a free slot. */
  agentAvailable(agent: number): void;
  /** `agent` is about to change load: drop it from the router's index if it is there. */
  agentUnavailable(agent: number): void;
  /** Remove and return the agent who takes a contact of `type` joining the queue now, or -1 to queue it. */
  takeAgent(type: number): number;
  /**
   * Remove and return the agent who takes waiting contact `contact` now, among groups whose
   * overflow delay it has waited out, or -1.
   */
  takeAgentFor(contact: number): number;
  /** Remove and return the idle agent of `group` who leaves first on a staff cut, or -1. */
  takeIdleAgent(group: number): number;
  /** Remove from its queue and return the contact that `agent`, with spare capacity, takes now, or -1. */
  takeContact(agent: number): number;
}

/** What a routing policy may read. */
export interface RoutingState {
  readonly agents: AgentPool;
  readonly contacts: ContactPool;
  readonly queues: WaitingQueues;
  /** Priorities, overflow delays and group/type incidence. */
  readonly table: RoutingTable;
  /** Group indices that may serve each type, in scenario order. */
  readonly groupsOfType: readonly (readonly number[])[];
  /** Type indices each group may serve, in scenario order. */
  readonly typesOfGroup: readonly (readonly number[])[];
  /** 1 for chat types (which share an agent up to its group's concurrency). */
  readonly isChat: Uint8Array;
  /** Maximum simultaneous chats per agent, per group. */
  readonly concurrency: Int32Array;
  /** The simulation clock (`now`, seconds). */
  readonly clock: { readonly now: number };
}

/** Builds a router over a model's state. */
export type RouterFactory = (state: RoutingState) => Router;
