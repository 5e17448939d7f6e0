import type { EventCalendar } from '../engine/index.js';
import { ContactState, type ContactPool } from './contactPool.js';
import { BOT_NONE, type CustomerDraws } from './customerDraws.js';
import { REPEAT, RETRIAL } from './events.js';
import type { ContactCenterObserver } from './observer.js';

/**
 * Customers who come back (CONTRACT section 4): a retrial after abandoning (the same contact,
 * attributed to its first arrival's interval, with its handle time), and a repeat after service
 * that did not resolve the issue or after false bot containment (a new contact of the same type,
 * attributed to the interval it arrives in, straight to the agent queue). Like fresh arrivals,
 * none arrives at or after the end of the last interval.
 */
export class FollowUps {
  constructor(
    private readonly calendar: EventCalendar,
    private readonly pool: ContactPool,
    private readonly draws: CustomerDraws,
    private readonly observer: ContactCenterObserver,
    private readonly warmup: number,
    private readonly intervalLength: number,
    private readonly endOfDay: number,
  ) {}

  /** `c` just abandoned (its record stays in the queue, Gone): a fresh record waits for its retrial. */
  abandoned(c: number): void {
    const pool = this.pool;
    if (pool.retry[c] === 0 || this.calendar.now + pool.retryDelay[c]! >= this.endOfDay) return;
    const r = pool.open(pool.type[c]!, pool.interval[c]!);
    // The same customer and work: its first arrival's time and interval, its handle time.
    pool.arrivalTime[r] = pool.arrivalTime[c]!;
    pool.handleTime[r] = pool.handleTime[c]!;
    pool.wrapUp[r] = pool.wrapUp[c]!;
    // Its first try's patience, which the retrial keeps with `samePatience` (else redrawn).
    pool.patience[r] = pool.patience[c]!;
    pool.repeat[r] = pool.repeat[c]!;
    pool.repeatDelay[r] = pool.repeatDelay[c]!;
    pool.botOutcome[r] = BOT_NONE;
    pool.state[r] = ContactState.Retrying;
    this.calendar.post(this.calendar.now + pool.retryDelay[c]!, RETRIAL, r);
  }

  /** `c` was served or contained: schedule its repeat if the issue was not resolved. */
  finished(c: number): void {
    const pool = this.pool;
    if (pool.repeat[c] === 0 || this.calendar.now + pool.repeatDelay[c]! >= this.endOfDay) return;
    this.calendar.post(this.calendar.now + pool.repeatDelay[c]!, REPEAT, pool.type[c]!);
  }

  /** RETRIAL event: `r` tries again now (new patience unless `samePatience`); the caller puts it in the queue. */
  retry(r: number): void {
    const type = this.pool.type[r]!;
    this.draws.retry(type, r);
    this.observer.retried(type, this.pool.interval[r]!, this.calendar.now, r);
  }

  /** REPEAT event: a customer of `type` comes back now; returns the new contact for the queue. */
  repeat(type: number): number {
    const time = this.calendar.now;
    const interval = time < this.warmup ? -1 : Math.floor((time - this.warmup) / this.intervalLength);
    const c = this.pool.open(type, interval);
    this.draws.repeatContact(type, c);
    this.observer.repeated(type, interval, time, c);
    return c;
  }
}
