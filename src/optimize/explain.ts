/**
 * Why an interval misses (CONTRACT section 11, docs/explain.md): one interval's service-level
 * shortfall split into causes by paired counterfactual runs on the same customers. Each cause is
 * removed alone (experiment/counterfactual.ts); its `deltaPts` is the service-level gain in
 * points, paired replication by replication with the baseline (common random numbers).
 */
import {
  buildModel,
  counterfactualModel,
  intervalLabels,
  pairedRatioDelta,
  TYPE_MEASURES,
  TypeMeasure,
  type Counterfactual,
  type ReplicationJob,
  type ReplicationResult,
  type Replicator,
} from '../experiment/index.js';
import { RUN_DEFAULTS } from '../experiment/runDefaults.js';
import { minLevel, type ContactCenterConfig } from '../model/index.js';
import type { Scenario } from '../scenario/index.js';
import { parseClock } from '../scenario/values.js';
import { PairedMoments, ratioMetric, type Metric } from '../stats/index.js';
import { analyticPlan } from './analyticStaffing.js';
import { staffingProblem } from './staffingRules.js';

export const EXPLAIN_CAUSES = ['staff', 'carry-over', 'bot-wave', 'volume'] as const;
export type ExplainCauseName = (typeof EXPLAIN_CAUSES)[number];

export interface ExplainCause {
  readonly cause: ExplainCauseName;
  /** Service-level gain in points of removing this cause alone (paired, 95% CI). */
  readonly deltaPts: Metric;
  /** One sentence a planner can act on. */
  readonly action: string;
}

/** A cause that was not tried, and why (e.g. `bot-wave` for a type without a bot). */
export interface SkippedCause {
  readonly cause: ExplainCauseName;
  readonly reason: string;
}

/** CONTRACT section 11, plus the extension fields below `causes`. */
export interface ExplainOutput {
  readonly interval: string;
  readonly type: string;
  readonly serviceLevel: Metric;
  readonly target: number;
  /** Target minus service level, in points (negative: the interval meets its target); null without contacts. */
  readonly shortfallPts: number | null;
  /** Largest `deltaPts.mean` first. */
  readonly causes: ExplainCause[];
  // Extension
  readonly scenario: string;
  /** Day of the horizon (0 = the scenario's first day) and the interval's index. */
  readonly day: number;
  /** The scenario's intervals span more than one day (texts then say "day N HH:MM"). */
  readonly multiDay: boolean;
  readonly intervalIndex: number;
  readonly replications: number;
  readonly seed: number;
  /** The whole answer in one sentence. */
  readonly summary: string;
  readonly skipped: SkippedCause[];
  /** Per group: agents present at the fewest (now) and the interval's Erlang A requirement. */
  readonly staff: Record<string, { readonly now: number; readonly required: number }>;
  /** A replayed date (`--history`, `--staff`, `--date`): `YYYY-MM-DD`. */
  readonly date?: string;
}

export interface ExplainOptions {
  /** The interval, as an index of the scenario's intervals (see `explainIntervalIndex`). */
  readonly interval: number;
  /** The contact type to explain; default the one furthest below its target in the interval. */
  readonly type?: string;
  readonly replications?: number;
  readonly seed?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * The forecast the scenario's volumes are compared with (a replayed date: the scenario holds the
   * recorded volumes), per contact type and interval. Absent: the `volume` cause is skipped.
   */
  readonly forecastVolume?: readonly (readonly number[])[];
}

/** Bad input to explain (an unknown type, an interval outside the horizon): the CLI exits 2. */
export class ExplainInputError extends RangeError {
  override readonly name = 'ExplainInputError';
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const pts = (x: number) => `${Math.round(x)} pt${Math.round(x) === 1 ? '' : 's'}`;
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/**
 * The interval index of clock time `clock` ("HH:MM") on day `day` (0 = the scenario's first day):
 * the interval that contains it. Throws ExplainInputError outside the horizon or for a multi-day
 * scenario without a day.
 */
export function explainIntervalIndex(scenario: Scenario, clock: string, day: number | undefined): number {
  const hm = /^(\d{2}):(\d{2})$/.exec(clock);
  if (hm === null) throw new ExplainInputError(`--interval: expected HH:MM, got ${JSON.stringify(clock)}`);
  if (Number(hm[1]) > 23 || Number(hm[2]) > 59) throw new ExplainInputError(`--interval: ${clock} is not a time of day`);
  const minute = Number(hm[1]) * 60 + Number(hm[2]);
  const start = parseClock(scenario.start);
  const length = scenario.intervalMinutes;
  const horizon = scenario.intervals * length;
  const days = Math.ceil((start + horizon) / 1440);
  const labels = intervalLabels(scenario);
  const range = `${labels[0]} to ${labels[labels.length - 1]}`;
  if (day === undefined) {
    const hits: number[] = [];
    for (let d = 0; d < days; d++) {
      const offset = d * 1440 + minute - start;
      if (offset >= 0 && offset < horizon) hits.push(d);
    }
    if (hits.length === 0) throw new ExplainInputError(`--interval: ${clock} is not in the scenario's intervals (${range})`);
    if (hits.length > 1) {
      throw new ExplainInputError(`--interval: ${clock} occurs on ${hits.length} days of the scenario; choose one with --day N (${hits[0]}-${hits[hits.length - 1]}, 0 = the first day)`);
    }
    day = hits[0]!;
  }
  const offset = day * 1440 + minute - start;
  if (offset < 0 || offset >= horizon) {
    throw new ExplainInputError(`--interval: ${clock} on day ${day} is not in the scenario's intervals (${range}${days > 1 ? `, days 0-${days - 1}` : ''})`);
  }
  return Math.floor(offset / length);
}

/** Per replication, the (answered in time, service-level denominator) pair of every type in one interval. */
class CellPairs {
  readonly x: number[][];
  readonly y: number[][];
  constructor(
    types: number,
    private readonly intervals: number,
    private readonly interval: number,
  ) {
    this.x = Array.from({ length: types }, () => []);
    this.y = Array.from({ length: types }, () => []);
  }
  add(r: ReplicationResult): void {
    for (let t = 0; t < this.x.length; t++) {
      const at = (t * this.intervals + this.interval) * TYPE_MEASURES;
      const c = r.types;
      // The service level's reader (kpiReaders.ts): live answers in time over live answers and
      // abandonments that are not short.
      this.x[t]![r.replication] = c[at + TypeMeasure.answeredInTime]!;
      this.y[t]![r.replication] = c[at + TypeMeasure.answered]! - c[at + TypeMeasure.callbacksMade]! + c[at + TypeMeasure.abandoned]! - c[at + TypeMeasure.shortAbandoned]!;
    }
  }
  /** Type t's service level over the replications, as the run reports it (ratio of means, in order). */
  metric(t: number): Metric {
    const m = new PairedMoments(1);
    this.x[t]!.forEach((x, r) => {
      m.nextObservation();
      m.add(0, x, this.y[t]![r]!);
    });
    return ratioMetric(m.sums(0));
  }
  rows(t: number): number[][] {
    return this.x[t]!.map((x, r) => [x, this.y[t]![r]!]);
  }
}

/**
 * Explain one interval on `pool`: a baseline run and one paired run per applicable cause, each
 * with the same seed and replications (common random numbers).
 */
export async function explainInterval(scenario: Scenario, pool: Replicator, options: ExplainOptions): Promise<ExplainOutput> {
  const config = buildModel(scenario);
  const k = options.interval;
  if (!Number.isInteger(k) || k < 0 || k >= config.intervals) throw new ExplainInputError(`interval ${k} is not one of the scenario's ${config.intervals} intervals`);
  if (options.type !== undefined && !config.types.some((t) => t.id === options.type)) {
    throw new ExplainInputError(`--type: no contact type ${JSON.stringify(options.type)} (types: ${config.types.map((t) => t.id).join(', ')})`);
  }
  const replications = options.replications ?? RUN_DEFAULTS.explainReplications;
  const seed = options.seed ?? RUN_DEFAULTS.seed;
  const clocks = intervalLabels(scenario);
  // Within the text, a multi-day scenario's intervals carry their day ("day 2 10:30").
  const startMinute = parseClock(scenario.start);
  const dayOf = (i: number) => Math.floor((startMinute + i * scenario.intervalMinutes) / 1440);
  const multiDay = dayOf(scenario.intervals - 1) > 0;
  const labels = clocks.map((c, i) => (multiDay ? `day ${dayOf(i)} ${c}` : c));
  const label = labels[k]!;
  const from = config.warmupSeconds + k * config.intervalSeconds;
  const to = from + config.intervalSeconds;

  // What each cause would change, worked out before any run so the progress total is known.
  const problem = staffingProblem(scenario, config);
  const plan = analyticPlan(config, problem, 'erlang-a');
  const now = config.groups.map((g) => minLevel(g.staffPlan, from, to));
  const required = config.groups.map((_, g) => plan.staff[g]![k]!);
  const staffFloor = required.some((r, g) => r > now[g]!) ? required : null;

  let done = 0;
  // volume: the interval's volume of every type held to its forecast (recorded above it only).
  const recorded = config.types.map((type) => (type.exactCounts !== null ? type.exactCounts[k]! : type.arrivalRate[k]! * config.intervalSeconds));
  const forecastK = options.forecastVolume?.map((row) => row[k] ?? 0) ?? null;
  const heldVolume = forecastK === null ? null : recorded.map((r, ti) => Math.min(r, config.types[ti]!.exactCounts !== null ? Math.round(forecastK[ti]!) : forecastK[ti]!));
  const volumeChanged = heldVolume !== null && heldVolume.some((v, ti) => v !== recorded[ti]);
  const total = () => replications * (2 + (staffFloor === null ? 0 : 1) + (hasBot(config) ? 2 : 0) + (volumeChanged ? 1 : 0));
  const run = async (counterfactual: Counterfactual | null): Promise<CellPairs> => {
    const cells = new CellPairs(config.types.length, config.intervals, k);
    const job: ReplicationJob = { scenario, staff: null, counterfactual };
    const before = done;
    await pool.run(job, seed, 0, replications, {
      onResult: (r) => cells.add(r),
      onProgress: (n) => options.onProgress?.(before + n * (counterfactual?.spreadEscalations ? 2 : 1), total()),
    });
    done = before + replications * (counterfactual?.spreadEscalations ? 2 : 1);
    return cells;
  };

  const base = await run(null);
  const targets = scenario.contactTypes.map((x) => x.serviceLevel.target);
  const t = options.type === undefined ? worstType(config, base, targets) : config.types.findIndex((x) => x.id === options.type);
  if (t < 0) throw new ExplainInputError(`${label}: no contacts of any type arrive in this interval; nothing to explain`);
  const type = config.types[t]!;
  const target = scenario.contactTypes[t]!.serviceLevel.target;
  const serviceLevel = base.metric(t);
  const shortfallPts = serviceLevel.mean === null ? null : 100 * (target - serviceLevel.mean);

  const none: Counterfactual = { interval: k, staffFloor: null, clearQueue: false, spreadEscalations: false };
  const delta = (other: CellPairs): Metric => {
    const d = pairedRatioDelta(base.rows(t), other.rows(t), replications, 0);
    return d.mean === null ? d : { mean: 100 * d.mean, ci95: 100 * d.ci95!, n: d.n };
  };
  const causes: ExplainCause[] = [];
  const skipped: SkippedCause[] = [];
  const groupIds = config.groups.map((g) => g.id);

  // staff: this interval staffed to its own Erlang A requirement, never fewer than now.
  if (staffFloor === null) {
    causes.push({
      cause: 'staff',
      deltaPts: { mean: 0, ci95: 0, n: replications },
      action: `${label} already has its Erlang A requirement in every group (${groupIds.map((id, g) => `${id} ${now[g]} >= ${required[g]}`).join(', ')}): more staff here alone is not the fix.`,
    });
  } else {
    const adds = groupIds.flatMap((id, g) => (required[g]! > now[g]! ? [`+${required[g]! - now[g]!} in ${id} (${now[g]} -> ${required[g]})`] : []));
    const d = delta(await run({ ...none, staffFloor }));
    causes.push({
      cause: 'staff',
      deltaPts: d,
      action: matters(d)
        ? `Staff ${label} to its Erlang A requirement: ${adds.join(', ')}.`
        : `Staffing ${label} to its Erlang A requirement (${adds.join(', ')}) gains nothing measurable on its own.`,
    });
  }

  // carry-over: the same interval starting with no queue.
  const carried = delta(await run({ ...none, clearQueue: true }));
  causes.push({
    cause: 'carry-over',
    deltaPts: carried,
    action: matters(carried) ? carryOverAction(config, labels, k, plan.staff) : `The queue carried into ${label} costs nothing measurable.`,
  });

  // bot-wave: the escalations reaching the queue in the interval spread evenly over it.
  if (hasBot(config)) {
    const wave = delta(await run({ ...none, spreadEscalations: true }));
    causes.push({
      cause: 'bot-wave',
      deltaPts: wave,
      action: matters(wave)
        ? `Bot escalations reach the queue in a wave within ${label}: pace the bot's hand-offs over the interval, or staff for the wave rather than the interval's average.`
        : `Bot escalations reach the queue evenly enough in ${label}: spreading them gains nothing measurable.`,
    });
  } else {
    skipped.push({ cause: 'bot-wave', reason: 'no contact type of the scenario has a bot that escalates' });
  }
  if (heldVolume === null) {
    skipped.push({ cause: 'volume', reason: 'needs recorded volumes to compare against the forecast (a replay); a scenario alone has only its forecast' });
  } else if (!volumeChanged) {
    causes.push({
      cause: 'volume',
      deltaPts: { mean: 0, ci95: 0, n: replications },
      action: `Volume at ${label} was at or below the forecast for every type (${volumeWords(config, recorded, forecastK!)}): not the cause.`,
    });
  } else {
    const vcf: Counterfactual = { ...none, volume: heldVolume };
    const d = delta(await run(vcf));
    const reserve = analyticPlan(counterfactualModel(config, vcf), problem, 'erlang-a').staff;
    const extra = groupIds.flatMap((id, g) => {
      const more = plan.staff[g]![k]! - reserve[g]![k]!;
      return more > 0 ? [`${more} more agent${more === 1 ? '' : 's'} in ${id}`] : [];
    });
    causes.push({
      cause: 'volume',
      deltaPts: d,
      action: matters(d)
        ? `${label} took more contacts than forecast (${volumeWords(config, recorded, forecastK!)}): check the forecast for this interval${extra.length > 0 ? `; Erlang A needs ${extra.join(' and ')} for the volume that came` : ''}.`
        : `${label} took more contacts than forecast (${volumeWords(config, recorded, forecastK!)}), but the excess costs nothing measurable.`,
    });
  }

  causes.sort((a, b) => (b.deltaPts.mean ?? -Infinity) - (a.deltaPts.mean ?? -Infinity));
  for (const [i, c] of causes.entries()) causes[i] = { ...c, action: capital(c.action) };
  const staff = Object.fromEntries(groupIds.map((id, g) => [id, { now: now[g]!, required: required[g]! }]));
  return {
    interval: clocks[k]!,
    type: type.id,
    serviceLevel,
    target,
    shortfallPts,
    causes,
    scenario: scenario.name,
    day: dayOf(k),
    multiDay,
    intervalIndex: k,
    replications,
    seed,
    summary: capital(summaryOf(label, type.id, serviceLevel, target, causes)),
    skipped,
    staff,
  };
}

/** "calls 130 against 100 forecast, chat 20 against 25" for the types with contacts in either. */
function volumeWords(config: ContactCenterConfig, recorded: readonly number[], forecast: readonly number[]): string {
  const round = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));
  return config.types
    .flatMap((t, ti) => (recorded[ti]! > 0 || forecast[ti]! > 0 ? [`${t.id} ${round(recorded[ti]!)} against ${round(forecast[ti]!)} forecast`] : []))
    .join(', ');
}

/** A gain whose 95% interval lies above zero. */
const matters = (d: Metric): boolean => d.mean !== null && d.mean - (d.ci95 ?? 0) > 0;

/** Types whose bot escalates some sessions. */
function hasBot(config: ContactCenterConfig): boolean {
  return config.types.some((t) => t.bot !== null && t.bot.share > 0 && 1 - t.bot.containment - t.bot.dropout > 1e-12);
}

/** The type furthest below its target in the interval (of those with contacts), or -1. */
function worstType(config: ContactCenterConfig, base: CellPairs, targets: readonly number[]): number {
  let best = -1;
  let worst = -Infinity;
  config.types.forEach((type, t) => {
    const sl = base.metric(t).mean;
    if (sl === null) return;
    const gap = targets[t]! - sl;
    if (gap > worst) {
      worst = gap;
      best = t;
    }
  });
  return best;
}

/**
 * Where the queue carried into interval k comes from: the latest of the (up to four) intervals
 * before it whose staff is below its Erlang A requirement, with the agents it lacks.
 */
function carryOverAction(config: ContactCenterConfig, labels: readonly string[], k: number, required: readonly (readonly number[])[]): string {
  const label = labels[k]!;
  if (k === 0) return `The queue at ${label} was carried over from before the first interval (warm-up or the state of now): start the day with more agents or an empty queue.`;
  for (let j = k - 1; j >= Math.max(0, k - 4); j--) {
    const from = config.warmupSeconds + j * config.intervalSeconds;
    const short = config.groups.flatMap((g, gi) => {
      const have = minLevel(g.staffPlan, from, from + config.intervalSeconds);
      const need = required[gi]![j]!;
      return need > have ? [`${need - have} agent${need - have === 1 ? '' : 's'} in ${g.id}`] : [];
    });
    if (short.length > 0) return `Start ${label} with no queue: add ${short.join(' and ')} at ${labels[j]}, which is below its Erlang A requirement and leaves a queue behind.`;
  }
  return `Start ${label} with no queue: the intervals before it meet their Erlang A requirement, so the queue comes from random peaks; add an agent at ${labels[k - 1]} or move breaks out of it.`;
}

function summaryOf(label: string, type: string, sl: Metric, target: number, causes: readonly ExplainCause[]): string {
  if (sl.mean === null) return `${label} (${type}): no contacts answered or abandoned in the replications; nothing to explain.`;
  const gap = 100 * (target - sl.mean);
  const head = gap > 0
    ? `${label} misses by ${pts(gap)} (${type}: ${pct(sl.mean)} against ${pct(target)})`
    : `${label} meets its target (${type}: ${pct(sl.mean)} against ${pct(target)})`;
  const parts = causes
    .filter((c) => matters(c.deltaPts))
    .map((c) => `${pts(c.deltaPts.mean!)} from ${CAUSE_WORDS[c.cause]}`);
  if (parts.length === 0) return `${head}: no single cause tried here gains a significant amount on its own.`;
  return `${head}: ${parts.join(', ')}.`;
}

const CAUSE_WORDS: Record<ExplainCauseName, string> = {
  staff: 'staff below the requirement',
  'carry-over': 'the queue carried over',
  'bot-wave': 'bot escalations in a wave',
  volume: 'volume above the forecast',
};
