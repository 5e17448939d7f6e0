import type { Metric } from '../stats/index.js';

/** KPIs of a set of contacts (CONTRACT section 2 `<kpis>`, plus extensions). */
export interface Kpis {
  /** Fresh contacts that arrived (bot included). */
  arrivals: Metric;
  /** Contacts that entered the bot stage (extension). */
  botSessions: Metric;
  /** Contacts resolved by the bot. */
  contained: Metric;
  /** Contacts that joined the agent queue. */
  offered: Metric;
  answered: Metric;
  abandoned: Metric;
  unresolved: Metric;
  /** Answered within the type's threshold / (answered + abandoned). */
  serviceLevel: Metric;
  /** Mean queue wait of answered contacts, seconds. */
  asa: Metric;
  /** Abandoned / (answered + abandoned). */
  abandonRate: Metric;
  /** Contained / bot sessions; null when no contact entered the bot. */
  containmentRate: Metric;
  /** Time-average number of contacts waiting in queue, by clock time (extension). */
  queueLength: Metric;
  /** Abandoned contacts that tried again (each try counted; also counted again in offered). */
  retrials: Metric;
  /** Customers who came back after unresolved service or false bot containment. */
  repeats: Metric;
  /** Bot sessions in which the customer gave up. */
  botDropouts: Metric;
  /** Agent cost (staffed hours x costPerHour, attributed by work) + bot sessions x costPerSession. */
  cost: Metric;
  /** cost / arrivals. */
  costPerContact: Metric;
  /** 90th percentile of queue wait of answered contacts, seconds (answered-weighted mean over replications). */
  waitP90: Metric;
  /**
   * Agent hours of work the answered contacts took (handle time with proficiency and concurrency
   * factors, plus wrap-up; chat hours for chats), by arrival interval (extension).
   */
  workHours: Metric;
  // Model breadth II (CONTRACT section 8): present only when the scenario uses the feature.
  /** Arrivals, retrials and repeats blocked (every line taken, or the queue at maxQueue). */
  blocked?: Metric;
  /** blocked / arrivals. */
  blockRate?: Metric;
  /** Waiting contacts cleared by closeQueueAt. */
  disconnected?: Metric;
  /** Waiting callers offered a callback. */
  callbacksOffered?: Metric;
  /** Callers who accepted (they left the queue; not abandoned, not in the live service level). */
  callbacksAccepted?: Metric;
  /** Callbacks made (included in answered). */
  callbacksMade?: Metric;
  /** Mean seconds from acceptance to the callback. */
  callbackWait?: Metric;
  /** Callbacks made within the window / callbacks accepted. */
  callbackServiceLevel?: Metric;
  /** Contacts transferred to the type (by the interval of their first arrival). */
  transfers?: Metric;
}

/** Agent KPIs of a group or of all groups, by clock time. */
export interface GroupKpis {
  /** Agent time busy (handle + wrap-up) / agent time staffed. */
  occupancy: Metric;
  /** Chat-slot time used / slot time staffed (equals occupancy without chat). */
  slotUtilization: Metric;
  /** Agent hours busy (handle + wrap-up) inside the horizon: the agent workload (extension). */
  busyHours: Metric;
  /** Agent hours staffed inside the horizon (extension). */
  staffedHours: Metric;
  // Outbound blending (CONTRACT section 8): present only when some group dials out.
  /** Outbound attempts started. */
  outboundAttempts?: Metric;
  /** Attempts that reached the right party. */
  outboundConnects?: Metric;
  /** Agent hours on outbound (dialing and talking): part of busyHours. */
  outboundHours?: Metric;
  /** Agent hours on inbound work (busyHours - outboundHours). */
  inboundHours?: Metric;
}

/** A group's agent KPIs in one interval, with the staff it had (extension). */
export interface IntervalGroupKpis extends GroupKpis {
  /**
   * Agents present, time-weighted mean over the interval (agent seconds staffed / interval
   * seconds): above `scheduled` while agents owed by a staff drop finish their contacts.
   */
  staffed: Metric;
  /** Agents the scenario's plan (`staff`, or `shifts` after shrinkage and breaks) puts in the interval, time-weighted mean. */
  scheduled: number;
}

export interface IntervalOutput {
  /** Clock label "HH:MM" of the interval's start. */
  start: string;
  byType: Record<string, Kpis>;
  byGroup: Record<string, IntervalGroupKpis>;
}

/** The output of `ccsim run --json` (CONTRACT section 2). */
export interface RunOutput {
  scenario: string;
  replications: number;
  seed: number;
  summary: Kpis & GroupKpis;
  byType: Record<string, Kpis>;
  byGroup: Record<string, GroupKpis>;
  intervals: IntervalOutput[];
}

/** Names of the contact KPIs, in output order. */
export const KPI_NAMES = [
  'arrivals',
  'botSessions',
  'contained',
  'offered',
  'answered',
  'abandoned',
  'unresolved',
  'serviceLevel',
  'asa',
  'abandonRate',
  'containmentRate',
  'queueLength',
  'retrials',
  'repeats',
  'botDropouts',
  'cost',
  'costPerContact',
  'waitP90',
  'workHours',
] as const satisfies readonly (keyof Kpis)[];

/** KPIs of CONTRACT section 8, output only for scenarios that use their feature (see kpiSet). */
export const EXTRA_KPI_NAMES = [
  'blocked',
  'blockRate',
  'disconnected',
  'transfers',
  'callbacksOffered',
  'callbacksAccepted',
  'callbacksMade',
  'callbackWait',
  'callbackServiceLevel',
] as const satisfies readonly (keyof Kpis)[];
export type ExtraKpiName = (typeof EXTRA_KPI_NAMES)[number];
/** Any contact KPI name. */
export type KpiName = (typeof KPI_NAMES)[number] | ExtraKpiName;
