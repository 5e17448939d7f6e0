import { NOT_LISTED } from './agentPool.js';
import { IntQueue } from './intQueue.js';
import type { Router, RoutingState } from './router.js';

/**
 * CONTRACT routing. An arriving contact goes to the longest-idle free eligible agent (ties by
 * group order, then join order). A chat with no idle agent goes to the eligible agent holding
 * the fewest chats below its group's concurrency (ties: group order, then the agent that has held
 * that many longest). A freed agent takes, among its skills, the waiting contact of the highest
 * rank (skill priority, then contact-type priority), then the longest-waiting, only chats while it
 * still holds a chat (ties: the group's skill order).
 *
 * Overflow: a group whose skill has `afterSeconds` > 0 is not eligible for a contact until it has
 * waited that long; the model calls `takeAgentFor` when a waiting contact reaches such a delay.
 *
 * Idle agents of each group sit in a FIFO ordered by (idleSince, join order): agents become free
 * in time order, so insertion is at the tail except for ties at the same instant. Chat agents
 * with k chats (0 < k < concurrency) sit in a doubly linked FIFO per (group, k), so moving an
 * agent between lists is O(1).
 */
export class LongestIdleRouter implements Router {
  protected readonly idle: IntQueue[];
  protected readonly maxSlots: number;
  /** Head and tail of the list of agents of group g holding k chats, at g * maxSlots + k. */
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  /** Groups that take each type at once (no overflow delay). */
  protected readonly immediate: readonly (readonly number[])[];
  protected readonly types: number;

  constructor(protected readonly state: RoutingState) {
    this.idle = state.typesOfGroup.map(() => new IntQueue(64));
    this.maxSlots = Math.max(1, ...state.concurrency);
    this.types = state.table.types;
    const after = state.table.afterSeconds;
    this.immediate = state.groupsOfType.map((groups, t) => groups.filter((g) => after[g * this.types + t] === 0));
    this.head = new Int32Array(state.typesOfGroup.length * this.maxSlots).fill(-1);
    this.tail = new Int32Array(state.typesOfGroup.length * this.maxSlots).fill(-1);
  }

  agentAvailable(agent: number): void {
    const { agents, concurrency } = this.state;
    const load = agents.load[agent]!;
    if (load === 0) this.insertIdle(agent);
    else if (agents.exclusive[agent] === 0 && load < concurrency[agents.group[agent]!]!) this.link(agent);
  }

  agentUnavailable(agent: number): void {
    if (this.state.agents.prev[agent] !== NOT_LISTED) this.unlink(agent);
  }

  takeAgent(type: number): number {
    return this.pick(this.immediate[type]!, type, -1);
  }

  takeAgentFor(contact: number): number {
    const type = this.state.contacts.type[contact]!;
    return this.pick(this.state.groupsOfType[type]!, type, contact);
  }

  /** The agent for a contact of `type` among `groups` (those `contact` has waited out when >= 0). */
  protected pick(groups: readonly number[], type: number, contact: number): number {
    const idleSince = this.state.agents.idleSince;
    let best = -1;
    let bestSince = Infinity;
    for (let k = 0; k < groups.length; k++) {
      const g = groups[k]!;
      const q = this.idle[g]!;
      if (q.length === 0 || (contact >= 0 && !this.eligible(g, type, contact))) continue;
      const since = idleSince[q.peek()]!;
      if (since < bestSince) {
        bestSince = since;
        best = g;
      }
    }
    if (best >= 0) return this.idle[best]!.shift();
    if (this.state.isChat[type] === 0 || this.maxSlots === 1) return -1;
    return this.leastLoadedChatAgent(groups, type, contact);
  }

  /** Has `contact` waited out group `g`'s overflow delay for `type`? */
  protected eligible(g: number, type: number, contact: number): boolean {
    const after = this.state.table.afterSeconds[g * this.types + type]!;
    // The same sum as the overflow event's time, so the event finds the contact eligible.
    return after === 0 || this.state.contacts.joinTime[contact]! + after <= this.state.clock.now;
  }

  takeIdleAgent(group: number): number {
    const q = this.idle[group]!;
    return q.length > 0 ? q.shift() : -1;
  }

  takeContact(agent: number): number {
    const { queues, contacts, agents, typesOfGroup, isChat, table } = this.state;
    const group = agents.group[agent]!;
    const types = typesOfGroup[group]!;
    const base = group * this.types;
    const chatsOnly = agents.load[agent]! > 0;
    const now = this.state.clock.now;
    let bestType = -1;
    let bestJoin = Infinity;
    let bestRank = -Infinity;
    for (let k = 0; k < types.length; k++) {
      const type = types[k]!;
      if (chatsOnly && isChat[type] === 0) continue;
      const c = queues.head(type);
      if (c < 0) continue;
      const join = contacts.joinTime[c]!;
      const after = table.afterSeconds[base + type]!;
      if (after > 0 && join + after > now) continue;
      const rank = table.rank[base + type]!;
      if (rank > bestRank || (rank === bestRank && join < bestJoin)) {
        bestRank = rank;
        bestJoin = join;
        bestType = type;
      }
    }
    return bestType < 0 ? -1 : queues.shift(bestType);
  }

  protected leastLoadedChatAgent(groups: readonly number[], type: number, contact: number): number {
    const { concurrency } = this.state;
    for (let load = 1; load < this.maxSlots; load++) {
      for (let k = 0; k < groups.length; k++) {
        const g = groups[k]!;
        if (load >= concurrency[g]! || (contact >= 0 && !this.eligible(g, type, contact))) continue;
        const a = this.head[g * this.maxSlots + load]!;
        if (a >= 0) {
          this.unlink(a);
          return a;
        }
      }
    }
    return -1;
  }

  private insertIdle(agent: number): void {
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

  private link(agent: number): void {
    const { prev, next, group, load } = this.state.agents;
    const list = group[agent]! * this.maxSlots + load[agent]!;
    const last = this.tail[list]!;
    prev[agent] = last;
    next[agent] = -1;
    if (last >= 0) next[last] = agent;
    else this.head[list] = agent;
    this.tail[list] = agent;
  }

  private unlink(agent: number): void {
    const { prev, next, group, load } = this.state.agents;
    const list = group[agent]! * this.maxSlots + load[agent]!;
    const p = prev[agent]!;
    const n = next[agent]!;
    if (p >= 0) next[p] = n;
    else this.head[list] = n;
    if (n >= 0) prev[n] = p;
    else this.tail[list] = p;
    prev[agent] = NOT_LISTED;
    next[agent] = NOT_LISTED;
  }
}
