import { TypedLayout } from '../engine/index.js';

/** Where a contact record is in its life. */
export const enum ContactState {
  Free = 0,
  InBot = 1,
  Waiting = 2,
  InService = 3,
  /** Left the queue; its queue entry is skipped and the record freed when the queue reaches it. */
  Gone = 4,
  /** Abandoned and waiting to try again (a fresh record; the old one is Gone). */
  Retrying = 5,
  /** Accepted a callback and waits for it off the line (a fresh record; the live one is Gone). */
  Callback = 6,
}

/** The record's arrays of each kind (one TypedLayout holds them all). */
const FLOAT_FIELDS = 11;
const INT_FIELDS = 5;
const BYTE_FIELDS = 5;

/**
 * Contact records as a struct of typed arrays with a free list. A record lives from arrival until
 * its service ends (or it leaves the queue), so memory grows with contacts in the system, never
 * with contacts simulated.
 */
export class ContactPool {
  type: Int32Array;
  /** Interval the contact is attributed to (-1: warm-up). */
  interval: Int32Array;
  arrivalTime: Float64Array;
  joinTime: Float64Array;
  handleTime: Float64Array;
  wrapUp: Float64Array;
  /** Patience in queue, seconds (Infinity: never abandons). */
  patience: Float64Array;
  /** Handle of the pending patience event, or -1 (calendar handles are doubles). */
  timer: Float64Array;
  state: Uint8Array;
  /** Agent serving the contact (valid in service). */
  agentOf: Int32Array;
  /** Bot outcome drawn at arrival: 0 no bot, 1 contained, 2 escalates, 3 drops out. */
  botOutcome: Uint8Array;
  botDuration: Float64Array;
  /** 1 if the customer tries again after abandoning, after `retryDelay` seconds. */
  retry: Uint8Array;
  retryDelay: Float64Array;
  /** 1 if the customer comes back (a repeat) after service or false containment, after `repeatDelay` seconds. */
  repeat: Uint8Array;
  repeatDelay: Float64Array;
  /** Handle of the pending overflow event, or -1; and the overflow level it is for. */
  overflowTimer: Float64Array;
  overflowLevel: Int32Array;
  /** Handle of the pending callback-offer event, or -1. */
  callbackTimer: Float64Array;
  /** 1 for a callback (the customer is called back: it holds no phone line). */
  callback: Uint8Array;

  private free: Int32Array;
  private freeCount = 0;
  private used = 0;

  /** @param clock the simulation clock (`now`, seconds): new records arrive at its time. */
  constructor(private readonly clock: { readonly now: number }) {
    // Every array in one buffer (TypedLayout): a model makes a pool per replication.
    const l = new TypedLayout(64, FLOAT_FIELDS, INT_FIELDS, BYTE_FIELDS);
    this.type = l.i32();
    this.interval = l.i32();
    this.arrivalTime = l.f64();
    this.joinTime = l.f64();
    this.handleTime = l.f64();
    this.wrapUp = l.f64();
    this.patience = l.f64();
    this.timer = l.f64();
    this.state = l.u8();
    this.agentOf = l.i32();
    this.botOutcome = l.u8();
    this.botDuration = l.f64();
    this.retry = l.u8();
    this.retryDelay = l.f64();
    this.repeat = l.u8();
    this.repeatDelay = l.f64();
    this.overflowTimer = l.f64();
    this.overflowLevel = l.i32();
    this.callbackTimer = l.f64();
    this.callback = l.u8();
    this.free = l.i32();
  }

  /** Records in use. */
  get live(): number {
    return this.used - this.freeCount;
  }

  /**
   * A record for a contact of `type` arriving now, attributed to `interval` (-1: warm-up), with
   * no timer pending; the caller draws the rest (`CustomerDraws`). Every record starts here:
   * fresh arrivals, repeats and retrials (which then keep their first arrival's time).
   */
  open(type: number, interval: number): number {
    const c = this.allocate();
    this.type[c] = type;
    this.interval[c] = interval;
    this.arrivalTime[c] = this.clock.now;
    this.timer[c] = -1;
    this.overflowTimer[c] = -1;
    this.callbackTimer[c] = -1;
    this.callback[c] = 0;
    return c;
  }

  private allocate(): number {
    if (this.freeCount > 0) return this.free[--this.freeCount]!;
    if (this.used === this.type.length) this.grow();
    return this.used++;
  }

  release(contact: number): void {
    this.state[contact] = ContactState.Free;
    this.free[this.freeCount++] = contact;
  }

  private grow(): void {
    const l = new TypedLayout(this.type.length * 2, FLOAT_FIELDS, INT_FIELDS, BYTE_FIELDS);
    this.type = copy(this.type, l.i32());
    this.interval = copy(this.interval, l.i32());
    this.arrivalTime = copy(this.arrivalTime, l.f64());
    this.joinTime = copy(this.joinTime, l.f64());
    this.handleTime = copy(this.handleTime, l.f64());
    this.wrapUp = copy(this.wrapUp, l.f64());
    this.patience = copy(this.patience, l.f64());
    this.timer = copy(this.timer, l.f64());
    this.state = copy(this.state, l.u8());
    this.agentOf = copy(this.agentOf, l.i32());
    this.botOutcome = copy(this.botOutcome, l.u8());
    this.botDuration = copy(this.botDuration, l.f64());
    this.retry = copy(this.retry, l.u8());
    this.retryDelay = copy(this.retryDelay, l.f64());
    this.repeat = copy(this.repeat, l.u8());
    this.repeatDelay = copy(this.repeatDelay, l.f64());
    this.overflowTimer = copy(this.overflowTimer, l.f64());
    this.overflowLevel = copy(this.overflowLevel, l.i32());
    this.callbackTimer = copy(this.callbackTimer, l.f64());
    this.callback = copy(this.callback, l.u8());
    this.free = copy(this.free, l.i32());
  }
}

function copy<T extends Float64Array | Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
