import type { ContactCenterConfig, ContactCenterObserver } from '../model/index.js';

/** What happened, in one word. */
export type TraceKind =
  | 'arrive'
  | 'bot'
  | 'contained'
  | 'dropout'
  | 'retry'
  | 'repeat'
  | 'queue'
  | 'answer'
  | 'end'
  | 'abandon'
  | 'unresolved'
  | 'blocked'
  | 'disconnected'
  | 'callback-declined'
  | 'callback-accepted'
  | 'callback'
  | 'dial'
  | 'connect'
  | 'transfer'
  | 'staff'
  | 'interval';

/** One line of `--trace`: a model event. Contact and agent numbers are record slots (reused). */
export interface TraceEvent {
  /** Simulation time, seconds from the start of the warm-up. */
  t: number;
  kind: TraceKind;
  contact?: number;
  type?: string;
  agent?: number;
  group?: string;
  /** Queue wait, seconds (answer, abandon, unresolved). The agent is the one who transferred (transfer). */
  wait?: number;
  /** Agent time the contact will take, seconds (answer): handle time with factors, plus wrap-up. */
  work?: number;
  /** Agents present (staff) or the interval that starts (interval). */
  value?: number;
}

/** Collects every model event of one replication, for debugging and event-log tests. */
export class TraceRecorder implements ContactCenterObserver {
  readonly events: TraceEvent[] = [];
  private readonly typeIds: string[];
  private readonly groupIds: string[];
  private readonly present: Int32Array;

  constructor(config: ContactCenterConfig) {
    this.typeIds = config.types.map((t) => t.id);
    this.groupIds = config.groups.map((g) => g.id);
    this.present = new Int32Array(config.groups.length).fill(-1);
  }

  private add(e: TraceEvent): void {
    this.events.push(e);
  }

  arrived(type: number, _interval: number, t: number, contact: number): void {
    this.add({ t, kind: 'arrive', contact, type: this.typeIds[type]! });
  }
  botEntered(type: number, _interval: number, t: number, contact: number): void {
    this.add({ t, kind: 'bot', contact, type: this.typeIds[type]! });
  }
  contained(type: number, _interval: number, t: number, contact: number): void {
    this.add({ t, kind: 'contained', contact, type: this.typeIds[type]! });
  }
  botDroppedOut(type: number, _interval: number, t: number, contact: number): void {
    this.add({ t, kind: 'dropout', contact, type: this.typeIds[type]! });
  }
  retried(type: number, _interval: number, t: number, contact: number): void {
    this.add({ t, kind: 'retry', contact, type: this.typeIds[type]! });
  }
  repeated(type: number, _interval: number, t: number, contact: number): void {
    this.add({ t, kind: 'repeat', contact, type: this.typeIds[type]! });
  }
  queued(type: number, _interval: number, t: number, contact: number): void {
    this.add({ t, kind: 'queue', contact, type: this.typeIds[type]! });
  }
  answered(type: number, _interval: number, t: number, wait: number, contact: number, agent: number, group: number, work: number): void {
    this.add({ t, kind: 'answer', contact, type: this.typeIds[type]!, agent, group: this.groupIds[group]!, wait, work });
  }
  handled(type: number, t: number, contact: number, agent: number): void {
    this.add({ t, kind: 'end', contact, type: this.typeIds[type]!, agent });
  }
  abandoned(type: number, _interval: number, t: number, wait: number, contact: number): void {
    this.add({ t, kind: 'abandon', contact, type: this.typeIds[type]!, wait });
  }
  unresolved(type: number, _interval: number, t: number, wait: number, contact: number): void {
    this.add({ t, kind: 'unresolved', contact, type: this.typeIds[type]!, wait });
  }
  blocked(type: number, _interval: number, t: number, contact: number): void {
    this.add({ t, kind: 'blocked', contact, type: this.typeIds[type]! });
  }
  disconnected(type: number, _interval: number, t: number, wait: number, contact: number): void {
    this.add({ t, kind: 'disconnected', contact, type: this.typeIds[type]!, wait });
  }
  callbackOffered(type: number, _interval: number, t: number, wait: number, contact: number, accepted: boolean): void {
    this.add({ t, kind: accepted ? 'callback-accepted' : 'callback-declined', contact, type: this.typeIds[type]!, wait });
  }
  callbackMade(type: number, _interval: number, t: number, wait: number, contact: number, agent: number, group: number, work: number): void {
    this.add({ t, kind: 'callback', contact, type: this.typeIds[type]!, agent, group: this.groupIds[group]!, wait, work });
  }
  outboundDialed(group: number, t: number, agent: number): void {
    this.add({ t, kind: 'dial', agent, group: this.groupIds[group]! });
  }
  outboundConnected(group: number, t: number, agent: number, talk: number): void {
    this.add({ t, kind: 'connect', agent, group: this.groupIds[group]!, work: talk });
  }
  outboundLevel(): void {}
  transferred(type: number, _interval: number, t: number, contact: number, agent: number): void {
    this.add({ t, kind: 'transfer', contact, type: this.typeIds[type]!, agent });
  }
  groupLevels(group: number, t: number, present: number): void {
    if (this.present[group] === present) return;
    this.present[group] = present;
    this.add({ t, kind: 'staff', group: this.groupIds[group]!, value: present });
  }
  queueLevel(): void {}
  linesLevel(): void {}
  intervalStarted(interval: number, t: number): void {
    this.add({ t, kind: 'interval', value: interval });
  }
}

/** Sends every model event to several observers, in order. */
export function teeObserver(...observers: ContactCenterObserver[]): ContactCenterObserver {
  return {
    arrived: (...a) => observers.forEach((o) => o.arrived(...a)),
    botEntered: (...a) => observers.forEach((o) => o.botEntered(...a)),
    contained: (...a) => observers.forEach((o) => o.contained(...a)),
    botDroppedOut: (...a) => observers.forEach((o) => o.botDroppedOut(...a)),
    retried: (...a) => observers.forEach((o) => o.retried(...a)),
    repeated: (...a) => observers.forEach((o) => o.repeated(...a)),
    queued: (...a) => observers.forEach((o) => o.queued(...a)),
    answered: (...a) => observers.forEach((o) => o.answered(...a)),
    handled: (...a) => observers.forEach((o) => o.handled(...a)),
    abandoned: (...a) => observers.forEach((o) => o.abandoned(...a)),
    unresolved: (...a) => observers.forEach((o) => o.unresolved(...a)),
    blocked: (...a) => observers.forEach((o) => o.blocked(...a)),
    disconnected: (...a) => observers.forEach((o) => o.disconnected(...a)),
    callbackOffered: (...a) => observers.forEach((o) => o.callbackOffered(...a)),
    callbackMade: (...a) => observers.forEach((o) => o.callbackMade(...a)),
    outboundDialed: (...a) => observers.forEach((o) => o.outboundDialed(...a)),
    outboundConnected: (...a) => observers.forEach((o) => o.outboundConnected(...a)),
    outboundLevel: (...a) => observers.forEach((o) => o.outboundLevel(...a)),
    transferred: (...a) => observers.forEach((o) => o.transferred(...a)),
    groupLevels: (...a) => observers.forEach((o) => o.groupLevels(...a)),
    queueLevel: (...a) => observers.forEach((o) => o.queueLevel(...a)),
    linesLevel: (...a) => observers.forEach((o) => o.linesLevel(...a)),
    intervalStarted: (...a) => observers.forEach((o) => o.intervalStarted(...a)),
  };
}
