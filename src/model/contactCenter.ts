import { EventCalendar, type EventHandler } from '../engine/index.js';
import type { RandomStream } from '../random/index.js';
import { AgentPool } from './agentPool.js';
import { ArrivalProcess } from './arrivalProcess.js';
import { END_OF_DAY_GRACE_SECONDS, type ContactCenterConfig, type ContactTypeConfig } from './config.js';
import { ContactPool, ContactState } from './contactPool.js';
import { LongestIdleRouter } from './longestIdleRouter.js';
import type { ContactCenterObserver } from './observer.js';
import type { Router, RouterFactory } from './router.js';
import { WaitingQueues } from './waitingQueues.js';

const ARRIVAL = 0;
const SERVICE_END = 1;
const WRAP_END = 2;
const PATIENCE = 3;
const BOUNDARY = 4;
const DEADLINE = 5;
const BOT_END = 6;

/** Interval boundaries (staff changes) run before anything else at the same instant. */
const BOUNDARY_PRIORITY = -10;

const BOT_NONE = 0;
const BOT_CONTAINED = 1;
const BOT_ESCALATED = 2;

/** Source of named random streams for one replication. */
export type StreamSource = (name: string) => RandomStream;

/**
 * Where arrival times come from. `advance(type, from)` sets `nextTime[type]` to the next arrival
 * of `type` after `from` (Infinity: none). The time is left in an array rather than returned, so
 * that no number is boxed per arrival.
 */
export interface ArrivalSource {
  readonly nextTime: Float64Array;
  advance(type: number, from: number): void;
}

export interface ContactCenterOptions {
  /** Routing policy; default: longest-idle agent, longest-waiting contact. */
  readonly router?: RouterFactory;
  /** Arrival times; default: the scenario's piecewise Poisson process. Tests script them. */
  readonly arrivals?: (config: ContactCenterConfig, streamOf: StreamSource) => ArrivalSource;
}

/** The random streams of one contact type, one per purpose, so scenarios share customers. */
interface TypeStreams {
  readonly handle: RandomStream;
  readonly wrapUp: RandomStream;
  readonly patience: RandomStream;
  readonly botEntry: RandomStream;
  readonly botOutcome: RandomStream;
  readonly botDuration: RandomStream;
}

/**
 * One simulated contact-center day: arrivals, bot stage, queues, agents, staff changes and end of
 * day, per CONTRACT section 1. Every piece of state lives in this instance; run it once.
 */
export class ContactCenter implements EventHandler {
  readonly calendar = new EventCalendar(1024);
  readonly contacts = new ContactPool();
  readonly agents = new AgentPool();
  readonly queues: WaitingQueues;
  readonly router: Router;

  private readonly types: readonly ContactTypeConfig[];
  private readonly arrivals: ArrivalSource;
  private readonly streams: TypeStreams[];
  private readonly groupsOfType: number[][];
  private readonly present: Int32Array;
  private readonly busy: Int32Array;
  private readonly owed: Int32Array;
  /** Agents already marked to go home (they count in `owed` until they leave). */
  private readonly marked: Int32Array;
  private readonly isChat: Uint8Array;
  /** Types no agent of the last interval's staff can serve (set at the end of the last interval). */
  private readonly strandedAtEnd: Uint8Array;
  private readonly warmup: number;
  private readonly intervalLength: number;
  private readonly endOfDay: number;
  /** Contacts in hand per group (chat slots in use). */
  private readonly held: Int32Array;
  private readonly concurrency: Int32Array;
  private ran = false;

  constructor(
    private readonly config: ContactCenterConfig,
    streamOf: StreamSource,
    private readonly observer: ContactCenterObserver,
    options: ContactCenterOptions = {},
  ) {
    const { types, groups } = config;
    this.types = types;
    this.warmup = config.warmupSeconds;
    this.intervalLength = config.intervalSeconds;
    this.endOfDay = config.warmupSeconds + config.intervals * config.intervalSeconds;
    this.groupsOfType = types.map((_, t) => groups.flatMap((g, gi) => (g.skills.includes(t) ? [gi] : [])));
    this.queues = new WaitingQueues(types.length, this.contacts);
    this.isChat = Uint8Array.from(types, (t) => (t.channel === 'chat' ? 1 : 0));
    this.concurrency = Int32Array.from(groups, (g) => g.concurrency);
    this.router = (options.router ?? ((s) => new LongestIdleRouter(s)))({
      agents: this.agents,
      contacts: this.contacts,
      queues: this.queues,
      groupsOfType: this.groupsOfType,
      typesOfGroup: groups.map((g) => g.skills),
      isChat: this.isChat,
      concurrency: this.concurrency,
    });
    this.arrivals =
      options.arrivals?.(config, streamOf) ?? new ArrivalProcess(config, (t) => streamOf(`arrivals:${types[t]!.id}`));
    this.streams = types.map((t) => ({
      handle: streamOf(`handle:${t.id}`),
      wrapUp: streamOf(`wrap-up:${t.id}`),
      patience: streamOf(`patience:${t.id}`),
      botEntry: streamOf(`bot-entry:${t.id}`),
      botOutcome: streamOf(`bot-outcome:${t.id}`),
      botDuration: streamOf(`bot-duration:${t.id}`),
    }));
    this.present = new Int32Array(groups.length);
    this.busy = new Int32Array(groups.length);
    this.owed = new Int32Array(groups.length);
    this.marked = new Int32Array(groups.length);
    this.held = new Int32Array(groups.length);
    this.strandedAtEnd = new Uint8Array(types.length);
  }

  /** Simulate the whole day, until every contact has left. */
  run(): void {
    if (this.ran) throw new Error('ContactCenter.run: a simulation instance runs once');
    this.ran = true;
    const cal = this.calendar;
    for (let i = 0; i <= this.config.intervals; i++) {
      cal.schedule(this.warmup + i * this.intervalLength, BOUNDARY, i, BOUNDARY_PRIORITY);
    }
    this.config.groups.forEach((g, gi) => this.setStaff(gi, g.staff[0] ?? 0));
    for (let t = 0; t < this.types.length; t++) {
      this.arrivals.advance(t, 0);
      const first = this.arrivals.nextTime[t]!;
      if (first < this.endOfDay) cal.schedule(first, ARRIVAL, t);
    }
    cal.run(this);
  }

  handle(kind: number, payload: number): void {
    // Handlers read the time from the calendar: numbers passed to calls the JIT does not inline
    // are boxed on the heap, and this loop allocates nothing per event.
    switch (kind) {
      case ARRIVAL:
        this.onArrival(payload);
        break;
      case SERVICE_END:
        this.onServiceEnd(payload);
        break;
      case WRAP_END:
        this.agentFinished(payload >> 1, payload & 1);
        break;
      case PATIENCE:
        this.onPatience(payload);
        break;
      case BOT_END:
        this.onBotEnd(payload);
        break;
      case BOUNDARY:
        this.onBoundary(payload);
        break;
      case DEADLINE:
        for (let t = 0; t < this.types.length; t++) this.strand(t);
        break;
    }
  }

  private onArrival(type: number): void {
    const time = this.calendar.now;
    this.arrivals.advance(type, time);
    const next = this.arrivals.nextTime[type]!;
    if (next < this.endOfDay) this.calendar.schedule(next, ARRIVAL, type);

    const pool = this.contacts;
    const c = pool.allocate();
    const interval = time < this.warmup ? -1 : Math.floor((time - this.warmup) / this.intervalLength);
    pool.type[c] = type;
    pool.interval[c] = interval;
    pool.arrivalTime[c] = time;
    pool.timer[c] = -1;
    this.drawCustomer(type, c);
    this.observer.arrived(type, interval, time, c);
    if (pool.botOutcome[c] === BOT_NONE) {
      this.joinQueue(c);
      return;
    }
    pool.state[c] = ContactState.InBot;
    this.observer.botEntered(type, interval, time, c);
    this.calendar.schedule(time + pool.botDuration[c]!, BOT_END, c);
  }

  /**
   * Draw everything about a new contact of `type` into record `c`: handle time, wrap-up,
   * patience and bot outcome, each from its own stream. All bot draws are made for every arrival
   * so that scenarios differing only in the bot's parameters see the same customers (common random
   * numbers). Integers in, nothing out: the values go straight into the record's typed arrays.
   */
  private drawCustomer(type: number, c: number): void {
    const spec = this.types[type]!;
    const s = this.streams[type]!;
    const pool = this.contacts;
    pool.handleTime[c] = spec.handleTime.sample(s.handle);
    pool.wrapUp[c] = spec.wrapUp === null ? 0 : spec.wrapUp.sample(s.wrapUp);
    pool.patience[c] = spec.patience === null ? Infinity : spec.patience.sample(s.patience);
    const bot = spec.bot;
    pool.botOutcome[c] = BOT_NONE;
    if (bot === null) return;
    const entry = s.botEntry.next();
    const outcome = s.botOutcome.next();
    pool.botDuration[c] = bot.duration.sample(s.botDuration);
    if (entry < bot.share) pool.botOutcome[c] = outcome < bot.containment ? BOT_CONTAINED : BOT_ESCALATED;
  }

  private onBotEnd(c: number): void {
    const time = this.calendar.now;
    const pool = this.contacts;
    if (pool.botOutcome[c] === BOT_CONTAINED) {
      this.observer.contained(pool.type[c]!, pool.interval[c]!, time, c);
      pool.release(c);
      return;
    }
    this.joinQueue(c);
  }

  /** The contact is offered to the agents: answered at once by a free agent, or it waits. */
  private joinQueue(c: number): void {
    const time = this.calendar.now;
    const pool = this.contacts;
    const type = pool.type[c]!;
    pool.joinTime[c] = time;
    this.observer.queued(type, pool.interval[c]!, time, c);
    if (this.strandedAtEnd[type] === 1) {
      this.observer.unresolved(type, pool.interval[c]!, time, 0, c);
      pool.release(c);
      return;
    }
    const agent = this.router.takeAgent(type);
    if (agent >= 0) {
      this.startService(agent, c);
      this.router.agentAvailable(agent);
      this.reportGroup(this.agents.group[agent]!);
      return;
    }
    pool.state[c] = ContactState.Waiting;
    this.queues.push(type, c);
    this.observer.queueLevel(type, time, this.queues.waiting[type]!);
    const patience = pool.patience[c]!;
    if (patience !== Infinity) pool.timer[c] = this.calendar.schedule(time + patience, PATIENCE, c);
  }

  /**
   * `agent`, out of the router's index, takes contact `c` now. A voice or email contact takes the
   * whole agent (all its chat slots); a chat takes one slot.
   */
  private startService(agent: number, c: number): void {
    const time = this.calendar.now;
    const pool = this.contacts;
    const agents = this.agents;
    const group = agents.group[agent]!;
    const type = pool.type[c]!;
    if (agents.load[agent] === 0) this.busy[group]!++;
    agents.load[agent]!++;
    if (this.isChat[type] === 1) this.held[group]!++;
    else {
      agents.exclusive[agent] = 1;
      this.held[group]! += this.concurrency[group]!;
    }
    pool.state[c] = ContactState.InService;
    pool.agentOf[c] = agent;
    const timer = pool.timer[c]!;
    if (timer >= 0) {
      this.calendar.cancel(timer);
      pool.timer[c] = -1;
    }
    this.observer.answered(type, pool.interval[c]!, time, time - pool.joinTime[c]!, c, agent, group);
    this.calendar.schedule(time + pool.handleTime[c]!, SERVICE_END, c);
  }

  private onServiceEnd(c: number): void {
    const time = this.calendar.now;
    const pool = this.contacts;
    const agent = pool.agentOf[c]!;
    const wrap = pool.wrapUp[c]!;
    const chat = this.isChat[pool.type[c]!]!;
    this.observer.handled(pool.type[c]!, time, c, agent);
    pool.release(c);
    if (wrap > 0) {
      // After-contact work keeps the contact's slot (the whole agent for voice and email).
      this.calendar.schedule(time + wrap, WRAP_END, (agent << 1) | chat);
      return;
    }
    this.agentFinished(agent, chat);
  }

  /**
   * `agent` has finished a contact (and its wrap-up). If its group owes agents it goes home
   * (once it holds nothing); otherwise it takes new work.
   */
  private agentFinished(agent: number, chat: number): void {
    const time = this.calendar.now;
    const agents = this.agents;
    const group = agents.group[agent]!;
    this.router.agentUnavailable(agent);
    agents.load[agent]!--;
    if (chat === 1) this.held[group]!--;
    else {
      agents.exclusive[agent] = 0;
      this.held[group]! -= this.concurrency[group]!;
    }
    const idle = agents.load[agent] === 0;
    if (idle) {
      this.busy[group]!--;
      agents.idleSince[agent] = time;
    }
    if (agents.leaving[agent] === 0 && this.owed[group]! > this.marked[group]!) {
      agents.leaving[agent] = 1;
      this.marked[group]!++;
    }
    if (agents.leaving[agent] === 1) {
      if (idle) {
        this.owed[group]!--;
        this.marked[group]!--;
        this.present[group]!--;
        agents.leave(agent);
      }
    } else {
      this.offerWork(agent);
    }
    this.reportGroup(group);
  }

  private reportGroup(group: number): void {
    const time = this.calendar.now;
    const present = this.present[group]!;
    this.observer.groupLevels(group, time, present, this.busy[group]!, present * this.concurrency[group]!, this.held[group]!);
  }

  /**
   * An agent with spare capacity takes waiting contacts its router picks (chats up to its
   * group's concurrency), then is handed back to the router if it can take more.
   */
  private offerWork(agent: number): void {
    const time = this.calendar.now;
    const agents = this.agents;
    const cap = this.concurrency[agents.group[agent]!]!;
    while (agents.exclusive[agent] === 0 && agents.load[agent]! < cap) {
      const c = this.router.takeContact(agent);
      if (c < 0) break;
      const type = this.contacts.type[c]!;
      this.observer.queueLevel(type, time, this.queues.waiting[type]!);
      this.startService(agent, c);
    }
    this.router.agentAvailable(agent);
  }

  private onPatience(c: number): void {
    const time = this.calendar.now;
    const pool = this.contacts;
    if (pool.state[c] !== ContactState.Waiting) return;
    const type = pool.type[c]!;
    pool.timer[c] = -1;
    this.queues.remove(type, c);
    this.observer.abandoned(type, pool.interval[c]!, time, time - pool.joinTime[c]!, c);
    this.observer.queueLevel(type, time, this.queues.waiting[type]!);
  }

  private onBoundary(interval: number): void {
    const time = this.calendar.now;
    this.observer.intervalStarted(interval, time);
    const n = this.config.intervals;
    if (interval > 0 && interval < n) {
      this.config.groups.forEach((g, gi) => this.setStaff(gi, g.staff[interval] ?? 0));
    }
    if (interval === n) {
      const last = n - 1;
      for (let t = 0; t < this.types.length; t++) {
        const capacity = this.groupsOfType[t]!.reduce((sum, g) => sum + (this.config.groups[g]!.staff[last] ?? 0), 0);
        if (capacity === 0) {
          this.strandedAtEnd[t] = 1;
          this.strand(t);
        }
      }
      this.calendar.schedule(time + END_OF_DAY_GRACE_SECONDS, DEADLINE, 0);
    }
  }

  /** Every contact still waiting in `type`'s queue is counted unresolved and leaves. */
  private strand(type: number): void {
    const time = this.calendar.now;
    if (this.queues.waiting[type] === 0) return;
    const pool = this.contacts;
    this.queues.drain(type, (c) => {
      const timer = pool.timer[c]!;
      if (timer >= 0) this.calendar.cancel(timer);
      this.observer.unresolved(type, pool.interval[c]!, time, time - pool.joinTime[c]!, c);
    });
    this.observer.queueLevel(type, time, 0);
  }

  /**
   * CONTRACT staff change. A cut sends idle agents home at once (longest-idle first) and the
   * rest is owed by busy agents as they finish; a rise first cancels what is owed, then adds
   * agents who are free at once.
   */
  private setStaff(group: number, target: number): void {
    const time = this.calendar.now;
    const effective = this.present[group]! - this.owed[group]!;
    if (target < effective) {
      let cut = effective - target;
      while (cut > 0) {
        const a = this.router.takeIdleAgent(group);
        if (a < 0) break;
        this.agents.leave(a);
        this.present[group]!--;
        cut--;
      }
      this.owed[group]! += cut;
    } else if (target > effective) {
      const kept = Math.min(this.owed[group]!, target - effective);
      // Cancel what is owed: first debts no agent has taken on yet, then agents already marked.
      let unmark = Math.max(0, kept - (this.owed[group]! - this.marked[group]!));
      this.owed[group]! -= kept;
      for (let a = 0; unmark > 0 && a < this.agents.capacity; a++) {
        if (this.agents.present[a] === 1 && this.agents.group[a] === group && this.agents.leaving[a] === 1) {
          this.agents.leaving[a] = 0;
          this.marked[group]!--;
          unmark--;
          this.offerWork(a);
        }
      }
      const add = target - effective - kept;
      const joined: number[] = [];
      for (let k = 0; k < add; k++) joined.push(this.agents.join(group, time));
      this.present[group]! += add;
      for (const a of joined) this.offerWork(a);
    }
    this.reportGroup(group);
  }
}
