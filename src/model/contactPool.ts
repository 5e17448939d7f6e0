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

/**
 * Contact records as a struct of typed arrays with a free list. A record lives from arrival until
 * its service ends (or it leaves the queue), so memory grows with contacts in the system, never
 * with contacts simulated.
 */
export class ContactPool {
  type = new Int32Array(64);
  /** Interval the contact is attributed to (-1: warm-up). */
  interval = new Int32Array(64);
  arrivalTime = new Float64Array(64);
  joinTime = new Float64Array(64);
  handleTime = new Float64Array(64);
  wrapUp = new Float64Array(64);
  /** Patience in queue, seconds (Infinity: never abandons). */
  patience = new Float64Array(64);
  /** Handle of the pending patience event, or -1 (calendar handles are doubles). */
  timer = new Float64Array(64);
  state = new Uint8Array(64);
  /** Agent serving the contact (valid in service). */
  agentOf = new Int32Array(64);
  /** Bot outcome drawn at arrival: 0 no bot, 1 contained, 2 escalates, 3 drops out. */
  botOutcome = new Uint8Array(64);
  botDuration = new Float64Array(64);
  /** 1 if the customer tries again after abandoning, after `retryDelay` seconds. */
  retry = new Uint8Array(64);
  retryDelay = new Float64Array(64);
  /** 1 if the customer comes back (a repeat) after service or false containment, after `repeatDelay` seconds. */
  repeat = new Uint8Array(64);
  repeatDelay = new Float64Array(64);
  /** Handle of the pending overflow event, or -1; and the overflow level it is for. */
  overflowTimer = new Float64Array(64);
  overflowLevel = new Int32Array(64);
  /** Handle of the pending callback-offer event, or -1. */
  callbackTimer = new Float64Array(64);
  /** 1 for a callback (the customer is called back: it holds no phone line). */
  callback = new Uint8Array(64);

  private free = new Int32Array(64);
  private freeCount = 0;
  private used = 0;

  /** @param clock the simulation clock (`now`, seconds): new records arrive at its time. */
  constructor(private readonly clock: { readonly now: number }) {}

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
    const cap = this.type.length * 2;
    this.type = copy(this.type, new Int32Array(cap));
    this.interval = copy(this.interval, new Int32Array(cap));
    this.arrivalTime = copy(this.arrivalTime, new Float64Array(cap));
    this.joinTime = copy(this.joinTime, new Float64Array(cap));
    this.handleTime = copy(this.handleTime, new Float64Array(cap));
    this.wrapUp = copy(this.wrapUp, new Float64Array(cap));
    this.patience = copy(this.patience, new Float64Array(cap));
    this.timer = copy(this.timer, new Float64Array(cap));
    this.state = copy(this.state, new Uint8Array(cap));
    this.agentOf = copy(this.agentOf, new Int32Array(cap));
    this.botOutcome = copy(this.botOutcome, new Uint8Array(cap));
    this.botDuration = copy(this.botDuration, new Float64Array(cap));
    this.retry = copy(this.retry, new Uint8Array(cap));
    this.retryDelay = copy(this.retryDelay, new Float64Array(cap));
    this.repeat = copy(this.repeat, new Uint8Array(cap));
    this.repeatDelay = copy(this.repeatDelay, new Float64Array(cap));
    this.overflowTimer = copy(this.overflowTimer, new Float64Array(cap));
    this.overflowLevel = copy(this.overflowLevel, new Int32Array(cap));
    this.callbackTimer = copy(this.callbackTimer, new Float64Array(cap));
    this.callback = copy(this.callback, new Uint8Array(cap));
    this.free = copy(this.free, new Int32Array(cap));
  }
}

function copy<T extends Float64Array | Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
