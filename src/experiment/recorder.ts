import type { ContactCenterConfig, ContactCenterObserver } from '../model/index.js';
import { TimeWeighted } from '../stats/index.js';
import {
  GROUP_MEASURES,
  TYPE_MEASURES,
  TypeMeasure,
  type MeasureLayout,
  type ReplicationResult,
} from './measures.js';

/** Observes one replication and fills its measure tables (the statistics of CONTRACT section 2). */
export class Recorder implements ContactCenterObserver {
  readonly types: Float64Array;
  readonly groups: Float64Array;
  events = 0;

  private readonly layout: MeasureLayout;
  private readonly slSeconds: Float64Array;
  private readonly endOfDay: number;
  /** Signals per group: busy, present, busy slots, present slots. */
  private readonly agentLevels: TimeWeighted;
  private readonly queueLevels: TimeWeighted;
  /** Interval whose clock time is running (-1 warm-up, `intervals` after the day). */
  private clockInterval = -1;

  constructor(config: ContactCenterConfig) {
    this.layout = { types: config.types.length, groups: config.groups.length, intervals: config.intervals };
    this.types = new Float64Array(this.layout.types * this.layout.intervals * TYPE_MEASURES);
    this.groups = new Float64Array(this.layout.groups * this.layout.intervals * GROUP_MEASURES);
    this.slSeconds = Float64Array.from(config.types, (t) => t.serviceLevelSeconds);
    this.endOfDay = config.warmupSeconds + config.intervals * config.intervalSeconds;
    this.agentLevels = new TimeWeighted(this.layout.groups, GROUP_MEASURES);
    this.queueLevels = new TimeWeighted(this.layout.types);
  }

  result(replication: number): ReplicationResult {
    return { replication, types: this.types, groups: this.groups, events: this.events };
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
  }

  contained(type: number, interval: number): void {
    this.bump(type, interval, TypeMeasure.contained);
  }

  queued(type: number, interval: number): void {
    this.bump(type, interval, TypeMeasure.offered);
  }

  answered(type: number, interval: number, time: number, wait: number): void {
    if (time < this.endOfDay) this.events++;
    if (interval < 0) return;
    const at = (type * this.layout.intervals + interval) * TYPE_MEASURES;
    const t = this.types;
    t[at + TypeMeasure.answered]!++;
    t[at + TypeMeasure.waitAnswered]! += wait;
    if (wait <= this.slSeconds[type]!) t[at + TypeMeasure.answeredInTime]!++;
  }

  handled(_type: number, time: number): void {
    if (time < this.endOfDay) this.events++;
  }

  abandoned(type: number, interval: number, time: number, wait: number): void {
    if (time < this.endOfDay) this.events++;
    this.bump(type, interval, TypeMeasure.abandoned);
    this.bump(type, interval, TypeMeasure.waitAbandoned, wait);
  }

  unresolved(type: number, interval: number): void {
    this.bump(type, interval, TypeMeasure.unresolved);
  }

  groupLevels(group: number, time: number, present: number, busy: number, slots: number, busySlots: number): void {
    // A group's four signals change together, in GroupMeasure order: busy, staffed, slots busy, slots staffed.
    this.agentLevels.set4(group, time, busy, present, busySlots, slots);
  }

  queueLevel(type: number, time: number, waiting: number): void {
    this.queueLevels.set(type, time, waiting);
  }

  intervalStarted(interval: number, time: number): void {
    const ended = this.clockInterval;
    const { intervals } = this.layout;
    const inDay = ended >= 0 && ended < intervals;
    // Signal i is measure (i % GROUP_MEASURES) of group floor(i / GROUP_MEASURES), in GroupMeasure order.
    this.agentLevels.flush(time, (i, area) => {
      if (inDay) {
        const group = Math.floor(i / GROUP_MEASURES);
        this.groups[(group * intervals + ended) * GROUP_MEASURES + (i % GROUP_MEASURES)] = area;
      }
    });
    this.queueLevels.flush(time, (type, area) => {
      if (inDay) this.types[(type * intervals + ended) * TYPE_MEASURES + TypeMeasure.queueArea] = area;
    });
    this.clockInterval = interval;
  }
}
