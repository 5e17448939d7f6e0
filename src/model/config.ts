import type { Distribution } from '../random/index.js';

/** The channel of a contact type. */
export type Channel = 'voice' | 'chat' | 'email';

/** A contact type as the model needs it: validated, with distributions built. */
export interface ContactTypeConfig {
  readonly id: string;
  readonly channel: Channel;
  /** Arrival rate per second, one per interval. */
  readonly arrivalRate: readonly number[];
  readonly handleTime: Distribution;
  /** After-contact work; null when there is none. */
  readonly wrapUp: Distribution | null;
  /** Patience in queue; null means the contact never abandons. */
  readonly patience: Distribution | null;
  /** Service-level threshold, seconds from queue join. */
  readonly serviceLevelSeconds: number;
  /** Self-service stage before the agent queue; null when there is none. */
  readonly bot: BotConfig | null;
}

/** A chatbot (or IVR) stage in front of the agent queue. */
export interface BotConfig {
  /** Fraction of arrivals that enter the bot first. */
  readonly share: number;
  /** Fraction of bot sessions resolved by the bot. */
  readonly containment: number;
  readonly duration: Distribution;
}

/** An agent group: who may serve what, and how many are present in each interval. */
export interface AgentGroupConfig {
  readonly id: string;
  /** Contact type indices this group may serve, in scenario order. */
  readonly skills: readonly number[];
  /** Agents available per interval (net of shrinkage). */
  readonly staff: readonly number[];
  /** Maximum simultaneous chats per agent (1 when the group serves no chat). */
  readonly concurrency: number;
}

/** Everything one simulated day needs, independent of any file format. */
export interface ContactCenterConfig {
  readonly intervalSeconds: number;
  readonly intervals: number;
  /** Warm-up before interval 0, seconds; arrivals and staff during it are those of interval 0. */
  readonly warmupSeconds: number;
  readonly types: readonly ContactTypeConfig[];
  readonly groups: readonly AgentGroupConfig[];
}

/** How long after the end of the last interval contacts may still wait before they count as unresolved. */
export const END_OF_DAY_GRACE_SECONDS = 24 * 3600;
