import type { EventCalendar } from '../engine/index.js';
import type { ContactTypeConfig } from './config.js';
import type { ContactPool } from './contactPool.js';
import type { CustomerDraws } from './customerDraws.js';
import { WRAP_END } from './events.js';
import type { StreamSource } from './options.js';
import type { RandomStream } from '../random/index.js';

/** Whether any contact type transfers (with probability > 0): a model without it builds no Transfers. */
export function transfersUsed(types: readonly ContactTypeConfig[]): boolean {
  return types.some((t) => t.transfer != null && t.transfer.probability > 0);
}

/**
 * Transfers after service and conferences (CONTRACT section 8, docs/contract.md "Transfers and
 * conferences"). At the end of service of a contact whose type transfers, one uniform from
 * `transfer:<type id>` decides; a transferred contact keeps its record (arrival time, interval,
 * phone line) and becomes a contact of the target type, its work, patience and follow-up rules
 * drawn from `transfer-draws:<type id>`. In a conference the first agent stays on the call: this
 * class remembers it per contact until the target type's agent answers (the first agent leaves
 * `conferenceSeconds` later) or the caller leaves the queue (it leaves at once); either way the
 * model's WRAP_END event then runs its wrap-up and frees it, exactly as after a service end.
 */
export class Transfers {
  /** Per type: the stream of transfer decisions, and of the transferred contact's draws (null: never transfers). */
  private readonly decisions: (RandomStream | null)[];
  private readonly redraws: (RandomStream | null)[];
  /** Per contact in a conference: its first agent as a WRAP_END payload (`agent << 1 | chat`), or -1. */
  private heldBy = new Int32Array(0);
  /** Per contact in a conference: the first agent's conference seconds and wrap-up. */
  private conference = new Float64Array(0);
  private wrapUp = new Float64Array(0);

  constructor(
    private readonly types: readonly ContactTypeConfig[],
    streamOf: StreamSource,
    private readonly pool: ContactPool,
    private readonly draws: CustomerDraws,
    private readonly calendar: EventCalendar,
  ) {
    const used = (t: ContactTypeConfig) => t.transfer != null && t.transfer.probability > 0;
    this.decisions = types.map((t) => (used(t) ? streamOf(`transfer:${t.id}`) : null));
    this.redraws = types.map((t) => (used(t) ? streamOf(`transfer-draws:${t.id}`) : null));
  }

  /**
   * The agent has just finished contact `c`: whether it is transferred. When it is, the record
   * is now a contact of the target type (not yet in a queue) and the result is the transfer's
   * conference seconds (0: a cold transfer); -1 when it is not transferred.
   */
  atServiceEnd(c: number): number {
    const pool = this.pool;
    const from = pool.type[c]!;
    const decision = this.decisions[from];
    if (decision == null) return -1;
    const rule = this.types[from]!.transfer!;
    if (decision.next() >= rule.probability) return -1;
    pool.type[c] = rule.to;
    this.draws.transferred(rule.to, c, this.redraws[from]!, rule.handleTime);
    return rule.conferenceSeconds;
  }

  /** Contact `c`, transferred with a conference, keeps its first agent (a WRAP_END payload) until released. */
  hold(c: number, firstAgent: number, conferenceSeconds: number, wrapUp: number): void {
    if (c >= this.heldBy.length) this.grow();
    this.heldBy[c] = firstAgent;
    this.conference[c] = conferenceSeconds;
    this.wrapUp[c] = wrapUp;
  }

  /** An agent of the new type answered `c`: its first agent, if any, leaves the call after the conference. */
  answered(c: number): void {
    if (c < this.heldBy.length && this.heldBy[c]! >= 0) this.release(c, this.conference[c]!);
  }

  /** `c` leaves the system: its first agent, if it still waits with it, is released now. */
  left(c: number): void {
    if (c < this.heldBy.length && this.heldBy[c]! >= 0) this.release(c, 0);
  }

  /**
   * The first agent's end is a WRAP_END event `after + wrapUp` seconds from now, even when that is
   * now: freeing it at once could hand it a contact from inside a queue being drained.
   */
  private release(c: number, after: number): void {
    this.calendar.post(this.calendar.now + after + this.wrapUp[c]!, WRAP_END, this.heldBy[c]!);
    this.heldBy[c] = -1;
  }

  /** Room for every contact record the pool has now. */
  private grow(): void {
    const size = Math.max(64, this.pool.type.length);
    const heldBy = new Int32Array(size).fill(-1);
    heldBy.set(this.heldBy);
    this.heldBy = heldBy;
    const conference = new Float64Array(size);
    conference.set(this.conference);
    this.conference = conference;
    const wrapUp = new Float64Array(size);
    wrapUp.set(this.wrapUp);
    this.wrapUp = wrapUp;
  }
}
