import { IntQueue } from './intQueue.js';

/** `prev` of an agent that is in no routing list. */
export const NOT_LISTED = -2;

/**
 * Agent records as a struct of typed arrays. An agent is present from joining until leaving; its
 * slot is then reused, so memory grows with the peak number of agents present.
 */
export class AgentPool {
  group = new Int32Array(64);
  /** Time the agent last became free of all contacts (for longest-idle routing). */
  idleSince = new Float64Array(64);
  /** Join order: breaks ties between agents idle since the same instant. */
  order = new Float64Array(64);
  /** Contacts in hand, wrap-up included (chats, or 1 for voice and email). */
  load = new Int32Array(64);
  /** 1 while holding a voice or email contact, which takes the whole agent. */
  exclusive = new Uint8Array(64);
  /** 1 once the agent is going home: it takes nothing new and leaves when its load reaches 0. */
  leaving = new Uint8Array(64);
  /** 1 while present. */
  present = new Uint8Array(64);
  /** Links of the routing list the agent is in (a router's use): -1 ends a list, NOT_LISTED when in none. */
  prev = new Int32Array(64);
  next = new Int32Array(64);

  private free = new IntQueue(64);
  private used = 0;
  private joined = 0;

  /** Slots ever used: agent numbers are below this. */
  get capacity(): number {
    return this.used;
  }

  /** A new agent of `group`, free since `time`. */
  join(group: number, time: number): number {
    let a: number;
    if (this.free.length > 0) a = this.free.shift();
    else {
      if (this.used === this.group.length) this.grow();
      a = this.used++;
    }
    this.group[a] = group;
    this.idleSince[a] = time;
    this.order[a] = this.joined++;
    this.load[a] = 0;
    this.exclusive[a] = 0;
    this.leaving[a] = 0;
    this.present[a] = 1;
    this.prev[a] = NOT_LISTED;
    this.next[a] = NOT_LISTED;
    return a;
  }

  leave(agent: number): void {
    this.present[agent] = 0;
    this.free.push(agent);
  }

  private grow(): void {
    const cap = this.group.length * 2;
    this.group = copy(this.group, new Int32Array(cap));
    this.idleSince = copy(this.idleSince, new Float64Array(cap));
    this.order = copy(this.order, new Float64Array(cap));
    this.load = copy(this.load, new Int32Array(cap));
    this.exclusive = copy(this.exclusive, new Uint8Array(cap));
    this.leaving = copy(this.leaving, new Uint8Array(cap));
    this.present = copy(this.present, new Uint8Array(cap));
    this.prev = copy(this.prev, new Int32Array(cap));
    this.next = copy(this.next, new Int32Array(cap));
  }
}

function copy<T extends Float64Array | Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
