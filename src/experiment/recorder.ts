import type { ContactCenterConfig, ContactCenterObserver } from '../model/index.js';
import { TimeWeighted } from '../stats/index.js';
import {
  GROUP_LEVELS,
  GROUP_MEASURES,
  GroupMeasure,
  TYPE_MEASURES,
  TypeMeasure,
  type MeasureLayout,
  type ReplicationResult,
} from './measures.js';
import { waitBin, WaitCounts } from './waitHistogram.js';

/** This thread's wait counts, shared by its recorders (see WaitCounts). */
const threadWaits = new WaitCounts();

/**
 * Observes one replication and fills its measure tables (the statistics of CONTRACT sections 2
 * and 4). Cost: each group's staffed time inside the horizon at its `costPerHour` is attributed
 * to the contacts it served, in proportion to the agent time each took (handle + wrap-up), so
 * idle time is paid for by the work; a group that served nothing charges each interval's cost to
 * its skills equally. Bot sessions add `costPerSession` each.
 */
export class Recorder implements ContactCenterObserver {
  readonly types: Float64Array;
  readonly groups: Float64Array;
  events = 0;

  private readonly layout: MeasureLayout;
  private readonly slSeconds: Float64Array;
  private readonly shortAbandonSeconds: Float64Array;
  private readonly sessionCost: Float64Array;
  private readonly callbackWindow: Float64Array;
  private readonly endOfDay: number;
  private readonly warmup: number;
  /** Signals per group: busy, present, busy slots, present slots. */
  private readonly agentLevels: TimeWeighted;
  private readonly queueLevels: TimeWeighted;
  /** Phone lines in use (one signal), and their line-seconds over the day's intervals. */
  private readonly lineLevels = new TimeWeighted(1);
  private lineSeconds = 0;
  /** Agents on outbound per group. */
  private readonly outboundLevels: TimeWeighted;
  /** Agent seconds of work per (group, type, interval), for cost attribution. */
  private readonly work: Float64Array;
  /** Interval whose clock time is running (-1 warm-up, `intervals` after the day). */
  private clockInterval = -1;
  private costed = false;
  /** Answered waits per (type, interval, bin): this thread's table while running, then sparse. */
  private readonly waits = threadWaits;
  private sparseWaits: { bins: Uint32Array; counts: Uint32Array } | null = null;

  constructor(private readonly config: ContactCenterConfig) {
    this.layout = { types: config.types.length, groups: config.groups.length, intervals: config.intervals };
    this.types = new Float64Array(this.layout.types * this.layout.intervals * TYPE_MEASURES);
    this.groups = new Float64Array(this.layout.groups * this.layout.intervals * GROUP_MEASURES);
    this.slSeconds = Float64Array.from(config.types, (t) => t.serviceLevelSeconds);
    this.shortAbandonSeconds = Float64Array.from(config.types, (t) => t.shortAbandonSeconds ?? -1);
    this.sessionCost = Float64Array.from(config.types, (t) => t.bot?.costPerSession ?? 0);
    this.callbackWindow = Float64Array.from(config.types, (t) => t.callback?.window ?? Infinity);
    this.endOfDay = config.warmupSeconds + config.intervals * config.intervalSeconds;
    this.warmup = config.warmupSeconds;
    this.agentLevels = new TimeWeighted(this.layout.groups, GROUP_LEVELS);
    this.outboundLevels = new TimeWeighted(this.layout.groups);
    this.queueLevels = new TimeWeighted(this.layout.types);
    this.work = new Float64Array(this.layout.groups * this.layout.types * this.layout.intervals);
    this.waits.acquire(this, this.layout.types * this.layout.intervals);
  }

  result(replication: number): Omit<ReplicationResult, 'observations'> {
    if (!this.costed) this.attributeAgentCost();
    this.costed = true;
    const { groups, types, intervals } = this.layout;
    const groupTypeWork = new Float64Array(groups * types);
    for (let k = 0; k < groups * types; k++) {
      for (let i = 0; i < intervals; i++) groupTypeWork[k]! += this.work[k * intervals + i]!;
    }
    const waits = (this.sparseWaits ??= this.waits.take(this));
    return {
      replication,
      types: this.types,
      waitBins: waits.bins,
      waitCounts: waits.counts,
      groups: this.groups,
      events: this.events,
      groupTypeWork,
      lineSeconds: this.lineSeconds,
    };
  }

  private bump(type: number, interval: number, measure: number, by = 1): void {
    if (interval >= 0) this.types[(type * this.layout.intervals + interval) * TYPE_MEASURES + measure]! += by;
  }

  arrived(type: number, interval: number, time: number): void {
    if (time < this.endOfDay) this.events++;
    this.bump(type, interval, TypeMeasure.arrivals);
  }

  botEntered(type: number, interval: number): void {
    this.bump(type, interval, TypeMeasure.botEntered);
    this.bump(type, interval, TypeMeasure.cost, this.sessionCost[type]!);
  }

  contained(type: number, interval: number): void {
    this.bump(type, interval, TypeMeasure.contained);
  }

  botDroppedOut(type: number, interval: number): void {
    this.bump(type, interval, TypeMeasure.botDropouts);
  }

  retried(type: number, interval: number, time: number): void {
    if (time < this.endOfDay) this.events++;
    this.bump(type, interval, TypeMeasure.retrials);
  }

  repeated(type: number, interval: number, time: number): void {
    if (time < this.endOfDay) this.events++;
    this.bump(type, interval, TypeMeasure.repeats);
  }

  queued(type: number, interval: number): void {
    this.bump(type, interval, TypeMeasure.offered);
  }

  answered(type: number, interval: number, time: number, wait: number, _c: number, _a: number, group: number, work: number): void {
    if (time < this.endOfDay) this.events++;
    if (interval < 0) return;
    const { intervals, types } = this.layout;
    const cell = type * intervals + interval;
    const at = cell * TYPE_MEASURES;
    const t = this.types;
    t[at + TypeMeasure.answered]!++;
    t[at + TypeMeasure.waitAnswered]! += wait;
    if (wait <= this.slSeconds[type]!) t[at + TypeMeasure.answeredInTime]!++;
    this.waits.count(cell, waitBin(wait));
    t[at + TypeMeasure.work]! += work;
    this.work[(group * types + type) * intervals + interval]! += work;
  }

  handled(_type: number, time: number): void {
    if (time < this.endOfDay) this.events++;
  }

  abandoned(type: number, interval: number, time: number, wait: number): void {
    if (time < this.endOfDay) this.events++;
    this.bump(type, interval, TypeMeasure.abandoned);
    this.bump(type, interval, TypeMeasure.waitAbandoned, wait);
    if (wait <= this.shortAbandonSeconds[type]!) this.bump(type, interval, TypeMeasure.shortAbandoned);
  }

  unresolved(type: number, interval: number): void {
    this.bump(type, interval, TypeMeasure.unresolved);
  }

  blocked(type: number, interval: number, time: number): void {
    if (time < this.endOfDay) this.events++;
    this.bump(type, interval, TypeMeasure.blocked);
  }

  disconnected(type: number, interval: number): void {
    this.bump(type, interval, TypeMeasure.disconnected);
  }

  callbackOffered(type: number, interval: number, _time: number, _wait: number, _c: number, accepted: boolean): void {
    this.bump(type, interval, TypeMeasure.callbacksOffered);
    if (accepted) this.bump(type, interval, TypeMeasure.callbacksAccepted);
  }

  callbackMade(type: number, interval: number, time: number, wait: number, _c: number, _a: number, group: number, work: number): void {
    if (time < this.endOfDay) this.events++;
    if (interval < 0) return;
    const { intervals, types } = this.layout;
    const at = (type * intervals + interval) * TYPE_MEASURES;
    const t = this.types;
    t[at + TypeMeasure.answered]!++;
    t[at + TypeMeasure.callbacksMade]!++;
    t[at + TypeMeasure.callbackWait]! += wait;
    if (wait <= this.callbackWindow[type]!) t[at + TypeMeasure.callbacksInWindow]!++;
    t[at + TypeMeasure.work]! += work;
    this.work[(group * types + type) * intervals + interval]! += work;
  }

  transferred(type: number, interval: number, time: number): void {
    if (time < this.endOfDay) this.events++;
    this.bump(type, interval, TypeMeasure.transfers);
  }

  groupLevels(group: number, time: number, present: number, busy: number, slots: number, busySlots: number): void {
    // A group's four signals change together, in GroupMeasure order: busy, staffed, slots busy, slots staffed.
    this.agentLevels.set4(group, time, busy, present, busySlots, slots);
  }

  outboundDialed(group: number, time: number): void {
    if (time < this.endOfDay) this.events++;
    this.bumpGroup(group, time, GroupMeasure.outboundAttempts);
  }

  outboundConnected(group: number, time: number): void {
    this.bumpGroup(group, time, GroupMeasure.outboundConnects);
  }

  outboundLevel(group: number, time: number, agents: number): void {
    this.outboundLevels.set(group, time, agents);
  }

  /**
   * Count a group event in the interval of clock time `time` (none in warm-up or after the day;
   * from the time, not the running interval: a dial at time 0 comes before interval 0's boundary).
   */
  private bumpGroup(group: number, time: number, measure: number): void {
    if (time < this.warmup || time >= this.endOfDay) return;
    const i = Math.floor((time - this.warmup) / this.config.intervalSeconds);
    this.groups[(group * this.layout.intervals + i) * GROUP_MEASURES + measure]!++;
  }

  linesLevel(time: number, inUse: number): void {
    this.lineLevels.set(0, time, inUse);
  }

  queueLevel(type: number, time: number, waiting: number): void {
    this.queueLevels.set(type, time, waiting);
  }

  intervalStarted(interval: number, time: number): void {
    const ended = this.clockInterval;
    const { intervals } = this.layout;
    const inDay = ended >= 0 && ended < intervals;
    // Signal i is measure (i % GROUP_LEVELS) of group floor(i / GROUP_LEVELS), in GroupMeasure order.
    const agents = this.agentLevels;
    const outbound = this.outboundLevels;
    const lines = this.lineLevels;
    const queues = this.queueLevels;
    agents.settle(time);
    outbound.settle(time);
    lines.settle(time);
    queues.settle(time);
    if (inDay) {
      for (let i = 0; i < agents.area.length; i++) {
        const group = Math.floor(i / GROUP_LEVELS);
        this.groups[(group * intervals + ended) * GROUP_MEASURES + (i % GROUP_LEVELS)] = agents.area[i]!;
      }
      for (let group = 0; group < outbound.area.length; group++) {
        this.groups[(group * intervals + ended) * GROUP_MEASURES + GroupMeasure.outboundBusy] = outbound.area[group]!;
      }
      this.lineSeconds += lines.area[0]!;
      for (let type = 0; type < queues.area.length; type++) {
        this.types[(type * intervals + ended) * TYPE_MEASURES + TypeMeasure.queueArea] = queues.area[type]!;
      }
    }
    agents.restart();
    outbound.restart();
    lines.restart();
    queues.restart();
    this.clockInterval = interval;
  }

  /** Spread each group's staffed cost over the contacts it served (see the class comment). */
  private attributeAgentCost(): void {
    const { intervals, types } = this.layout;
    this.config.groups.forEach((g, gi) => {
      const rate = g.costPerHour / 3600;
      if (rate === 0) return;
      let staffed = 0;
      for (let i = 0; i < intervals; i++) staffed += this.groups[(gi * intervals + i) * GROUP_MEASURES + GroupMeasure.staffed]!;
      const base = gi * types * intervals;
      let work = 0;
      for (let k = 0; k < types * intervals; k++) work += this.work[base + k]!;
      for (let t = 0; t < types; t++) {
        for (let i = 0; i < intervals; i++) {
          const share =
            work > 0
              ? (staffed * rate * this.work[base + t * intervals + i]!) / work
              : g.skills.some((s) => s.type === t)
                ? (this.groups[(gi * intervals + i) * GROUP_MEASURES + GroupMeasure.staffed]! * rate) / g.skills.length
                : 0;
          this.types[(t * intervals + i) * TYPE_MEASURES + TypeMeasure.cost]! += share;
        }
      }
    });
  }
}
