import { FALSE_CONTAINMENT_DEFAULT_DELAY, type AgentGroupConfig, type ContactTypeConfig } from './config.js';
import type { ContactPool } from './contactPool.js';
import type { Distribution, RandomStream } from '../random/index.js';

export const BOT_NONE = 0;
export const BOT_CONTAINED = 1;
export const BOT_ESCALATED = 2;
export const BOT_DROPOUT = 3;

/** The random streams of one contact type, one per purpose (null: the type does not use it). */
interface TypeStreams {
  readonly handle: RandomStream;
  readonly wrapUp: RandomStream;
  readonly patience: RandomStream;
  readonly botEntry: RandomStream | null;
  readonly botOutcome: RandomStream | null;
  readonly botDuration: RandomStream | null;
  readonly escalatedHandle: RandomStream | null;
  readonly falseContainment: RandomStream | null;
  readonly retrial: RandomStream | null;
  readonly retrialDelay: RandomStream | null;
  readonly repeat: RandomStream | null;
  readonly repeatDelay: RandomStream | null;
  /** Everything drawn for follow-up contacts (retries and repeats), so fresh customers' streams stay aligned. */
  readonly followUp: RandomStream | null;
}

/**
 * Draws everything about a contact into its record, each purpose from its own stream named
 * `<purpose>:<type id>`, so two scenarios that differ elsewhere see the same customers (common
 * random numbers). A fresh contact's draws are all made at its arrival, whether or not they are
 * used (every bot draw, the retrial and repeat decisions and delays); draws for follow-up contacts
 * (a retry's new patience, a repeat's new handle time) come from `follow-up:<type id>`. Integers
 * in, nothing out: values go straight into the record's typed arrays through `sampleInto` (see
 * docs/architecture.md, Hot loop rules).
 */
export class CustomerDraws {
  private readonly streams: TypeStreams[];
  /** Where a draw that does not go straight into the record lands (see `Distribution.sampleInto`). */
  private readonly scratch = new Float64Array(1);
  /** Per group: its own wrap-up and the stream `wrap-up-group:<group id>`, or null (the type's). */
  private readonly groupWrapUps: readonly ({ readonly dist: Distribution; readonly stream: RandomStream } | null)[];

  constructor(
    private readonly types: readonly ContactTypeConfig[],
    streamOf: (name: string) => RandomStream,
    private readonly pool: ContactPool,
    groups: readonly AgentGroupConfig[] = [],
  ) {
    this.groupWrapUps = groups.map((g) => (g.wrapUp === null ? null : { dist: g.wrapUp, stream: streamOf(`wrap-up-group:${g.id}`) }));
    this.streams = types.map((t) => {
      const bot = t.bot !== null;
      const named = (purpose: string, used: boolean) => (used ? streamOf(`${purpose}:${t.id}`) : null);
      return {
        handle: streamOf(`handle:${t.id}`),
        wrapUp: streamOf(`wrap-up:${t.id}`),
        patience: streamOf(`patience:${t.id}`),
        botEntry: named('bot-entry', bot),
        botOutcome: named('bot-outcome', bot),
        botDuration: named('bot-duration', bot),
        escalatedHandle: named('escalated-handle', t.bot?.escalatedHandleTime != null),
        falseContainment: named('false-containment', (t.bot?.falseContainment ?? 0) > 0),
        retrial: named('retrial', t.retrial !== null),
        retrialDelay: named('retrial-delay', t.retrial !== null),
        repeat: named('repeat', t.repeat !== null),
        repeatDelay: named('repeat-delay', t.repeat !== null),
        followUp: named('follow-up', t.retrial !== null || t.repeat !== null || (t.bot?.falseContainment ?? 0) > 0),
      };
    });
  }

  /** A fresh contact of `type` in record `c` (type and interval already set). */
  fresh(type: number, c: number): void {
    const s = this.streams[type]!;
    this.work(type, c, s.handle, s.wrapUp, s.patience);
    this.rules(type, c, s.retrial, s.retrialDelay, s.repeat, s.repeatDelay);
    // Tested here rather than in `bot`, so that types without a bot never call it: a call that
    // never runs is not inlined and leaves the JIT's inlining budget to the hot path.
    if (this.types[type]!.bot === null) this.pool.botOutcome[c] = BOT_NONE;
    else this.bot(type, c);
  }

  /**
   * Contact `c` starts service with an agent of `group`: a group with its own wrap-up replaces the
   * contact's (drawn now, in the order services start, from `wrap-up-group:<group id>`); other
   * groups draw nothing.
   */
  groupWrapUp(group: number, c: number): void {
    const own = this.groupWrapUps[group];
    if (own != null) own.dist.sampleInto(own.stream, this.pool.wrapUp, c);
  }

  /** A repeat contact of `type` in record `c`: new work and patience, no bot. */
  repeatContact(type: number, c: number): void {
    const f = this.streams[type]!.followUp!;
    this.work(type, c, f, f, f);
    this.rules(type, c, f, f, f, f);
    this.pool.botOutcome[c] = BOT_NONE;
  }

  /**
   * Contact `c` has just become a contact of `type` by a transfer: that type's work, patience and
   * follow-up rules, all from `s`; the transfer's own handle time, when it has one, drawn after
   * and replacing the type's.
   */
  transferred(type: number, c: number, s: RandomStream, handle: Distribution | null): void {
    this.work(type, c, s, s, s);
    if (handle !== null) handle.sampleInto(s, this.pool.handleTime, c);
    this.rules(type, c, s, s, s, s);
    this.pool.botOutcome[c] = BOT_NONE;
  }

  /**
   * A retrying contact `c`: same work, new patience (its first arrival's interval's, the interval
   * it counts in; kept as it was with `samePatience`, drawing nothing) and a new decision to retry.
   */
  retry(type: number, c: number): void {
    const spec = this.types[type]!;
    const f = this.streams[type]!.followUp!;
    const pool = this.pool;
    if (spec.retrial?.samePatience !== true) this.patience(spec, c, f);
    const retrial = spec.retrial;
    if (retrial !== null) {
      pool.retry[c] = f.next() < retrial.probability ? 1 : 0;
      retrial.delay.sampleInto(f, pool.retryDelay, c);
    }
  }

  private work(type: number, c: number, handle: RandomStream, wrapUp: RandomStream, patience: RandomStream): void {
    const spec = this.types[type]!;
    const pool = this.pool;
    const interval = pool.interval[c]!;
    const dists = spec.handleTime;
    dists[interval < 0 ? 0 : interval < dists.length ? interval : dists.length - 1]!.sampleInto(handle, pool.handleTime, c);
    if (spec.wrapUp === null) pool.wrapUp[c] = 0;
    else spec.wrapUp.sampleInto(wrapUp, pool.wrapUp, c);
    this.patience(spec, c, patience);
  }

  /** Patience of the contact's interval (warm-up: interval 0's), or Infinity when it never abandons. */
  private patience(spec: ContactTypeConfig, c: number, stream: RandomStream): void {
    const pool = this.pool;
    const dists = spec.patience;
    if (dists === null) {
      pool.patience[c] = Infinity;
      return;
    }
    const interval = pool.interval[c]!;
    dists[interval < 0 ? 0 : interval < dists.length ? interval : dists.length - 1]!.sampleInto(stream, pool.patience, c);
  }

  private rules(
    type: number,
    c: number,
    retryU: RandomStream | null,
    retryDelay: RandomStream | null,
    repeatU: RandomStream | null,
    repeatDelay: RandomStream | null,
  ): void {
    const spec = this.types[type]!;
    const pool = this.pool;
    const retrial = spec.retrial;
    pool.retry[c] = 0;
    if (retrial !== null) {
      pool.retry[c] = retryU!.next() < retrial.probability ? 1 : 0;
      retrial.delay.sampleInto(retryDelay!, pool.retryDelay, c);
    }
    const repeat = spec.repeat;
    pool.repeat[c] = 0;
    pool.repeatDelay[c] = FALSE_CONTAINMENT_DEFAULT_DELAY;
    if (repeat !== null) {
      pool.repeat[c] = repeatU!.next() < repeat.probability ? 1 : 0;
      repeat.delay.sampleInto(repeatDelay!, pool.repeatDelay, c);
    }
  }

  /**
   * The bot outcome from one uniform: below containment, contained; then dropout; else escalated.
   * A contained contact comes back (`repeat`) when falsely contained; an escalated one takes the
   * escalated handle time when the bot has one.
   */
  private bot(type: number, c: number): void {
    const bot = this.types[type]!.bot;
    const pool = this.pool;
    pool.botOutcome[c] = BOT_NONE;
    if (bot === null) return;
    const s = this.streams[type]!;
    const entry = s.botEntry!.next();
    const outcome = s.botOutcome!.next();
    bot.duration.sampleInto(s.botDuration!, pool.botDuration, c);
    const scratch = this.scratch;
    if (bot.escalatedHandleTime === null) scratch[0] = -1;
    else bot.escalatedHandleTime.sampleInto(s.escalatedHandle!, scratch, 0);
    const escalatedHandle = scratch[0]!;
    const falselyContained = s.falseContainment === null ? false : s.falseContainment.next() < bot.falseContainment;
    if (entry >= bot.share) return;
    if (outcome < bot.containment) {
      pool.botOutcome[c] = BOT_CONTAINED;
      pool.repeat[c] = falselyContained ? 1 : 0;
    } else if (outcome < bot.containment + bot.dropout) {
      pool.botOutcome[c] = BOT_DROPOUT;
    } else {
      pool.botOutcome[c] = BOT_ESCALATED;
      if (escalatedHandle >= 0) pool.handleTime[c] = escalatedHandle;
    }
  }
}
