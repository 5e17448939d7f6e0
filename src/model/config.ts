import type { Distribution } from '../random/index.js';

/** The channel of a contact type. */
export type Channel = 'voice' | 'chat' | 'email';

/** Which free agent takes a contact of a type joining the queue (docs/contract.md, Routing policies). */
export type RoutingPolicy = 'longest-idle' | 'random' | 'group-order';

/** A contact type as the model needs it: validated, with distributions built. */
export interface ContactTypeConfig {
  readonly id: string;
  readonly channel: Channel;
  /** Arrival rate per second, one per interval. */
  readonly arrivalRate: readonly number[];
  /**
   * Exact arrival counts per interval (`"arrivals": "exact"`), spread uniformly within each
   * interval; null: Poisson arrivals at `arrivalRate`.
   */
  readonly exactCounts: readonly number[] | null;
  /** Handle time, one per interval (by arrival interval; warm-up uses interval 0's). */
  readonly handleTime: readonly Distribution[];
  /** After-contact work; null when there is none. */
  readonly wrapUp: Distribution | null;
  /**
   * Patience in queue, one per interval (by arrival interval; warm-up and carried-in contacts use
   * interval 0's); null means the contact never abandons.
   */
  readonly patience: readonly Distribution[] | null;
  /** Service-level threshold, seconds from queue join. */
  readonly serviceLevelSeconds: number;
  /** Abandons after at most this many seconds are left out of the service-level denominator; null: none are. */
  readonly shortAbandonSeconds: number | null;
  /** Self-service stage before the agent queue; null when there is none. */
  readonly bot: BotConfig | null;
  /** Routing priority (higher first among waiting contacts); 0 by default. */
  readonly priority: number;
  /** Abandoned contacts that try again; null: none do. */
  readonly retrial: FollowUpConfig | null;
  /** Served contacts whose issue was not resolved and who come back; null: none do. */
  readonly repeat: FollowUpConfig | null;
  /** Coefficient of variation of the per-replication volume factor (0: none). */
  readonly volumeCv: number;
  /** Types with the same volume group share one factor, drawn from `volume-group:<name>`; null: its own. */
  readonly volumeGroup: string | null;
  /** Chat handle-time factors f_k for an agent holding k chats as the chat starts (empty: none). */
  readonly concurrencyFactor: readonly number[];
  /** Agent choice on arrival; absent: longest-idle (src/model/policyRouter.ts). */
  readonly routing?: RoutingPolicy;
  /**
   * Queue cap: a contact no agent takes at once that finds this many of its type waiting is
   * blocked; absent or null: no cap.
   */
  readonly maxQueue?: number | null;
  /** Callbacks offered to waiting callers (virtual hold); absent or null: none. */
  readonly callback?: CallbackConfig | null;
  /** Transfer after service; absent or null: none. */
  readonly transfer?: TransferConfig | null;
}

/** Virtual hold (CONTRACT section 8 `callback`). */
export interface CallbackConfig {
  /** Offer once the caller has waited this long (Infinity: not by wait). */
  readonly offerAfter: number;
  /** Offer on joining the queue when the estimated wait exceeds this (Infinity: not by EWT). */
  readonly ewtAbove: number;
  /** Probability an offered caller accepts. */
  readonly acceptance: number;
  /** Seconds from acceptance by which the callback is due (then it goes before live callers). */
  readonly window: number;
}

/** A transfer after service (docs/contract.md section 8, "Transfers and conferences"). */
export interface TransferConfig {
  readonly probability: number;
  /** Index of the type the contact becomes (same channel, no cycle: checked by the scenario). */
  readonly to: number;
  /** Handle time after the transfer; null: the target type's, by the contact's interval. */
  readonly handleTime: Distribution | null;
  /** Seconds the first agent stays on after the target type's agent answers; 0: a cold transfer. */
  readonly conferenceSeconds: number;
}

/** A chatbot (or IVR) stage in front of the agent queue. */
export interface BotConfig {
  /** Fraction of arrivals that enter the bot first. */
  readonly share: number;
  /** Fraction of bot sessions resolved by the bot. */
  readonly containment: number;
  /** Fraction of bot sessions that give up inside the bot. */
  readonly dropout: number;
  /** Fraction of contained sessions that come back to the agent queue (repeats). */
  readonly falseContainment: number;
  readonly duration: Distribution;
  /** Handle time of escalated contacts; null: the type's handle time. */
  readonly escalatedHandleTime: Distribution | null;
  readonly costPerSession: number;
}

/** Customers who come back: with `probability`, after `delay`. */
export interface FollowUpConfig {
  readonly probability: number;
  readonly delay: Distribution;
  /** Retrials only: the retrial keeps the first try's patience instead of a fresh draw. */
  readonly samePatience: boolean;
}

/** How an agent group serves one contact type. */
export interface SkillConfig {
  /** Contact type index. */
  readonly type: number;
  /** The group takes higher-priority skills first (before contact-type priority). */
  readonly priority: number;
  /** The group takes a contact of this type only once it has waited this long (0: at once). */
  readonly afterSeconds: number;
  /** Multiplies the handle time when this group serves this type. */
  readonly handleTimeFactor: number;
  /** Weight of the group's free agents in "random" routing of this type; absent: 1 (routingTable.ts). */
  readonly weight?: number;
}

/**
 * Agents due in a group over time: `levels[k]` from `times[k]` on (simulation seconds, ascending,
 * `times[0] = 0`). Changes at or after the end of the last interval are not in the plan: the
 * last staff stays until the queues are empty.
 */
export interface StaffPlan {
  readonly times: readonly number[];
  readonly levels: readonly number[];
}

/** An agent group: who may serve what, and how many are present over time. */
export interface AgentGroupConfig {
  readonly id: string;
  /** Skills, in scenario order. */
  readonly skills: readonly SkillConfig[];
  readonly staffPlan: StaffPlan;
  /** Maximum simultaneous chats per agent (1 when the group serves no chat). */
  readonly concurrency: number;
  /** Cost of one staffed agent hour. */
  readonly costPerHour: number;
  /** After-contact work replacing the type's for contacts this group serves; null: the type's. */
  readonly wrapUp: Distribution | null;
  /** An outbound campaign blended into the group's idle time; absent or null: none. */
  readonly outbound?: OutboundConfig | null;
}

/** Outbound dialing by a group's idle agents (CONTRACT section 8 `outbound`). */
export interface OutboundConfig {
  /** Dial only while more than this many of the group's present agents are idle. */
  readonly idleAbove: number;
  /** Paced attempts per second (Poisson), or null: an agent dials as soon as it is idle and the rule allows. */
  readonly dialRate: number | null;
  /** Probability an attempt reaches the right party. */
  readonly connectRate: number;
  /** Agent seconds of every attempt before it connects or fails (ringing, no answer). */
  readonly dialSeconds: number;
  /** Talk time of a connected call. */
  readonly handleTime: Distribution;
}

/** Everything one simulated horizon needs, independent of any file format. */
/**
 * Contacts present at time 0 (intraday: the state of now). `waiting[t]`: the waits so far of
 * type t's waiting contacts, longest first (their order in line); `inService[g][t]`: the handle
 * time so far of each type-t contact an agent of group g holds.
 */
export interface InitialState {
  readonly waiting: readonly (readonly number[])[];
  readonly inService: readonly (readonly (readonly number[])[])[];
}

export interface ContactCenterConfig {
  /** Contacts already waiting or in service at time 0; absent: the day starts empty. */
  readonly initial?: InitialState | null;
  readonly intervalSeconds: number;
  readonly intervals: number;
  /** Warm-up before interval 0, seconds; arrivals and staff during it are those of interval 0. */
  readonly warmupSeconds: number;
  readonly types: readonly ContactTypeConfig[];
  readonly groups: readonly AgentGroupConfig[];
  /** Phone lines shared by the voice types (contacts in the bot, waiting or in service); absent or null: unlimited. */
  readonly lines?: number | null;
  /** When the queues are cleared (waiting contacts disconnected); absent or null: never. */
  readonly closeQueue?: QueueClosing | null;
  /**
   * `ccsim explain`'s bot-wave counterfactual: the bot escalations reaching the queue in [from,
   * to) (simulation seconds) are spread evenly over it (EscalationSpread; the replication runs
   * twice). Absent or null: escalations keep their times. Never set from a scenario file.
   */
  readonly escalationWindow?: { readonly from: number; readonly to: number } | null;
  /**
   * `ccsim explain`'s carry-over counterfactual: at this time (an interval's start) every waiting
   * contact is disconnected, before that instant's staff change. Never set from a scenario file.
   */
  readonly clearQueueAt?: number | null;
}

/** Queue clearing times (CONTRACT section 8 `closeQueueAt`). */
export interface QueueClosing {
  /** Simulation seconds, ascending, inside the horizon: every waiting contact is disconnected. */
  readonly times: readonly number[];
  /** Clear at the end of the last interval and keep the queues closed after it. */
  readonly atEnd: boolean;
}

/** How long after the end of the last interval contacts may still wait before they count as unresolved. */
export const END_OF_DAY_GRACE_SECONDS = 24 * 3600;

/** Delay of a falsely contained customer's return when the type has no `repeat` rule. */
export const FALSE_CONTAINMENT_DEFAULT_DELAY = 3600;
