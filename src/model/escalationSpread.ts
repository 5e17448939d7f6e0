/**
 * `ccsim explain`'s bot-wave counterfactual (docs/explain.md): the bot escalations that reach the
 * queue inside one window [from, to) are spread evenly over it, on the same customers.
 *
 * A replication runs twice. The first pass (`record`) changes nothing and notes the time each
 * escalation in the window reaches the queue. The second pass (`spread`) gives the j-th of those
 * n escalations (in time order) the time from + (j + 1/2)(to - from)/n instead, but never before
 * the contact entered the bot (a contact can only be moved once it is there: the new time is set
 * when it enters the bot, from its bot duration drawn then). The same customers arrive in both
 * passes, so an escalation is recognised by its exact time; one the first pass did not see (its
 * arrival changed, e.g. blocked on a full line in one pass only) keeps its own time.
 */
export class EscalationSpread {
  private readonly used: Uint8Array | null;

  private constructor(
    readonly from: number,
    readonly to: number,
    /** The first pass's escalation times in the window, sorted (null while recording). */
    private readonly baseline: Float64Array | null,
    /** The first pass's log (null in the second pass). */
    readonly log: number[] | null,
  ) {
    this.used = baseline === null ? null : new Uint8Array(baseline.length);
  }

  /** The first pass: note escalations in [from, to), move none. */
  static record(from: number, to: number): EscalationSpread {
    return new EscalationSpread(from, to, null, []);
  }

  /** The second pass, from the first pass's log. */
  static spread(from: number, to: number, log: readonly number[]): EscalationSpread {
    return new EscalationSpread(from, to, Float64Array.from(log).sort(), null);
  }

  /**
   * When the escalation of a contact that entered the bot at `entered` reaches the queue: `end`
   * (its own time) outside the window or while recording, else its evenly spread slot.
   */
  timeOf(entered: number, end: number): number {
    if (end < this.from || end >= this.to) return end;
    if (this.log !== null) {
      this.log.push(end);
      return end;
    }
    const base = this.baseline!;
    const used = this.used!;
    let lo = 0;
    let hi = base.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (base[mid]! < end) lo = mid + 1;
      else hi = mid;
    }
    while (lo < base.length && base[lo] === end && used[lo] === 1) lo++;
    if (lo >= base.length || base[lo] !== end) return end;
    used[lo] = 1;
    const slot = this.from + ((lo + 0.5) * (this.to - this.from)) / base.length;
    return Math.max(entered, slot);
  }
}
