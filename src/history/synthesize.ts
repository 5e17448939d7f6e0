import type { ContactCenterObserver } from '../model/index.js';
import { buildModel, runReplication, GroupMeasure, GROUP_MEASURES, TypeMeasure, TYPE_MEASURES } from '../experiment/index.js';
import type { Scenario } from '../scenario/index.js';
import { parseClock, perInterval } from '../scenario/values.js';
import { weekday } from './calendar.js';
import { cellIndex, type ContactLogRow, type IntervalHistory, type StaffHistory } from './types.js';

/**
 * A center's history made by ccsim itself: each date simulated as one replication of a known
 * scenario, recorded the way an ACD records it. It is the ground truth the history tools are
 * tested against (fit must recover the scenario's patience and handle times; replay must cover a
 * history made from the same scenario) and the source of the sample data in examples/history.
 *
 * Date `fromDay + k` is replication k at `seed`, with every contact type's volume multiplied by
 * `weekdayFactors[weekday]` x (1 + weeklyTrend)^(k / 7) x `specialDays[day]`; a weekday factor of
 * 0 closes that weekday (no rows at all, as in an export). The scenario's own
 * `volumeUncertainty.cv` gives each day its gamma factor (the overdispersion of real call
 * volumes). The day starts at the scenario's `start` clock; warm-up contacts are not recorded.
 *
 * What an ACD records, from the model's events:
 * - interval rows (date, interval, type): `offered` = contacts that joined the agent queue,
 *   attributed to the interval of their first arrival (the simulation's `offered`), `answered`,
 *   `abandoned`, `aht` = mean agent time of the answered (handle with proficiency and
 *   concurrency factors, plus wrap-up), `asa`, `service_level` = answered within the type's
 *   threshold / (answered + abandoned - short abandons) (empty when nothing was answered or
 *   abandoned);
 * - staff rows (date, interval, group): agents present averaged over the interval, rounded to
 *   the nearest integer (an ACD's "agents available");
 * - contact log rows, one per queue attempt that was answered or abandoned: `arrival` = queue
 *   join, `answered`, `ended` = answered + agent time (wrap-up included; `acw` is the wrap-up),
 *   or the moment of abandonment; `group` = the answering agent's group. Bot sessions that never
 *   reach the queue and contacts still waiting at the end (unresolved) have no row.
 */
export interface SynthesizeOptions {
  readonly fromDay: number;
  readonly days: number;
  readonly seed: number;
  /** Volume factor per ISO weekday, Monday first; 0 closes the weekday. Default: all 1. */
  readonly weekdayFactors?: readonly number[];
  /** Compound volume growth per week (0.01 = +1 % a week). Default 0. */
  readonly weeklyTrend?: number;
  /** Extra volume factor of given days (a sale, an outage), by day number. */
  readonly specialDays?: ReadonlyMap<number, number>;
}

/** One interval row of the interval history, as recorded. NaN where the ACD would leave a cell empty. */
export interface SynthIntervalRow {
  readonly day: number;
  /** Minutes after midnight of the interval's start. */
  readonly minute: number;
  readonly type: string;
  readonly offered: number;
  readonly answered: number;
  readonly abandoned: number;
  readonly aht: number;
  readonly asa: number;
  readonly serviceLevel: number;
}

export interface SynthStaffRow {
  readonly day: number;
  readonly minute: number;
  readonly group: string;
  readonly staff: number;
}

/** Where the records go, as they are made (a long history is never held as rows). */
export interface HistorySink {
  interval?(row: SynthIntervalRow): void;
  staff?(row: SynthStaffRow): void;
  /** The row object is reused for the next contact: copy what you keep. */
  contact?(row: Readonly<ContactLogRow>): void;
}

/** The volume factor of a day, as `synthesizeHistory` applies it (0: closed). */
export function dayFactor(options: SynthesizeOptions, day: number): number {
  const k = day - options.fromDay;
  const weekdayFactor = options.weekdayFactors?.[weekday(day)] ?? 1;
  const trend = Math.pow(1 + (options.weeklyTrend ?? 0), k / 7);
  return weekdayFactor * trend * (options.specialDays?.get(day) ?? 1);
}

/** Simulates `days` dates of `scenario` and sends what an ACD would have recorded to `sink`. */
export function synthesizeHistory(scenario: Scenario, options: SynthesizeOptions, sink: HistorySink): void {
  const startMinute = parseClock(scenario.start);
  const len = scenario.intervalMinutes;
  for (let k = 0; k < options.days; k++) {
    const day = options.fromDay + k;
    const factor = dayFactor(options, day);
    if (factor === 0) continue;
    const dayScenario: Scenario = {
      ...scenario,
      contactTypes: scenario.contactTypes.map((t) => ({
        ...t,
        volume: perInterval(t.volume, scenario.intervals).map((v) => v * factor),
      })),
    };
    const config = buildModel(dayScenario);
    const origin = day * 86_400 + startMinute * 60 - config.warmupSeconds;
    const log = sink.contact === undefined ? undefined : new ContactLogger(config.types.map((t) => t.id), config.groups.map((g) => g.id), origin, sink.contact.bind(sink));
    const result = runReplication(config, options.seed, k, { observer: log });
    const layout = { types: config.types.length, groups: config.groups.length, intervals: config.intervals };
    for (let i = 0; i < config.intervals; i++) {
      const minuteOfRun = startMinute + i * len;
      const rowDay = day + Math.floor(minuteOfRun / 1440);
      const minute = minuteOfRun % 1440;
      for (let t = 0; t < layout.types; t++) {
        const at = (t * layout.intervals + i) * TYPE_MEASURES;
        const m = (j: number) => result.types[at + j]!;
        const answered = m(TypeMeasure.answered);
        const abandoned = m(TypeMeasure.abandoned);
        const slBase = answered + abandoned - m(TypeMeasure.shortAbandoned);
        sink.interval?.({
          day: rowDay,
          minute,
          type: config.types[t]!.id,
          offered: m(TypeMeasure.offered),
          answered,
          abandoned,
          aht: answered > 0 ? m(TypeMeasure.work) / answered : NaN,
          asa: answered > 0 ? m(TypeMeasure.waitAnswered) / answered : NaN,
          serviceLevel: slBase > 0 ? m(TypeMeasure.answeredInTime) / slBase : NaN,
        });
      }
      for (let g = 0; g < layout.groups; g++) {
        const staffed = result.groups[(g * layout.intervals + i) * GROUP_MEASURES + GroupMeasure.staffed]!;
        sink.staff?.({ day: rowDay, minute, group: config.groups[g]!.id, staff: Math.round(staffed / (len * 60)) });
      }
    }
  }
}

/**
 * Turns model events into contact-log rows. Contact numbers are record slots, reused once a
 * contact is gone, so the per-contact times live in arrays indexed by slot, grown on demand.
 */
class ContactLogger implements ContactCenterObserver {
  private join = new Float64Array(64);
  private answerAt = new Float64Array(64);
  private work = new Float64Array(64);
  private groupOf = new Int32Array(64);
  private counted = new Uint8Array(64);
  private readonly row: ContactLogRow = { line: 0, type: '', arrival: 0, answered: NaN, ended: 0, outcome: 'answered', acw: NaN, group: '' };

  constructor(
    private readonly typeIds: readonly string[],
    private readonly groupIds: readonly string[],
    private readonly origin: number,
    private readonly emit: (row: Readonly<ContactLogRow>) => void,
  ) {}

  private ensure(c: number): void {
    if (c < this.join.length) return;
    const size = Math.max(c + 1, this.join.length * 2);
    const grow = <T extends Float64Array | Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.join = grow(this.join, (n) => new Float64Array(n));
    this.answerAt = grow(this.answerAt, (n) => new Float64Array(n));
    this.work = grow(this.work, (n) => new Float64Array(n));
    this.groupOf = grow(this.groupOf, (n) => new Int32Array(n));
    this.counted = grow(this.counted, (n) => new Uint8Array(n));
  }

  queued(_type: number, interval: number, time: number, contact: number): void {
    this.ensure(contact);
    this.join[contact] = time;
    // Warm-up contacts (interval -1) are not part of the recorded day.
    this.counted[contact] = interval >= 0 ? 1 : 0;
  }

  answered(_type: number, _interval: number, time: number, _wait: number, contact: number, _agent: number, group: number, work: number): void {
    this.answerAt[contact] = time;
    this.work[contact] = work;
    this.groupOf[contact] = group;
  }

  handled(type: number, time: number, contact: number): void {
    if (this.counted[contact] !== 1) return;
    const r = this.row;
    const answered = this.answerAt[contact]!;
    const ended = answered + this.work[contact]!;
    r.type = this.typeIds[type]!;
    r.arrival = this.origin + this.join[contact]!;
    r.answered = this.origin + answered;
    r.ended = this.origin + ended;
    r.outcome = 'answered';
    r.acw = ended - time;
    r.group = this.groupIds[this.groupOf[contact]!]!;
    this.emit(r);
  }

  abandoned(type: number, _interval: number, time: number, _wait: number, contact: number): void {
    if (this.counted[contact] !== 1) return;
    const r = this.row;
    r.type = this.typeIds[type]!;
    r.arrival = this.origin + this.join[contact]!;
    r.answered = NaN;
    r.ended = this.origin + time;
    r.outcome = 'abandoned';
    r.acw = NaN;
    r.group = '';
    this.emit(r);
  }

  arrived(): void {}
  botEntered(): void {}
  contained(): void {}
  botDroppedOut(): void {}
  retried(): void {}
  repeated(): void {}
  unresolved(): void {}
  // The contact log has answered and abandoned rows only (CONTRACT section 6): a blocked call
  // never queued, a disconnected one left no answer or abandonment to record.
  blocked(): void {}
  disconnected(): void {}
  callbackOffered(): void {}
  outboundDialed(): void {}
  outboundConnected(): void {}
  outboundLevel(): void {}
  callbackMade(_type: number, _interval: number, _time: number, _wait: number, contact: number): void {
    // A callback is an outbound call, not a row of the inbound contact log.
    this.ensure(contact);
    this.counted[contact] = 0;
  }
  // A transfer is no row of its own: the contact's answer or abandonment as its new type is.
  transferred(): void {}
  groupLevels(): void {}
  queueLevel(): void {}
  linesLevel(): void {}
  intervalStarted(): void {}
}

/**
 * The dense tables of a synthesized history, in memory (what the file readers would build from
 * its CSV files): for tests and for the page, with no text in between.
 */
export function synthesizeTables(scenario: Scenario, options: SynthesizeOptions): { history: IntervalHistory; staff: StaffHistory } {
  const len = scenario.intervalMinutes;
  const slots = 1440 / len;
  const types = scenario.contactTypes.map((t) => t.id);
  const groups = scenario.agentGroups.map((g) => g.id);
  const startMinute = parseClock(scenario.start);
  const spill = Math.floor((startMinute + scenario.intervals * len - 1) / 1440);
  const days = options.days + spill;
  const firstDay = options.fromDay;
  const open = new Uint8Array(days);
  const nanTable = (series: number) => new Float64Array(days * series * slots).fill(NaN);
  const offered = new Float64Array(days * types.length * slots);
  const answered = nanTable(types.length);
  const abandoned = nanTable(types.length);
  const aht = nanTable(types.length);
  const asa = nanTable(types.length);
  const serviceLevel = nanTable(types.length);
  const staff = nanTable(groups.length);
  let rows = 0;
  let staffRows = 0;
  synthesizeHistory(scenario, options, {
    interval(r) {
      const d = r.day - firstDay;
      const at = cellIndex(slots, types.length, d, types.indexOf(r.type), r.minute / len);
      open[d] = 1;
      offered[at] = r.offered;
      answered[at] = r.answered;
      abandoned[at] = r.abandoned;
      aht[at] = r.aht;
      asa[at] = r.asa;
      serviceLevel[at] = r.serviceLevel;
      rows++;
    },
    staff(r) {
      staff[cellIndex(slots, groups.length, r.day - firstDay, groups.indexOf(r.group), r.minute / len)] = r.staff;
      staffRows++;
    },
  });
  // Optional cells of open days with no row are unknown (NaN) except offered (0), as a reader would.
  const calendar = { intervalMinutes: len, slots, firstDay, lastDay: firstDay + days - 1, days, open };
  return {
    history: {
      ...calendar,
      types,
      offered,
      answered,
      abandoned,
      aht,
      asa,
      serviceLevel,
      columns: new Set(['answered', 'abandoned', 'aht', 'asa', 'service_level'] as const),
      rows,
    },
    staff: { ...calendar, open: open.slice(), groups, staff, rows: staffRows },
  };
}
