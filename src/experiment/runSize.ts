import type { DistSpec, Scenario } from '../scenario/index.js';
import { parseClock } from '../scenario/values.js';
import { makeDistribution } from '../random/index.js';

/**
 * Limits on the size of one call (`simulate`, `compare`, `sweep`, `staff`, `ccsim run` ...), checked
 * before anything is built or simulated. Above a limit the call is refused with a message naming
 * the limit; `force: true` (`--force`) runs it anyway. Measured figures: docs/reliability.md.
 */
export const RUN_LIMITS = {
  /** Contacts simulated over all replications (and all scenarios of a compare or sweep). */
  contacts: 2e8,
  /** Agents present at once in one scenario (all groups): each costs memory in every worker. */
  agents: 1e6,
  /** Chat slots: agents x concurrency, summed over groups. */
  chatSlots: 1e7,
  /** intervals x (contact types + agent groups): the size of the per-interval tables and output. */
  intervalCells: 1e5,
} as const;

/** What one scenario asks of a run. */
export interface RunSize {
  /** Estimated contacts per replication (arrivals incl. warm-up, bot sessions, retrials, repeats); may be Infinity. */
  readonly contactsPerReplication: number;
  /** Most agents present at once (staff maxima, or overlapping shifts), all groups. */
  readonly agents: number;
  /** Agents x concurrency, summed over groups. */
  readonly chatSlots: number;
  /** intervals x (types + groups). */
  readonly intervalCells: number;
  /** Path of a retrial or repeat rule that would never end (probability 1, cycle of mean 0), if any. */
  readonly endless: string | null;
  /** Most contacts one customer can become (the first try and every retrial and repeat), over types. */
  readonly longestChain: number;
}

/** A run refused before it started because it is larger than a limit (exit 2 in the CLI). */
export class RunTooLargeError extends Error {
  override readonly name = 'RunTooLargeError';
  /** The CLI's exit code: a usage error. */
  readonly exitCode: number = 2;
  constructor(
    message: string,
    /** Which of {@link RUN_LIMITS} was exceeded. */
    readonly limit: keyof typeof RUN_LIMITS | 'endless',
    /** True when `force` would run it (a RUN_LIMITS limit); false beyond HARD_LIMITS or endless. */
    readonly forceable: boolean,
  ) {
    super(message);
  }
}

const meanOf = (d: DistSpec): number => {
  switch (d.dist) {
    case 'constant':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'empirical':
      return d.values.reduce((s, v) => s + v, 0) / d.values.length;
    case 'exponential':
    case 'lognormal':
    case 'gamma':
      return d.mean;
    default:
      // Weibull, triangular, mixture, truncated: the built distribution knows its mean.
      return makeDistribution(d).mean;
  }
};

/**
 * Follow-ups per contact of a rule that repeats with probability p after a cycle of mean length
 * `cycle` seconds: p/(1-p) (geometric), and never more than fit in the horizon (follow-ups stop
 * at its end). p = 1 with a cycle of 0 never ends: Infinity.
 */
function followUps(p: number, cycle: number, horizon: number): number {
  if (p <= 0) return 0;
  const byTime = cycle > 0 ? horizon / cycle : Infinity;
  return p < 1 ? Math.min(p / (1 - p), byTime) : byTime;
}

/**
 * Estimates what a validated scenario asks of one replication. Contacts are an upper-leaning
 * estimate: every offered contact is assumed to abandon when the type has patience and a retrial
 * rule, and to be answered for its repeat rule.
 */
export function estimateRunSize(scenario: Scenario): RunSize {
  const n = scenario.intervals;
  const intervalSeconds = scenario.intervalMinutes * 60;
  const horizon = scenario.warmupMinutes * 60 + n * intervalSeconds;
  let contacts = 0;
  let endless: string | null = null;
  let longestChain = 1;
  for (const [i, t] of scenario.contactTypes.entries()) {
    const volumes = typeof t.volume === 'number' ? null : t.volume;
    const first = volumes === null ? (t.volume as number) : (volumes[0] ?? 0);
    const total = volumes === null ? first * n : volumes.reduce((s, v) => s + v, 0);
    const fresh = total + (first * scenario.warmupMinutes) / scenario.intervalMinutes;
    const bot = t.bot;
    const share = bot?.share ?? 0;
    const contained = share * (bot?.containment ?? 0);
    const offered = fresh * (1 - share * ((bot?.containment ?? 0) + (bot?.dropout ?? 0)));
    const falseReturns = fresh * contained * (bot?.falseContainment ?? 0);
    const handles = Array.isArray(t.handleTime) ? t.handleTime : [t.handleTime];
    const shortestHandle = Math.min(...handles.map(meanOf)) + (t.wrapUp ? meanOf(t.wrapUp) : 0);
    const patiences = t.patience === undefined ? [] : Array.isArray(t.patience) ? t.patience : [t.patience];
    const shortestPatience = Math.min(...patiences.map(meanOf));
    const retrials = t.retrial && t.patience ? followUps(t.retrial.probability, meanOf(t.retrial.delay) + shortestPatience, horizon) : 0;
    const repeats = t.repeat ? followUps(t.repeat.probability, meanOf(t.repeat.delay) + shortestHandle, horizon) : 0;
    if (fresh > 0 && retrials === Infinity) endless ??= `contactTypes[${i}].retrial`;
    if (fresh > 0 && repeats === Infinity) endless ??= `contactTypes[${i}].repeat`;
    const chain = (1 + retrials) * (1 + repeats);
    if (fresh > 0) longestChain = Math.max(longestChain, chain);
    contacts += fresh * (1 + share) + offered * (chain - 1) + falseReturns * chain;
  }
  let agents = 0;
  let chatSlots = 0;
  for (const g of scenario.agentGroups) {
    const most = g.shifts === undefined ? maxOf(g.staff ?? 0) : overlappingShifts(g);
    agents += most;
    chatSlots += most * (g.concurrency ?? 1);
  }
  return {
    contactsPerReplication: Number.isNaN(contacts) ? Infinity : contacts,
    agents,
    chatSlots,
    intervalCells: n * (scenario.contactTypes.length + scenario.agentGroups.length),
    endless,
    longestChain: Number.isNaN(longestChain) ? Infinity : longestChain,
  };
}

const maxOf = (staff: number | readonly number[]) => (typeof staff === 'number' ? staff : staff.reduce((m, s) => Math.max(m, s), 0));

/** Most agents of a group's shifts present at once (breaks ignored, shrinkage applied). */
function overlappingShifts(g: Scenario['agentGroups'][number]): number {
  const keep = 1 - (g.shrinkage ?? 0);
  const edges: [number, number][] = [];
  for (const s of g.shifts ?? []) {
    const start = (s.day ?? 0) * 1440 + parseClock(s.start);
    const count = Math.round(s.count * keep);
    edges.push([start, count], [start + s.minutes, -count]);
  }
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let present = 0;
  let most = 0;
  for (const [, change] of edges) most = Math.max(most, (present += change));
  return most;
}

/** 2.1e9, 2e8, 12345; "more than 1e308" for an overflow. */
const sci = (x: number) =>
  !Number.isFinite(x) ? 'more than 1e308' : x >= 1e5 ? x.toExponential(1).replace('e+', 'e').replace('.0e', 'e') : String(Math.round(x));
/** How a soft-limit message says to lift the limit (the web page puts a button there instead). */
export const FORCE_ADVICE = 'add --force (API: force: true) to run it anyway';

/**
 * Beyond these even `force` does not help, and the model builder itself refuses them, so no caller
 * (CLI, API, web page, or a library call of `buildModel`) can start such a run:
 * - agents: about 100 bytes each in every worker thread (10 GB at the limit);
 * - chat slots: router lists of 4 bytes per slot;
 * - interval cells: the JSON output of more than ~3.7e5 cells exceeds the longest string V8 holds;
 * - contacts per replication, and contacts one customer can become: about a day of computing at
 *   1-2 M contacts/s. It also keeps time moving: below it, arrival gaps (horizon / contacts) and
 *   follow-up cycles (horizon / follow-ups per customer) are at least horizon x 1e-11, 45,000 times the clock's resolution at the horizon
 *   (2.2e-16 x horizon). Above it a gap can fall below that resolution, `now + gap == now`, and the
 *   day would spin at one instant for ever (volume 1e300; retrials of delay 1e-300).
 */
export const HARD_LIMITS = { contacts: 1e11, agents: 1e8, chatSlots: 1e8, intervalCells: 3e5 } as const;

const HARD_WHY = {
  contacts: 'about a day of computing per replication, and arrival gaps that fall below the clock resolution',
  agents: 'about 100 bytes each in every worker thread, 10 GB at this limit',
  chatSlots: 'router lists in every worker thread',
  intervalCells: 'the per-interval output grows by about 1.5 kB per cell; use longer intervals or a shorter horizon',
} as const;

/** What one scenario asks, measured against the hard limits, phrased for a message. */
function measures(scenario: Scenario, size: RunSize): [keyof typeof HARD_LIMITS, number, string][] {
  return [
    ['contacts', size.contactsPerReplication, `about ${sci(size.contactsPerReplication)} contacts per replication`],
    // However rare the customer: one who could come back this often would stop the clock too.
    ['contacts', size.longestChain, `retrials and repeats that could bring one customer back about ${sci(size.longestChain)} times`],
    ['agents', size.agents, `up to ${sci(size.agents)} agents present at once`],
    ['chatSlots', size.chatSlots, `up to ${sci(size.chatSlots)} chat slots (agents x concurrency)`],
    [
      'intervalCells',
      size.intervalCells,
      `${scenario.intervals} intervals x ${scenario.contactTypes.length + scenario.agentGroups.length} types and groups = ${sci(size.intervalCells)} interval cells`,
    ],
  ];
}

/**
 * Refuses a scenario that no run can finish, with or without force: follow-ups that never end
 * (probability 1 and no time between tries) or a size beyond {@link HARD_LIMITS}. Returns its
 * size estimate.
 * @throws RunTooLargeError
 */
export function assertSimulable(scenario: Scenario): RunSize {
  const size = estimateRunSize(scenario);
  const name = `scenario ${JSON.stringify(scenario.name)}`;
  if (size.endless !== null) {
    throw new RunTooLargeError(
      `${name}: ${size.endless}: probability 1 with no time between tries (delay, patience or handle time of mean 0) would never end; lower the probability or give the delay a positive mean`,
      'endless',
      false,
    );
  }
  for (const [limit, value, what] of measures(scenario, size)) {
    if (value > HARD_LIMITS[limit]) {
      throw new RunTooLargeError(`${name}: ${what}, more than ccsim can run (${sci(HARD_LIMITS[limit])}, even with --force: ${HARD_WHY[limit]}); make the scenario smaller`, limit, false);
    }
  }
  return size;
}

const SOFT_WHY = {
  agents: 'about 100 bytes each in every worker thread',
  chatSlots: 'router lists in every worker thread',
  intervalCells: HARD_WHY.intervalCells,
} as const;

/**
 * Refuses a call whose scenarios are larger than {@link RUN_LIMITS}, unless `force`. `runs` lists
 * each scenario with the replications it will get (a compare or sweep passes all of them).
 * What {@link assertSimulable} refuses is refused even with force.
 * @throws RunTooLargeError
 */
export function checkRunSize(runs: readonly { scenario: Scenario; replications: number }[], force = false): void {
  let contacts = 0;
  for (const { scenario, replications } of runs) {
    const size = assertSimulable(scenario);
    contacts += size.contactsPerReplication * replications;
    if (force) continue;
    for (const [limit, value, what] of measures(scenario, size)) {
      if (limit !== 'contacts' && value > RUN_LIMITS[limit]) {
        throw new RunTooLargeError(`scenario ${JSON.stringify(scenario.name)}: ${what} (limit ${sci(RUN_LIMITS[limit])}: ${SOFT_WHY[limit]}); ${FORCE_ADVICE}`, limit, true);
      }
    }
  }
  if (!force && contacts > RUN_LIMITS.contacts) {
    throw new RunTooLargeError(`this run would simulate about ${sci(contacts)} contacts (limit ${sci(RUN_LIMITS.contacts)}); ${FORCE_ADVICE}`, 'contacts', true);
  }
}
