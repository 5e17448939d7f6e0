import { IntQueue } from './intQueue.js';
import type { Router, RoutingState } from './router.js';

/**
 * CONTRACT routing: an arriving contact goes to the longest-idle free eligible agent (ties by
 * group order, then agent join order); a freed agent takes the longest-waiting contact among its
 * skills (ties by the group's skill order).
 *
 * Idle agents of each group sit in a FIFO ordered by (idleSince, join order): agents become free
 * in time order, so insertion is at the tail except for ties at the same instant.
 */
export class LongestIdleRouter implements Router {
  private readonly idle: IntQueue[];

  constructor(private readonly state: RoutingState) {
    this.idle = state.typesOfGroup.map(() => new IntQueue(64));
  }

  agentIdle(agent: number): void {
    const { idleSince, order, group } = this.state.agents;
    const q = this.idle[group[agent]!]!;
    const since = idleSince[agent]!;
    let back = 0;
    while (back < q.length) {
      const other = q.at(q.length - 1 - back);
      const otherSince = idleSince[other]!;
      if (otherSince < since || (otherSince === since && order[other]! < order[agent]!)) break;
      back++;
    }
    q.insertBeforeEnd(agent, back);
  }

  takeAgent(type: number): number {
    const groups = this.state.groupsOfType[type]!;
    const idleSince = this.state.agents.idleSince;
    let best = -1;
    let bestSince = Infinity;
    for (let k = 0; k < groups.length; k++) {
      const q = this.idle[groups[k]!]!;
      if (q.length === 0) continue;
      const since = idleSince[q.peek()]!;
      if (since < bestSince) {
        bestSince = since;
        best = groups[k]!;
      }
    }
    return best < 0 ? -1 : this.idle[best]!.shift();
  }

  takeIdleAgent(group: number): number {
    const q = this.idle[group]!;
    return q.length > 0 ? q.shift() : -1;
  }

  idleCount(group: number): number {
    return this.idle[group]!.length;
  }

  takeContact(agent: number): number {
    const { queues, contacts, agents, typesOfGroup } = this.state;
    const types = typesOfGroup[agents.group[agent]!]!;
    let bestType = -1;
    let bestJoin = Infinity;
    for (let k = 0; k < types.length; k++) {
      const c = queues.head(types[k]!);
      if (c < 0) continue;
      const join = contacts.joinTime[c]!;
      if (join < bestJoin) {
        bestJoin = join;
        bestType = types[k]!;
      }
    }
    return bestType < 0 ? -1 : queues.shift(bestType);
  }
}
