import { EventCalendar, type EventHandler } from '../engine/index.js';
import { AgentPool } from './agentPool.js';
import { ArrivalProcess, volumeStreamName } from './arrivalProcess.js';
import { END_OF_DAY_GRACE_SECONDS, type ContactCenterConfig, type ContactTypeConfig, type InitialState } from './config.js';
import type { RandomStream } from '../random/index.js';
import { ContactPool, ContactState } from './contactPool.js';
import { BOT_CONTAINED, BOT_DROPOUT, BOT_ESCALATED, BOT_NONE, CustomerDraws } from './customerDraws.js';
import type { EscalationSpread } from './escalationSpread.js';
import * as E from './events.js';
import { FollowUps } from './followUps.js';
import { IntQueue } from './intQueue.js';
import type { ContactCenterObserver } from './observer.js';
import type { OutboundConfig } from './config.js';
import { routerFor } from './policyRouter.js';
import type { Router } from './router.js';
import type { ArrivalSource, ContactCenterOptions, StreamSource } from './options.js';
import { routingTable, type RoutingTable } from './routingTable.js';
import { Staffing } from './staffing.js';
import { Transfers, transfersUsed } from './transfers.js';
import { WaitingQueues } from './waitingQueues.js';

/**
 * One simulated horizon of a contact center: arrivals, bot stage, queues with priorities and
 * overflow, agents by staff plan, retrials and repeats, end of day (CONTRACT sections 1 and 4).
 * Staffing, follow-up contacts, draws and routing live in their own classes; this one routes the
 * events between them. Every piece of state lives in this instance; run it once.
 */
export class ContactCenter implements EventHandler {
  readonly calendar = new EventCalendar(1024);
  readonly contacts = new ContactPool(this.calendar);
  readonly agents = new AgentPool();
  readonly queues: WaitingQueues;
  readonly router: Router;

  private readonly types: readonly ContactTypeConfig[];
  private readonly arrivals: ArrivalSource;
  private readonly draws: CustomerDraws;
  /** Draws of contacts carried in at time 0 (intraday), from their own streams. */
  private readonly carriedDraws: CustomerDraws | null;
  private readonly carriedStreams: readonly RandomStream[];
  private readonly followUps: FollowUps;
  /** Transfers after service and conferences; null when no type transfers. */
  private readonly transfers: Transfers | null;
  private readonly staffing: Staffing;
  private readonly table: RoutingTable;
  /** Agents holding at least one contact, per group. */
  private readonly busy: Int32Array;
  /** Contacts in hand per group, in chat slots (a voice or email contact takes all of an agent's). */
  private readonly held: Int32Array;
  private readonly concurrency: Int32Array;
  private readonly isChat: Uint8Array;
  /** Types no agent of the last interval's staff can serve (set at the end of the last interval). */
  private readonly strandedAtEnd: Uint8Array;
  private readonly warmup: number;
  private readonly intervalLength: number;
  private readonly endOfDay: number;
  /** Phone lines (Infinity: unlimited) and the voice contacts holding one now. */
  private readonly lines: number;
  private linesInUse = 0;
  private readonly isVoice: Uint8Array;
  /** Queue cap per type (Infinity: none). */
  private readonly maxQueue: Float64Array;
  /** Past the end-of-day close (`closeQueueAt` "end"): whoever joins a queue is disconnected. */
  private closed = false;
  /** Callbacks per type, in acceptance order (null: the type offers none). */
  private readonly callbacks: (IntQueue | null)[];
  /** Acceptance draws per type (null: no callbacks). */
  private readonly callbackStreams: (RandomStream | null)[];
  /** Types with callbacks each group serves (empty for most groups). */
  private readonly callbackTypesOf: readonly (readonly number[])[];
  private readonly anyCallbacks: boolean;
  /** Outbound dialing per group (null: none), its draws, and agents on outbound per group. */
  private readonly outbound: readonly (OutboundConfig | null)[];
  private readonly outboundStreams: (RandomStream | null)[];
  private readonly onOutbound: Int32Array;
  private readonly anyOutbound: boolean;
  /** Per agent: the talk time its attempt will have if it connects (-1: it will not connect). */
  private talkOf = new Float64Array(16);
  /** `ccsim explain`'s bot-wave counterfactual (null: escalations keep their times). */
  private readonly escalations: EscalationSpread | null;
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
    this.table = routingTable(config);
    this.queues = new WaitingQueues(types.length, this.contacts);
    this.isChat = Uint8Array.from(types, (t) => (t.channel === 'chat' ? 1 : 0));
    this.isVoice = Uint8Array.from(types, (t) => (t.channel === 'voice' ? 1 : 0));
    this.lines = config.lines ?? Infinity;
    this.maxQueue = Float64Array.from(types, (t) => t.maxQueue ?? Infinity);
    this.callbacks = types.map((t) => (t.callback == null ? null : new IntQueue(16)));
    this.callbackStreams = types.map((t) => (t.callback == null ? null : streamOf(`callback:${t.id}`)));
    this.anyCallbacks = types.some((t) => t.callback != null);
    this.outbound = groups.map((g) => g.outbound ?? null);
    this.outboundStreams = groups.map((g) => (g.outbound == null ? null : streamOf(`outbound:${g.id}`)));
    this.onOutbound = new Int32Array(groups.length);
    this.anyOutbound = groups.some((g) => g.outbound != null);
    this.concurrency = Int32Array.from(groups, (g) => g.concurrency);
    this.escalations = options.escalations ?? null;
    this.router = (options.router ?? routerFor(config, streamOf))({
      agents: this.agents,
      contacts: this.contacts,
      queues: this.queues,
      table: this.table,
      groupsOfType: this.table.groupsOfType,
      typesOfGroup: this.table.typesOfGroup,
      isChat: this.isChat,
      concurrency: this.concurrency,
      clock: this.calendar,
    });
    this.arrivals =
      options.arrivals?.(config, streamOf) ??
      new ArrivalProcess(config, (t) => streamOf(`arrivals:${types[t]!.id}`), (t) => streamOf(volumeStreamName(types[t]!)));
    this.draws = new CustomerDraws(types, streamOf, this.contacts, groups);
    // Carried contacts draw from streams of their own, so fresh arrivals get exactly the draws
    // they get without them, and two what-ifs from the same state carry in the same customers.
    const carried = config.initial != null;
    this.carriedDraws = carried ? new CustomerDraws(types, (name) => streamOf(`carried:${name}`), this.contacts) : null;
    this.carriedStreams = carried ? types.map((t) => streamOf(`carried-remaining:${t.id}`)) : [];
    this.followUps = new FollowUps(this.calendar, this.contacts, this.draws, observer, this.warmup, this.intervalLength, this.endOfDay);
    this.transfers = transfersUsed(types) ? new Transfers(types, streamOf, this.contacts, this.draws, this.calendar) : null;
    this.staffing = new Staffing(groups, this.agents, this.router, this.calendar, this);
    this.busy = new Int32Array(groups.length);
    this.held = new Int32Array(groups.length);
    this.strandedAtEnd = new Uint8Array(types.length);
    this.callbackTypesOf = this.table.typesOfGroup.map((list) => list.filter((t) => types[t]!.callback != null));
  }

  /** Simulate the whole horizon, until every contact has left. */
  run(): void {
    if (this.ran) throw new Error('ContactCenter.run: a simulation instance runs once');
    this.ran = true;
    const cal = this.calendar;
    // Boundaries and staff changes are chained (each schedules the next when it runs), so the
    // calendar holds one of each at a time instead of a week's worth: they run in the same order
    // (no other event has their priorities), and the calendar's bucket work stays with the
    // events that are near.
    cal.post(this.warmup, E.BOUNDARY, 0, E.BOUNDARY_PRIORITY);
    this.staffing.start(E.STAFF, E.STAFF_PRIORITY);
    if (this.config.initial != null) cal.schedule(0, E.CARRY_IN, 0, E.CARRY_IN_PRIORITY);
    this.outbound.forEach((o, g) => {
      if (o?.dialRate != null) this.paceNextDial(g, 0);
    });
    this.config.closeQueue?.times.forEach((time, k) => cal.schedule(time, E.CLOSE, k));
    // Before the staff change of the same instant: agents joining then find no queue carried over.
    if (this.config.clearQueueAt != null) cal.schedule(this.config.clearQueueAt, E.CLOSE, -1, E.STAFF_PRIORITY - 1);
    for (let t = 0; t < this.types.length; t++) {
      this.arrivals.advance(t);
      const first = this.arrivals.nextTime[t]!;
      if (first < this.endOfDay) cal.post(first, E.ARRIVAL, t);
    }
    cal.run(this);
  }

  handle(kind: number, payload: number): void {
    // Handlers read the time from the calendar, never from an argument: see docs/architecture.md,
    // Hot loop rules.
    switch (kind) {
      case E.ARRIVAL:
        this.onArrival(payload);
        break;
      case E.SERVICE_END:
        this.onServiceEnd(payload);
        break;
      case E.WRAP_END:
        this.agentFinished(payload >> 1, payload & 1);
        break;
      case E.PATIENCE:
        this.onPatience(payload);
        break;
      case E.BOT_END:
        this.onBotEnd(payload);
        break;
      case E.OVERFLOW:
        this.onOverflow(payload);
        break;
      case E.RETRIAL:
        this.followUps.retry(payload);
        if (this.admitted(payload)) this.joinQueue(payload);
        break;
      case E.REPEAT: {
        const c = this.followUps.repeat(payload);
        if (this.admitted(c)) this.joinQueue(c);
        break;
      }
      case E.CLOSE:
        this.clearQueues();
        break;
      case E.DIAL:
        this.onPacedDial(payload);
        break;
      case E.RING_END:
        this.onRingEnd(payload);
        break;
      case E.OUTBOUND_END:
        this.endOutbound(payload);
        break;
      case E.CALLBACK_OFFER:
        this.contacts.callbackTimer[payload] = -1;
        this.offerCallback(payload);
        break;
      case E.STAFF:
        this.staffing.apply(payload);
        break;
      case E.BOUNDARY:
        this.onBoundary(payload);
        break;
      case E.CARRY_IN:
        this.carryIn(this.config.initial!);
        break;
      case E.DEADLINE:
        for (let t = 0; t < this.types.length; t++) this.strand(t);
        break;
    }
  }

  private onArrival(type: number): void {
    const time = this.calendar.now;
    // Advances from nextTime[type], which is this arrival's time (see ArrivalSource).
    this.arrivals.advance(type);
    const next = this.arrivals.nextTime[type]!;
    if (next < this.endOfDay) this.calendar.post(next, E.ARRIVAL, type);

    const pool = this.contacts;
    const interval = time < this.warmup ? -1 : Math.floor((time - this.warmup) / this.intervalLength);
    const c = pool.open(type, interval);
    this.draws.fresh(type, c);
    this.observer.arrived(type, interval, time, c);
    if (!this.admitted(c)) return;
    if (pool.botOutcome[c] === BOT_NONE) {
      this.joinQueue(c);
      return;
    }
    pool.state[c] = ContactState.InBot;
    this.observer.botEntered(type, interval, time, c);
    let end = time + pool.botDuration[c]!;
    if (this.escalations !== null && pool.botOutcome[c] === BOT_ESCALATED) end = this.escalations.timeOf(time, end);
    this.calendar.post(end, E.BOT_END, c);
  }

  private onBotEnd(c: number): void {
    const time = this.calendar.now;
    const pool = this.contacts;
    const outcome = pool.botOutcome[c];
    if (outcome === BOT_CONTAINED || outcome === BOT_DROPOUT) {
      if (outcome === BOT_CONTAINED) {
        this.observer.contained(pool.type[c]!, pool.interval[c]!, time, c);
        this.followUps.finished(c);
      } else this.observer.botDroppedOut(pool.type[c]!, pool.interval[c]!, time, c);
      this.leave(c);
      pool.release(c);
      return;
    }
    this.joinQueue(c);
  }

  /**
   * The state of now enters at time 0 (CONTRACT section 7): contacts in hand first, each on an
   * agent of its group with the remaining handle time drawn given the time already spent (then a
   * fresh wrap-up); they belong to no interval (like warm-up contacts). Then the waiting contacts,
   * longest-waiting first, each joining the line with its original join time (so its wait and
   * service level count from then) and the remaining patience drawn given its wait so far; they
   * count in interval 0 but not in `offered` (they joined before now). Once per run, not hot.
   */
  private carryIn(initial: InitialState): void {
    const pool = this.contacts;
    const draws = this.carriedDraws!;
    initial.inService.forEach((byType, g) => {
      byType.forEach((elapsedList, t) => {
        for (const elapsed of elapsedList) {
          const c = pool.open(t, -1);
          draws.fresh(t, c);
          pool.botOutcome[c] = BOT_NONE;
          pool.handleTime[c] = this.types[t]!.handleTime[0]!.sampleRemaining(this.carriedStreams[t]!, elapsed);
          pool.joinTime[c] = 0;
          this.takeLine(c);
          const agent = this.agentOfGroupFor(g, t);
          if (agent < 0) throw new RangeError(`initial state: no agent of group ${this.config.groups[g]!.id} free for a contact in hand at time 0`);
          this.serve(agent, c);
        }
      });
    });
    initial.waiting.forEach((waits, t) => {
      const patience = this.types[t]!.patience?.[0] ?? null;
      for (const wait of waits) {
        const c = pool.open(t, 0);
        draws.fresh(t, c);
        pool.botOutcome[c] = BOT_NONE;
        pool.patience[c] = patience === null ? Infinity : patience.sampleRemaining(this.carriedStreams[t]!, wait);
        this.takeLine(c);
        this.enterQueue(c, -wait);
      }
    });
  }

  /**
   * An agent of `group` to take a contact of `type` at time 0: an idle one, or for a chat one
   * already holding chats with a slot free.
   */
  private agentOfGroupFor(group: number, type: number): number {
    const idle = this.router.takeIdleAgent(group);
    if (idle >= 0 || this.isChat[type] !== 1) return idle;
    const agents = this.agents;
    // At time 0 no agent has left yet: every slot below capacity is present.
    for (let a = 0; a < agents.capacity; a++) {
      if (agents.group[a] === group && agents.exclusive[a] === 0 && agents.load[a]! < this.concurrency[group]!) {
        this.router.agentUnavailable(a);
        return a;
      }
    }
    return -1;
  }

  /**
   * The contact is offered to the agents: answered at once by a free agent, or it waits; or,
   * when no agent takes it and its type's queue is at `maxQueue`, it is blocked (never offered).
   */
  private joinQueue(c: number): void {
    const time = this.calendar.now;
    const pool = this.contacts;
    const type = pool.type[c]!;
    if (this.queues.waiting[type]! >= this.maxQueue[type]! && this.strandedAtEnd[type] === 0 && !this.closed) {
      const agent = this.router.takeAgent(type);
      if (agent < 0) {
        this.leave(c);
        this.block(c);
        return;
      }
      this.observer.queued(type, pool.interval[c]!, time, c);
      pool.joinTime[c] = time;
      this.serve(agent, c);
      return;
    }
    this.observer.queued(type, pool.interval[c]!, time, c);
    this.enterQueue(c, time);
  }

  /**
   * Whether contact `c` (fresh, retrying or repeating) gets into the system: a voice contact
   * takes a phone line, or is blocked when every line is taken. Other channels always get in.
   */
  private admitted(c: number): boolean {
    if (this.lines === Infinity || this.isVoice[this.contacts.type[c]!] === 0) return true;
    if (this.linesInUse >= this.lines) {
      this.block(c);
      return false;
    }
    this.observer.linesLevel(this.calendar.now, ++this.linesInUse);
    return true;
  }

  /** A carried contact (intraday) holds a line whatever the count: it is already in the system. */
  private takeLine(c: number): void {
    if (this.lines !== Infinity && this.isVoice[this.contacts.type[c]!] === 1) this.observer.linesLevel(this.calendar.now, ++this.linesInUse);
  }

  /** Contact `c` leaves the system: a voice contact frees its line (and a conference its first agent). */
  private leave(c: number): void {
    if (this.lines !== Infinity && this.isVoice[this.contacts.type[c]!] === 1 && this.contacts.callback[c] === 0) {
      this.observer.linesLevel(this.calendar.now, --this.linesInUse);
    }
    if (this.transfers !== null) this.transfers.left(c);
  }

  /** `c` never got to the queue: reported blocked; it may try again, as after abandoning. */
  private block(c: number): void {
    const pool = this.contacts;
    this.observer.blocked(pool.type[c]!, pool.interval[c]!, this.calendar.now, c);
    this.followUps.abandoned(c);
    pool.release(c);
  }

  /** Contact `c`, in line since `joinTime` (now, or before time 0 for a carried contact), meets the agents. */
  private enterQueue(c: number, joinTime: number): void {
    const time = this.calendar.now;
    const pool = this.contacts;
    const type = pool.type[c]!;
    pool.joinTime[c] = joinTime;
    if (this.strandedAtEnd[type] === 1 || this.closed) {
      if (this.closed) this.observer.disconnected(type, pool.interval[c]!, time, time - joinTime, c);
      else this.observer.unresolved(type, pool.interval[c]!, time, 0, c);
      this.leave(c);
      pool.release(c);
      return;
    }
    const agent = this.router.takeAgent(type);
    if (agent >= 0) {
      this.serve(agent, c);
      return;
    }
    pool.state[c] = ContactState.Waiting;
    this.queues.push(type, c);
    this.observer.queueLevel(type, time, this.queues.waiting[type]!);
    const patience = pool.patience[c]!;
    if (patience !== Infinity) pool.timer[c] = this.calendar.schedule(time + patience, E.PATIENCE, c);
    if (this.table.overflowLevels[type]!.length > 0) this.armOverflow(c, 0);
    const callback = this.types[type]!.callback;
    if (callback != null) {
      if (callback.offerAfter !== Infinity) {
        pool.callbackTimer[c] = this.calendar.schedule(Math.max(time, joinTime + callback.offerAfter), E.CALLBACK_OFFER, c);
      } else if (this.estimatedWait(type, pool.interval[c]!) > callback.ewtAbove) this.offerCallback(c);
    }
  }

  /**
   * The wait an ACD would announce to a caller joining `type`'s queue now (docs/contract.md
   * section 8): position in line (the waiting contacts of its type, itself included) x the
   * type's mean handle time of the contact's interval / agents present in the groups that serve
   * the type; Infinity when none is present.
   */
  private estimatedWait(type: number, interval: number): number {
    const dists = this.types[type]!.handleTime;
    const aht = dists[interval < 0 ? 0 : Math.min(interval, dists.length - 1)]!.mean;
    let agents = 0;
    for (const g of this.table.groupsOfType[type]!) agents += this.staffing.present[g]!;
    return agents === 0 ? Infinity : (this.queues.waiting[type]! * aht) / agents;
  }

  /**
   * Waiting caller `c` is offered a callback. If it accepts (one uniform from `callback:<type>`)
   * it leaves the queue and its line, no longer abandons, and waits as a fresh record in its
   * type's callback queue from now; an idle agent who may serve the type calls it back at once.
   */
  private offerCallback(c: number): void {
    const time = this.calendar.now;
    const pool = this.contacts;
    const type = pool.type[c]!;
    const interval = pool.interval[c]!;
    const accepted = this.callbackStreams[type]!.next() < this.types[type]!.callback!.acceptance;
    this.observer.callbackOffered(type, interval, time, time - pool.joinTime[c]!, c, accepted);
    if (!accepted) return;
    this.cancelTimers(c);
    this.queues.remove(type, c);
    this.leave(c);
    this.observer.queueLevel(type, time, this.queues.waiting[type]!);
    const r = pool.open(type, interval);
    pool.arrivalTime[r] = pool.arrivalTime[c]!;
    pool.handleTime[r] = pool.handleTime[c]!;
    pool.wrapUp[r] = pool.wrapUp[c]!;
    pool.repeat[r] = pool.repeat[c]!;
    pool.repeatDelay[r] = pool.repeatDelay[c]!;
    pool.retry[r] = 0;
    pool.patience[r] = Infinity;
    pool.botOutcome[r] = BOT_NONE;
    pool.callback[r] = 1;
    pool.joinTime[r] = time;
    pool.state[r] = ContactState.Callback;
    const agent = this.router.takeAgent(type);
    if (agent >= 0) {
      this.serve(agent, r);
      return;
    }
    this.callbacks[type]!.push(r);
  }

  /**
   * The callback idle `agent` makes now, or -1: among the types its group serves, the oldest
   * due one (its window has ended) when `dueOnly`, else the oldest of all.
   */
  private takeCallback(agent: number, dueOnly: boolean): number {
    const types = this.callbackTypesOf[this.agents.group[agent]!]!;
    if (types.length === 0) return -1;
    const pool = this.contacts;
    const now = this.calendar.now;
    let best = -1;
    let bestType = -1;
    for (const t of types) {
      const q = this.callbacks[t]!;
      if (q.length === 0) continue;
      const c = q.peek();
      if (dueOnly && pool.joinTime[c]! + this.types[t]!.callback!.window > now) continue;
      if (best < 0 || pool.joinTime[c]! < pool.joinTime[best]!) {
        best = c;
        bestType = t;
      }
    }
    if (best >= 0) this.callbacks[bestType]!.shift();
    return best;
  }

  /** `agent`, just taken from the router, serves `c`, then is handed back if it can take more. */
  private serve(agent: number, c: number): void {
    this.startService(agent, c);
    this.router.agentAvailable(agent);
    this.reportGroup(this.agents.group[agent]!);
  }

  /** Schedule the moment waiting contact `c` reaches overflow delay number `level` of its type. */
  private armOverflow(c: number, level: number): void {
    const pool = this.contacts;
    const levels = this.table.overflowLevels[pool.type[c]!]!;
    if (level >= levels.length) return;
    pool.overflowLevel[c] = level;
    // A carried contact may have waited past an overflow delay already: it overflows now.
    pool.overflowTimer[c] = this.calendar.schedule(Math.max(this.calendar.now, pool.joinTime[c]! + levels[level]!), E.OVERFLOW, c);
  }

  /**
   * Waiting contact `c` has waited out an overflow delay: more groups may take its type now.
   * Contacts of its type that waited longer go first (any agent free for `c` is free for them).
   */
  private onOverflow(c: number): void {
    const time = this.calendar.now;
    const pool = this.contacts;
    const type = pool.type[c]!;
    pool.overflowTimer[c] = -1;
    while (pool.state[c] === ContactState.Waiting) {
      const head = this.queues.head(type);
      const agent = this.router.takeAgentFor(head);
      if (agent < 0) break;
      this.queues.shift(type);
      this.observer.queueLevel(type, time, this.queues.waiting[type]!);
      this.serve(agent, head);
    }
    if (pool.state[c] === ContactState.Waiting) this.armOverflow(c, pool.overflowLevel[c]! + 1);
  }

  /**
   * `agent`, out of the router's index, takes contact `c` now. A voice or email contact takes the
   * whole agent (all its chat slots); a chat takes one slot. The handle time drawn at arrival is
   * scaled by the group's proficiency and, for a chat, the concurrency factor of the chats held.
   */
  private startService(agent: number, c: number): void {
    const time = this.calendar.now;
    const pool = this.contacts;
    const agents = this.agents;
    const table = this.table;
    const group = agents.group[agent]!;
    const type = pool.type[c]!;
    if (agents.load[agent] === 0) this.busy[group]!++;
    const load = ++agents.load[agent]!;
    let handle = pool.handleTime[c]! * table.handleFactor[group * table.types + type]!;
    if (this.isChat[type] === 1) {
      this.held[group]!++;
      handle *= table.concurrencyFactor[type * table.maxSlots + load - 1]!;
    } else {
      agents.exclusive[agent] = 1;
      this.held[group]! += this.concurrency[group]!;
    }
    // A callback being made (not one transferred on after it: that caller is on the line live).
    const callback = pool.state[c] === ContactState.Callback;
    pool.state[c] = ContactState.InService;
    pool.agentOf[c] = agent;
    this.cancelTimers(c);
    this.draws.groupWrapUp(group, c);
    if (callback) this.observer.callbackMade(type, pool.interval[c]!, time, time - pool.joinTime[c]!, c, agent, group, handle + pool.wrapUp[c]!);
    else this.observer.answered(type, pool.interval[c]!, time, time - pool.joinTime[c]!, c, agent, group, handle + pool.wrapUp[c]!);
    if (this.transfers !== null) this.transfers.answered(c);
    this.calendar.post(time + handle, E.SERVICE_END, c);
  }

  private cancelTimers(c: number): void {
    const pool = this.contacts;
    if (pool.timer[c]! >= 0) {
      this.calendar.cancel(pool.timer[c]!);
      pool.timer[c] = -1;
    }
    if (pool.overflowTimer[c]! >= 0) {
      this.calendar.cancel(pool.overflowTimer[c]!);
      pool.overflowTimer[c] = -1;
    }
    if (pool.callbackTimer[c]! >= 0) {
      this.calendar.cancel(pool.callbackTimer[c]!);
      pool.callbackTimer[c] = -1;
    }
  }

  private onServiceEnd(c: number): void {
    const time = this.calendar.now;
    const pool = this.contacts;
    const agent = pool.agentOf[c]!;
    const wrap = pool.wrapUp[c]!;
    const chat = this.isChat[pool.type[c]!]!;
    this.observer.handled(pool.type[c]!, time, c, agent);
    const conference = this.transfers === null ? -1 : this.transfers.atServiceEnd(c);
    if (conference >= 0) {
      if (this.transferred(c, agent, chat, wrap, conference)) return;
    } else {
      this.followUps.finished(c);
      this.leave(c);
      pool.release(c);
    }
    if (wrap > 0) {
      // After-contact work keeps the contact's slot (the whole agent for voice and email).
      this.calendar.post(time + wrap, E.WRAP_END, (agent << 1) | chat);
      return;
    }
    this.agentFinished(agent, chat);
  }

  /**
   * `agent` has just transferred `c` (now of its new type): the contact, keeping its line, joins
   * that type's queue, before the agent takes anything new. Returns true in a conference: the
   * agent stays on the call, released by Transfers (then its wrap-up) when the new type's agent
   * answers or the caller leaves.
   */
  private transferred(c: number, agent: number, chat: number, wrap: number, conference: number): boolean {
    const pool = this.contacts;
    this.observer.transferred(pool.type[c]!, pool.interval[c]!, this.calendar.now, c, agent);
    const stays = conference > 0;
    // Held before the contact meets the agents: an answer at once already ends the conference.
    if (stays) this.transfers!.hold(c, (agent << 1) | chat, conference, wrap);
    this.joinQueue(c);
    return stays;
  }

  /**
   * `agent` has finished a contact (and its wrap-up). If its group owes agents (a staff cut, a
   * break, a shift end) it goes home once it holds nothing; otherwise it takes new work.
   */
  private agentFinished(agent: number, chat: number): void {
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
      agents.idleSince[agent] = this.calendar.now;
    }
    if (!this.staffing.goingHome(agent, idle)) this.offerWork(agent);
    this.reportGroup(group);
  }

  reportGroup(group: number): void {
    const time = this.calendar.now;
    const present = this.staffing.present[group]!;
    this.observer.groupLevels(group, time, present, this.busy[group]!, present * this.concurrency[group]!, this.held[group]!);
  }

  /**
   * An agent with spare capacity takes waiting contacts its router picks (chats up to its
   * group's concurrency), then is handed back to the router if it can take more.
   */
  offerWork(agent: number): void {
    const time = this.calendar.now;
    const agents = this.agents;
    const cap = this.concurrency[agents.group[agent]!]!;
    // Callbacks (voice: an idle agent only): a due one before live callers, others after them.
    if (this.anyCallbacks && agents.load[agent] === 0) {
      const due = this.takeCallback(agent, true);
      if (due >= 0) this.startService(agent, due);
    }
    while (agents.exclusive[agent] === 0 && agents.load[agent]! < cap) {
      const c = this.router.takeContact(agent);
      if (c < 0) break;
      const type = this.contacts.type[c]!;
      this.observer.queueLevel(type, time, this.queues.waiting[type]!);
      this.startService(agent, c);
    }
    if (this.anyCallbacks && agents.load[agent] === 0) {
      const c = this.takeCallback(agent, false);
      if (c >= 0) this.startService(agent, c);
    }
    if (this.anyOutbound && agents.load[agent] === 0) {
      const group = agents.group[agent]!;
      const o = this.outbound[group];
      if (o != null && o.dialRate === null && this.mayDial(group, o)) this.dial(agent);
    }
    this.router.agentAvailable(agent);
  }

  /**
   * The blend rule (ContactCenters' Blend): `group` may dial while more than `idleAbove` of its
   * present agents are idle, before the end of the last interval.
   */
  private mayDial(group: number, o: OutboundConfig): boolean {
    return this.calendar.now < this.endOfDay && this.staffing.present[group]! - this.busy[group]! > o.idleAbove;
  }

  /** The next paced attempt of `group`, an exponential gap after `from` (inside the day). */
  private paceNextDial(group: number, from: number): void {
    const o = this.outbound[group]!;
    const next = from - Math.log(1 - this.outboundStreams[group]!.next()) / o.dialRate!;
    if (next < this.endOfDay) this.calendar.post(next, E.DIAL, group);
  }

  /** A paced attempt: made by the group's longest-idle agent if the blend rule allows, else lost. */
  private onPacedDial(group: number): void {
    const o = this.outbound[group]!;
    if (this.mayDial(group, o)) {
      const agent = this.router.takeIdleAgent(group);
      if (agent >= 0) {
        this.dial(agent);
        this.router.agentAvailable(agent);
      }
    }
    this.paceNextDial(group, this.calendar.now);
  }

  /**
   * Idle `agent`, out of the router's index, dials: busy (the whole agent) for `dialSeconds`,
   * then talking if the attempt connects. Both draws (connect, talk time) are made now, from
   * `outbound:<group id>`, so each attempt takes the same two uniforms' worth of draws.
   */
  private dial(agent: number): void {
    const time = this.calendar.now;
    const agents = this.agents;
    const group = agents.group[agent]!;
    const o = this.outbound[group]!;
    const stream = this.outboundStreams[group]!;
    if (agent >= this.talkOf.length) {
      const grown = new Float64Array(Math.max(agent + 1, 2 * this.talkOf.length));
      grown.set(this.talkOf);
      this.talkOf = grown;
    }
    const connects = stream.next() < o.connectRate;
    o.handleTime.sampleInto(stream, this.talkOf, agent);
    if (!connects) this.talkOf[agent] = -1;
    this.busy[group]!++;
    agents.load[agent] = 1;
    agents.exclusive[agent] = 1;
    this.held[group]! += this.concurrency[group]!;
    this.observer.outboundDialed(group, time, agent);
    this.observer.outboundLevel(group, time, ++this.onOutbound[group]!);
    this.reportGroup(group);
    this.calendar.post(time + o.dialSeconds, E.RING_END, agent);
  }

  private onRingEnd(agent: number): void {
    const talk = this.talkOf[agent]!;
    if (talk < 0) {
      this.endOutbound(agent);
      return;
    }
    const time = this.calendar.now;
    this.observer.outboundConnected(this.agents.group[agent]!, time, agent, talk);
    this.calendar.post(time + talk, E.OUTBOUND_END, agent);
  }

  /** `agent`'s outbound attempt or call is over: it is free for inbound work (or dials again). */
  private endOutbound(agent: number): void {
    const group = this.agents.group[agent]!;
    this.observer.outboundLevel(group, this.calendar.now, --this.onOutbound[group]!);
    this.agentFinished(agent, 0);
  }

  private onPatience(c: number): void {
    const time = this.calendar.now;
    const pool = this.contacts;
    if (pool.state[c] !== ContactState.Waiting) return;
    const type = pool.type[c]!;
    pool.timer[c] = -1;
    this.cancelTimers(c);
    this.queues.remove(type, c);
    this.leave(c);
    this.observer.abandoned(type, pool.interval[c]!, time, time - pool.joinTime[c]!, c);
    this.observer.queueLevel(type, time, this.queues.waiting[type]!);
    this.followUps.abandoned(c);
  }

  private onBoundary(interval: number): void {
    const time = this.calendar.now;
    this.observer.intervalStarted(interval, time);
    if (interval < this.config.intervals) {
      this.calendar.post(this.warmup + (interval + 1) * this.intervalLength, E.BOUNDARY, interval + 1, E.BOUNDARY_PRIORITY);
      return;
    }
    if (this.config.closeQueue?.atEnd === true) {
      this.clearQueues();
      this.closed = true;
    }
    const final = this.staffing.finalStaff;
    for (let t = 0; t < this.types.length; t++) {
      const groups = this.table.groupsOfType[t]!;
      let capacity = 0;
      for (const g of groups) capacity += final[g]!;
      if (capacity === 0) {
        this.strandedAtEnd[t] = 1;
        this.strand(t);
      }
    }
    this.calendar.schedule(time + END_OF_DAY_GRACE_SECONDS, E.DEADLINE, 0);
  }

  /** Every callback still pending and every contact still waiting of `type` is counted unresolved and leaves. */
  private strand(type: number): void {
    const time = this.calendar.now;
    const pool = this.contacts;
    const callbacks = this.callbacks[type];
    while (callbacks != null && callbacks.length > 0) {
      const c = callbacks.shift();
      this.observer.unresolved(type, pool.interval[c]!, time, time - pool.joinTime[c]!, c);
      pool.release(c);
    }
    this.emptyQueue(type, false);
  }

  /** `closeQueueAt`: every waiting contact is disconnected and leaves (no retrial). */
  private clearQueues(): void {
    for (let type = 0; type < this.types.length; type++) this.emptyQueue(type, true);
  }

  /**
   * Every contact waiting in `type`'s queue leaves now, longest-waiting first: reported
   * `unresolved` (end of day), or `disconnected` when the queue is closed (`closeQueueAt`).
   */
  private emptyQueue(type: number, disconnected: boolean): void {
    if (this.queues.waiting[type] === 0) return;
    const time = this.calendar.now;
    const pool = this.contacts;
    this.queues.drain(type, (c) => {
      this.cancelTimers(c);
      this.leave(c);
      const wait = time - pool.joinTime[c]!;
      if (disconnected) this.observer.disconnected(type, pool.interval[c]!, time, wait, c);
      else this.observer.unresolved(type, pool.interval[c]!, time, wait, c);
    });
    this.observer.queueLevel(type, time, 0);
  }
}
