import { TypedLayout } from '../engine/index.js';
import { IntQueue } from './intQueue.js';

/** `prev` of an agent that is in no routing list. */
export const NOT_LISTED = -2;

/** The record's arrays of each kind (one TypedLayout holds them all). */
const FLOAT_FIELDS = 2;
const INT_FIELDS = 4;
const BYTE_FIELDS = 3;

/**
 * Agent records as a struct of typed arrays. An agent is present from joining until leaving; its
 * slot is then reused, so memory grows with the peak number of agents present.
 */
export class AgentPool {
  group: Int32Array;
  /** Time the agent last became free of all contacts (for longest-idle routing). */
  idleSince: Float64Array;
  /** Join order: breaks ties between agents idle since the same instant. */
  order: Float64Array;
  /** Contacts in hand, wrap-up included (chats, or 1 for voice and email). */
  load: Int32Array;
  /** 1 while holding a voice or email contact, which takes the whole agent. */
  exclusive: Uint8Array;
  /** 1 once the agent is going home: it takes nothing new and leaves when its load reaches 0. */
  leaving: Uint8Array;
  /** 1 while present. */
  present: Uint8Array;
  /** Links of the routing list the agent is in (a router's use): -1 ends a list, NOT_LISTED when in none. */
  prev: Int32Array;
  next: Int32Array;

  private free = new IntQueue(64);
  private used = 0;
  private joined = 0;

  constructor() {
    // Every array in one buffer (TypedLayout): a model makes a pool per replication.
    const l = new TypedLayout(64, FLOAT_FIELDS, INT_FIELDS, BYTE_FIELDS);
    this.group = l.i32();
    this.idleSince = l.f64();
    this.order = l.f64();
    this.load = l.i32();
    this.exclusive = l.u8();
    this.leaving = l.u8();
    this.present = l.u8();
    this.prev = l.i32();
    this.next = l.i32();
  }

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
    const l = new TypedLayout(this.group.length * 2, FLOAT_FIELDS, INT_FIELDS, BYTE_FIELDS);
    this.group = copy(this.group, l.i32());
    this.idleSince = copy(this.idleSince, l.f64());
    this.order = copy(this.order, l.f64());
    this.load = copy(this.load, l.i32());
    this.exclusive = copy(this.exclusive, l.u8());
    this.leaving = copy(this.leaving, l.u8());
    this.present = copy(this.present, l.u8());
    this.prev = copy(this.prev, l.i32());
    this.next = copy(this.next, l.i32());
  }
}

function copy<T extends Float64Array | Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
