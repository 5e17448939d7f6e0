import type { RandomStream } from '../random/index.js';
import type { ContactCenterConfig } from './config.js';
import { LongestIdleRouter } from './longestIdleRouter.js';
import type { StreamSource } from './options.js';
import type { RouterFactory, RoutingState } from './router.js';
import { GROUP_ORDER, LONGEST_IDLE, RANDOM } from './routingTable.js';

/**
 * The model's router for `config`: LongestIdleRouter when every type routes longest-idle (the
 * default, and the fast path: no per-type dispatch), else a PolicyRouter. A "random" type draws
 * from its own stream `routing:<type id>`, so no other stream moves (common random numbers).
 */
export function routerFor(config: ContactCenterConfig, streamOf: StreamSource): RouterFactory {
  return (state) => {
    if (state.table.policy.every((p) => p === LONGEST_IDLE)) return new LongestIdleRouter(state);
    return new PolicyRouter(state, config.types.map((t, i) => (state.table.policy[i] === RANDOM ? streamOf(`routing:${t.id}`) : null)));
  };
}

/**
 * Routing policies per contact type (docs/contract.md section 8, Routing policies). Only the
 * choice of the agent for a contact changes (`takeAgent`, `takeAgentFor`); what a freed agent
 * takes, staff cuts and chat lists are LongestIdleRouter's. Among the groups eligible for the
 * contact now (overflow delays waited out, as with longest-idle):
 *
 * - "longest-idle": LongestIdleRouter's choice.
 * - "random": one idle agent, each with probability proportional to its group's skill weight for
 *   the type (all 1: uniform over the idle agents), one uniform from the type's stream per choice
 *   with at least one idle agent.
 * - "group-order": the longest-idle agent of the first group, in scenario order, with one idle.
 *
 * With no idle agent, a chat goes to the least-loaded chat agent as under longest-idle. See
 * docs/architecture.md, Hot loop rules: no allocation per choice.
 */
export class PolicyRouter extends LongestIdleRouter {
  constructor(
    state: RoutingState,
    /** Per type: its `routing:<id>` stream when it routes "random", else null. */
    private readonly streams: readonly (RandomStream | null)[],
  ) {
    super(state);
  }

  override takeAgent(type: number): number {
    return this.choose(this.immediate[type]!, type, -1);
  }

  override takeAgentFor(contact: number): number {
    const type = this.state.contacts.type[contact]!;
    return this.choose(this.state.groupsOfType[type]!, type, contact);
  }

  private choose(groups: readonly number[], type: number, contact: number): number {
    const policy = this.state.table.policy[type]!;
    if (policy === LONGEST_IDLE) return this.pick(groups, type, contact);
    const agent = policy === GROUP_ORDER ? this.firstGroupWithIdle(groups, type, contact) : this.weightedIdle(groups, type, contact);
    if (agent >= 0 || this.state.isChat[type] === 0 || this.maxSlots === 1) return agent;
    return this.leastLoadedChatAgent(groups, type, contact);
  }

  private firstGroupWithIdle(groups: readonly number[], type: number, contact: number): number {
    for (let k = 0; k < groups.length; k++) {
      const g = groups[k]!;
      const q = this.idle[g]!;
      if (q.length > 0 && (contact < 0 || this.eligible(g, type, contact))) return q.shift();
    }
    return -1;
  }

  /**
   * An idle agent with probability weight(group) / sum of weights over the idle eligible agents:
   * u = U x total picks the group by cumulative mass, then (u - mass before) / weight the agent's
   * place in the group's idle line, uniform given the group.
   */
  private weightedIdle(groups: readonly number[], type: number, contact: number): number {
    const weight = this.state.table.weight;
    let total = 0;
    for (let k = 0; k < groups.length; k++) {
      const g = groups[k]!;
      const n = this.idle[g]!.length;
      if (n > 0 && (contact < 0 || this.eligible(g, type, contact))) total += n * weight[g * this.types + type]!;
    }
    if (total === 0) return -1;
    let u = this.streams[type]!.next() * total;
    let last = -1;
    for (let k = 0; k < groups.length; k++) {
      const g = groups[k]!;
      const q = this.idle[g]!;
      if (q.length === 0 || (contact >= 0 && !this.eligible(g, type, contact))) continue;
      const w = weight[g * this.types + type]!;
      if (u < q.length * w) return q.removeAt(Math.min(q.length - 1, Math.floor(u / w)));
      u -= q.length * w;
      last = g;
    }
    // Rounding left u at the very top of the total: the last agent of the last group.
    const q = this.idle[last]!;
    return q.removeAt(q.length - 1);
  }
}
