/**
 * What the model reports as it runs. Statistics and traces are observers: the model keeps no
 * counters of its own. `interval` is the interval a contact is attributed to (its first arrival),
 * -1 for contacts that arrived during warm-up. Indices are contact type / agent group positions
 * in the scenario; contact and agent numbers are record slots, reused once a record is free.
 */
export interface ContactCenterObserver {
  /** A fresh contact arrived. */
  arrived(type: number, interval: number, time: number, contact: number): void;
  /** A contact entered the bot stage. */
  botEntered(type: number, interval: number, time: number, contact: number): void;
  /** A bot session resolved the contact (as far as the bot knows). */
  contained(type: number, interval: number, time: number, contact: number): void;
  /** A bot session ended with the customer giving up inside the bot. */
  botDroppedOut(type: number, interval: number, time: number, contact: number): void;
  /** An abandoned contact tries again (it is offered again next); `interval` is its first arrival's. */
  retried(type: number, interval: number, time: number, contact: number): void;
  /** A customer whose issue was not resolved contacts again (a new contact, offered next). */
  repeated(type: number, interval: number, time: number, contact: number): void;
  /** A contact joined the agent queue (it is offered). */
  queued(type: number, interval: number, time: number, contact: number): void;
  /**
   * An agent took the contact after `wait` seconds in queue; `work` is the agent time it will
   * take (handle time with proficiency and concurrency factors, plus wrap-up).
   */
  answered(type: number, interval: number, time: number, wait: number, contact: number, agent: number, group: number, work: number): void;
  /** The agent finished handling (wrap-up, if any, starts now). */
  handled(type: number, time: number, contact: number, agent: number): void;
  /** The contact left the queue after `wait` seconds. */
  abandoned(type: number, interval: number, time: number, wait: number, contact: number): void;
  /** The contact was still waiting at the end of the day (see CONTRACT "End of day"). */
  unresolved(type: number, interval: number, time: number, wait: number, contact: number): void;
  /**
   * The contact found every line taken, or its type's queue at `maxQueue`: it never joined the
   * queue (a retrial may follow, as after abandoning).
   */
  blocked(type: number, interval: number, time: number, contact: number): void;
  /** The queue was cleared (`closeQueueAt`) while the contact waited `wait` seconds: it leaves. */
  disconnected(type: number, interval: number, time: number, wait: number, contact: number): void;
  /**
   * A waiting caller who has waited `wait` seconds was offered a callback; if `accepted` it leaves
   * the queue (and its line) and waits to be called back as a fresh record.
   */
  callbackOffered(type: number, interval: number, time: number, wait: number, contact: number, accepted: boolean): void;
  /**
   * An agent calls back a customer `wait` seconds after it accepted the callback; `work` as for
   * `answered`. A callback is answered (it counts in answered) but not a live answer.
   */
  callbackMade(type: number, interval: number, time: number, wait: number, contact: number, agent: number, group: number, work: number): void;
  /** `agent` of `group` starts an outbound attempt (it is busy from now). */
  outboundDialed(group: number, time: number, agent: number): void;
  /** The attempt of `agent` reached the right party: talk for `talk` seconds. */
  outboundConnected(group: number, time: number, agent: number, talk: number): void;
  /** The number of a group's agents busy on outbound (dialing or talking) changed. */
  outboundLevel(group: number, time: number, agents: number): void;
  /**
   * Agent `agent` transferred the contact, which is now of `type` (the type it joins; `interval`
   * stays that of its first arrival); it joins that type's queue next.
   */
  transferred(type: number, interval: number, time: number, contact: number, agent: number): void;
  /** The phone lines in use changed (only with `lines`). */
  linesLevel(time: number, inUse: number): void;
  /** The number of agents present, agents busy, chat slots present and slots busy in a group changed. */
  groupLevels(group: number, time: number, present: number, busy: number, slots: number, busySlots: number): void;
  /** The number of contacts waiting in a type's queue changed. */
  queueLevel(type: number, time: number, waiting: number): void;
  /** Interval `interval` starts at `time` (`interval === intervals` marks the end of the last one). */
  intervalStarted(interval: number, time: number): void;
}
