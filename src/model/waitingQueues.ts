import { ContactState, type ContactPool } from './contactPool.js';
import { IntQueue } from './intQueue.js';

/**
 * One FIFO of waiting contacts per contact type, in queue-join order. A contact that leaves
 * (abandons) is marked Gone and dropped lazily when it reaches the front, so leaving is O(1).
 */
export class WaitingQueues {
  private readonly queues: IntQueue[];
  /** Contacts really waiting, per type (Gone entries excluded). */
  readonly waiting: Int32Array;

  constructor(
    types: number,
    private readonly contacts: ContactPool,
  ) {
    this.queues = Array.from({ length: types }, () => new IntQueue(64));
    this.waiting = new Int32Array(types);
  }

  push(type: number, contact: number): void {
    this.queues[type]!.push(contact);
    this.waiting[type]!++;
  }

  /** The longest-waiting contact of `type`, or -1; does not remove it. */
  head(type: number): number {
    if (this.waiting[type] === 0) return -1;
    const q = this.queues[type]!;
    const pool = this.contacts;
    for (;;) {
      const c = q.peek();
      if (pool.state[c] === ContactState.Waiting) return c;
      q.shift();
      pool.release(c);
    }
  }

  /** Remove and return the longest-waiting contact of `type` (which must have one). */
  shift(type: number): number {
    const c = this.head(type);
    this.queues[type]!.shift();
    this.waiting[type]!--;
    return c;
  }

  /** Mark a waiting contact as gone (abandoned or unresolved); its record is freed later. */
  remove(type: number, contact: number): void {
    this.contacts.state[contact] = ContactState.Gone;
    this.waiting[type]!--;
  }

  /** Remove every waiting contact of `type`, oldest first, calling `visit` on each before it goes. */
  drain(type: number, visit: (contact: number) => void): void {
    const q = this.queues[type]!;
    const pool = this.contacts;
    while (q.length > 0) {
      const c = q.shift();
      if (pool.state[c] === ContactState.Waiting) visit(c);
      pool.release(c);
    }
    this.waiting[type] = 0;
  }
}
