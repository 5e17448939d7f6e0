import {
  erlangA, erlangBRetrial, erlangC, erlangX, minAgents, type ErlangXMetrics, type QueueMetrics,
} from '../analytic/index.js';
import { grossRequirement } from '../optimize/scheduleTemplates.js';
import { percentageHint } from '../scenario/index.js';
import { type CommandLine, parseCommandLine } from './flags.js';
import { table } from './format.js';
import { type CliIo, UsageError } from './io.js';

const USAGE = `Usage: ccsim erlang (--volume V --interval-minutes M | --volume-per-hour V) --aht SECONDS
                    --sl-seconds T (--agents N | REQUIREMENTS | --table FROM..TO)
                    [--patience SECONDS] [--shrinkage F] [--json]
       ccsim erlang --model b ARRIVALS --aht SECONDS --lines N [RETRIALS] [--json]
       ccsim erlang --model x ARRIVALS --aht SECONDS --sl-seconds T --agents N --lines N
                    [--patience SECONDS] [RETRIALS] [--json]

Analytic queue for one interval: Erlang C (M/M/c) without --patience, Erlang A (M/M/c+M,
exponential patience of that mean) with it.

  --model c|a|b|x        c: Erlang C, a: Erlang A (as chosen by --patience when absent);
                         b: Erlang B, N lines that are the agents, no queue: a call that finds
                         them all busy is blocked; x: Erlang X, --agents N agents and --lines N
                         lines (calls waiting + with an agent, >= agents), patience optional;
                         both exact, with the share of attempts blocked (pBlock)
  --lines N              lines (integer >= 1; with --model x at least --agents)
RETRIALS (--model b and x): a blocked or abandoned caller tries again with this probability
  --retrial-probability R  in [0, 1] (default 0: nobody tries again), after
  --retrial-delay SECONDS  a mean (exponential) delay (> 0; needed when R > 0)

Arrivals (exactly one of):
  --volume V             contacts arriving in the interval (>= 0), with
  --interval-minutes M   the interval length in minutes (> 0)
  --volume-per-hour V    contacts arriving per hour (>= 0); no interval length needed
  --aht SECONDS          mean handle time (> 0)
  --sl-seconds T         service-level threshold (>= 0)

Staffing (one of):
  --agents N             agents staffed (integer >= 1): the metrics at that staffing
  REQUIREMENTS           report the fewest agents meeting every one given (at least one):
    --target FRACTION      service level at least this, in (0, 1): 0.8 for 80%
    --target-asa SECONDS   ASA (mean wait of answered contacts) at most this (> 0)
    --max-occupancy F      occupancy at most this, in (0, 1]
  --table FROM..TO       the metrics for every agent count FROM..TO (1 <= FROM <= TO, at most
                         1000 rows); with REQUIREMENTS, each row says whether it meets them

  --patience SECONDS     mean patience (> 0); switches to Erlang A
  --shrinkage F          fraction of scheduled agents unavailable (breaks, absence), in [0, 1):
                         also report the agents to schedule, ceil(agents / (1 - F))
  --json                 print one JSON document (with --table: an array of rows)
  --force                compute even above 1e6 agents or 1e6 Erlangs of load (the exact
                         formulas take time in proportion to the agents: seconds to minutes)
  --help                 show this text

With no arrivals (volume 0) the fewest agents is 0: nobody waits, so service level is 100%,
ASA 0 s and occupancy 0% (the limits as the volume falls to 0).
`;

/** Agents and load (Erlangs) above which the command asks for --force (docs/reliability.md). */
export const ERLANG_LIMIT = 1e6;

/** Most rows `--table` prints: a planner compares a few dozen counts, not a million. */
export const MAX_TABLE_ROWS = 1000;

/** The requirements a staffing must meet (each absent when not asked for). */
interface Requirements {
  target?: number;
  maxAsa?: number;
  maxOccupancy?: number;
}

/** What the `erlang` command was asked, after parsing and checking its flags. */
interface ErlangRequest {
  /** Poisson arrival rate, contacts per second. */
  arrivalRate: number;
  /** How the arrivals were given, for the readable output. */
  arrivals: { kind: 'interval'; volume: number; intervalMinutes: number } | { kind: 'hour'; volume: number };
  aht: number;
  slSeconds: number;
  requirements: Requirements;
  mode: { kind: 'agents'; agents: number } | { kind: 'fewest' } | { kind: 'table'; from: number; to: number };
  patience: number | undefined;
  shrinkage: number | undefined;
  json: boolean;
  force: boolean;
}

/**
 * `ccsim erlang`: Erlang C or Erlang A metrics for one interval, at a given staffing, at the
 * fewest agents meeting a set of requirements, or as a table over a range of agent counts.
 *
 * @param argv the arguments after `erlang`
 * @param io where to write the result
 * @returns the exit code (0); bad flags throw {@link UsageError} (exit code 2)
 */
export async function erlangCommand(argv: string[], io: CliIo): Promise<number> {
  const request = parseErlangArgs(argv);
  if (request === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if ('lines' in request) {
    const m = lineMetrics(request);
    io.stdout(request.json ? `${JSON.stringify(lineJson(m, request))}\n` : describeLines(m, request));
    return 0;
  }
  if (request.mode.kind === 'table') {
    const { from, to } = request.mode;
    const rows = Array.from({ length: to - from + 1 }, (_, k) => metricsAt(request, from + k));
    io.stdout(request.json ? `${JSON.stringify(rows.map((m) => toJson(m, request)))}\n` : describeTable(rows, request));
    return 0;
  }
  const metrics = request.mode.kind === 'agents' ? metricsAt(request, request.mode.agents) : fewest(request);
  io.stdout(request.json ? `${JSON.stringify(toJson(metrics, request))}\n` : describe(metrics, request));
  return 0;
}

/** The erlang command's flags. */
const ERLANG_FLAGS = {
  volume: { type: 'string' },
  'volume-per-hour': { type: 'string' },
  'interval-minutes': { type: 'string' },
  aht: { type: 'string' },
  'sl-seconds': { type: 'string' },
  agents: { type: 'string' },
  target: { type: 'string' },
  'target-asa': { type: 'string' },
  'max-occupancy': { type: 'string' },
  table: { type: 'string' },
  patience: { type: 'string' },
  shrinkage: { type: 'string' },
  model: { type: 'string' },
  lines: { type: 'string' },
  'retrial-probability': { type: 'string' },
  'retrial-delay': { type: 'string' },
  json: { type: 'boolean' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = CommandLine<typeof ERLANG_FLAGS>['values'];

function parseErlangArgs(argv: string[]): ErlangRequest | LineRequest | 'help' {
  const { values, positionals } = parseCommandLine(argv, ERLANG_FLAGS);
  if (positionals.length > 0) throw new UsageError(`takes no file or other argument, got ${JSON.stringify(positionals[0])} (see ccsim erlang --help)`);
  if (values.help) return 'help';

  if ((values.volume === undefined) === (values['volume-per-hour'] === undefined)) {
    throw new UsageError('give exactly one of --volume V (per interval, with --interval-minutes M) or --volume-per-hour V (see ccsim erlang --help)');
  }
  let arrivals: ErlangRequest['arrivals'];
  let arrivalRate: number;
  if (values.volume !== undefined) {
    const volume = numberFlag('--volume', values.volume, (x) => x >= 0, 'a number >= 0');
    const intervalMinutes = numberFlag('--interval-minutes', values['interval-minutes'], (x) => x > 0, 'a number > 0');
    arrivals = { kind: 'interval', volume, intervalMinutes };
    arrivalRate = volume / (intervalMinutes * 60);
  } else {
    const volume = numberFlag('--volume-per-hour', values['volume-per-hour'], (x) => x >= 0, 'a number >= 0');
    // The interval length does not enter any formula once the rate is known; still check it if given.
    if (values['interval-minutes'] !== undefined) numberFlag('--interval-minutes', values['interval-minutes'], (x) => x > 0, 'a number > 0');
    arrivals = { kind: 'hour', volume };
    arrivalRate = volume / 3600;
  }
  const aht = numberFlag('--aht', values.aht, (x) => x > 0, 'a number > 0');
  const model = values.model;
  if (model !== undefined && !['a', 'b', 'c', 'x'].includes(model)) {
    throw new UsageError(`--model: must be c (Erlang C), a (Erlang A), b (Erlang B) or x (Erlang X), got ${JSON.stringify(model)}`);
  }
  if (model === 'b' || model === 'x') return parseLineModel(values, model, { arrivalRate, arrivals, aht });
  for (const flag of ['lines', 'retrial-probability', 'retrial-delay'] as const) {
    if (values[flag] !== undefined) throw new UsageError(`--${flag}: only with --model b (Erlang B) or --model x (Erlang X)`);
  }
  if (model === 'c' && values.patience !== undefined) throw new UsageError('--patience: Erlang C (--model c) has no abandonment; use --model a or leave --model out');
  if (model === 'a' && values.patience === undefined) throw new UsageError('--patience: required with --model a (Erlang A)');
  const slSeconds = numberFlag('--sl-seconds', values['sl-seconds'], (x) => x >= 0, 'a number >= 0');
  const patience = values.patience === undefined
    ? undefined
    : numberFlag('--patience', values.patience, (x) => x > 0, 'a number > 0');
  const shrinkage = values.shrinkage === undefined
    ? undefined
    : fractionFlag('--shrinkage', values.shrinkage, (x) => x >= 0 && x < 1, 'a fraction in [0, 1)');

  const requirements: Requirements = {};
  if (values.target !== undefined) requirements.target = fractionFlag('--target', values.target, (x) => x > 0 && x < 1, 'a fraction between 0 and 1 (exclusive)');
  if (values['target-asa'] !== undefined) requirements.maxAsa = numberFlag('--target-asa', values['target-asa'], (x) => x > 0, 'a number of seconds > 0');
  if (values['max-occupancy'] !== undefined) requirements.maxOccupancy = fractionFlag('--max-occupancy', values['max-occupancy'], (x) => x > 0 && x <= 1, 'a fraction in (0, 1]');
  const required = Object.keys(requirements).length > 0;

  let mode: ErlangRequest['mode'];
  if (values.agents !== undefined) {
    if (required || values.table !== undefined) {
      throw new UsageError('give exactly one of --agents N, requirements (--target, --target-asa, --max-occupancy) or --table FROM..TO: --agents fixes the staffing (see ccsim erlang --help)');
    }
    mode = { kind: 'agents', agents: numberFlag('--agents', values.agents, (x) => Number.isSafeInteger(x) && x >= 1, 'an integer >= 1') };
  } else if (values.table !== undefined) {
    mode = { kind: 'table', ...tableFlag(values.table) };
  } else if (required) {
    mode = { kind: 'fewest' };
  } else {
    throw new UsageError('give exactly one of --agents N, requirements (--target, --target-asa, --max-occupancy) or --table FROM..TO (see ccsim erlang --help)');
  }
  const request: ErlangRequest = {
    arrivalRate, arrivals, aht, slSeconds, requirements, mode, patience, shrinkage,
    json: values.json === true,
    force: values.force === true,
  };
  if (!request.force) checkSize(request);
  return request;
}

/** `--table FROM..TO`: whole agent counts, FROM <= TO, at most MAX_TABLE_ROWS of them. */
function tableFlag(text: string): { from: number; to: number } {
  const m = /^\s*(\d+)\s*\.\.\s*(\d+)\s*$/.exec(text);
  const from = m === null ? Number.NaN : Number(m[1]);
  const to = m === null ? Number.NaN : Number(m[2]);
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 1) {
    throw new UsageError(`--table: must be a range of agent counts FROM..TO with 1 <= FROM <= TO (e.g. 10..20), got ${JSON.stringify(text)}`);
  }
  if (to < from) throw new UsageError(`--table: ${to} is below ${from}: write the range as FROM..TO with FROM <= TO, e.g. ${to}..${from}`);
  if (to - from + 1 > MAX_TABLE_ROWS) {
    throw new UsageError(`--table: ${from}..${to} has ${to - from + 1} rows, more than the ${MAX_TABLE_ROWS} a table shows; narrow the range`);
  }
  return { from, to };
}

/**
 * Erlang B, C and A are exact: each evaluation takes time in proportion to the agents (about
 * 50 ms per million for C, 10x that for A), and a requirement search makes dozens of them.
 */
function checkSize(r: ErlangRequest): void {
  const load = r.arrivalRate * r.aht;
  const big = (x: number) => x.toExponential(1).replace('e+', 'e').replace('.0e', 'e');
  const most = r.mode.kind === 'agents' ? r.mode.agents : r.mode.kind === 'table' ? r.mode.to : 0;
  if (most > ERLANG_LIMIT) {
    const flag = r.mode.kind === 'agents' ? `--agents ${most}` : `--table ${r.mode.kind === 'table' ? `${r.mode.from}..${r.mode.to}` : ''}`;
    throw new UsageError(`${flag}: above the limit of ${big(ERLANG_LIMIT)} agents (the exact formulas take time in proportion to the agents); add --force to compute it anyway`);
  }
  if (load > ERLANG_LIMIT) {
    throw new UsageError(`the load is ${big(load)} Erlangs (arrival rate x aht), above the limit of ${big(ERLANG_LIMIT)}: it needs as many agents and the exact formulas take time in proportion to them; add --force to compute it anyway`);
  }
}

function numberFlag(flag: string, text: string | undefined, ok: (x: number) => boolean, what: string): number {
  if (text === undefined) throw new UsageError(`${flag}: required (see ccsim erlang --help)`);
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value) || !ok(value)) throw new UsageError(`${flag}: must be ${what}, got "${text}"`);
  return value;
}

/** A fraction flag; "80" for 80% gets told how to write it, as in a scenario file. */
function fractionFlag(flag: string, text: string, ok: (x: number) => boolean, what: string): number {
  const value = Number(text);
  if (text.trim() !== '' && Number.isFinite(value) && !ok(value)) {
    throw new UsageError(`${flag}: must be ${what}, got "${text}"${percentageHint(value)}`);
  }
  return numberFlag(flag, text, ok, what);
}

/** The formulas refuse only inputs out of their reach (e.g. an enormous queue tail). */
function guarded(compute: () => QueueMetrics): QueueMetrics {
  try {
    return compute();
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(`erlang: ${error.message}`);
    throw error;
  }
}

function metricsAt(r: ErlangRequest, agents: number): QueueMetrics {
  const common = { arrivalRate: r.arrivalRate, aht: r.aht, slSeconds: r.slSeconds, agents };
  return guarded(() => (r.patience === undefined ? erlangC(common) : erlangA({ ...common, patience: r.patience })));
}

function fewest(r: ErlangRequest): QueueMetrics {
  const { target, maxAsa, maxOccupancy } = r.requirements;
  return guarded(() => minAgents({
    arrivalRate: r.arrivalRate,
    aht: r.aht,
    slSeconds: r.slSeconds,
    target,
    maxAsa,
    maxOccupancy,
    patience: r.patience,
  }));
}

/** Whether `m` meets every requirement asked for (the same tests as minAgents). */
function meets(m: QueueMetrics, q: Requirements): boolean {
  return (q.target === undefined || m.serviceLevel >= q.target) &&
    (q.maxAsa === undefined || (m.asa !== null && m.asa <= q.maxAsa)) &&
    (q.maxOccupancy === undefined || m.occupancy <= q.maxOccupancy);
}

function scheduled(agents: number, shrinkage: number): number {
  return grossRequirement([agents], shrinkage)[0]!;
}

/**
 * The contract's keys, in its order (pAbandon only for Erlang A); then, only when asked for,
 * `shrinkage` and `scheduledAgents`, and in a table with requirements `meetsRequirements`.
 */
function toJson(m: QueueMetrics, r: ErlangRequest): Record<string, string | number | boolean | null> {
  const doc: Record<string, string | number | boolean | null> = sectionTwoKeys(m);
  if (m.model === 'erlang-a') doc.pAbandon = finite(m.pAbandon ?? 0);
  if (r.shrinkage !== undefined) {
    doc.shrinkage = r.shrinkage;
    doc.scheduledAgents = scheduled(m.agents, r.shrinkage);
  }
  if (r.mode.kind === 'table' && Object.keys(r.requirements).length > 0) doc.meetsRequirements = meets(m, r.requirements);
  return doc;
}

/** The keys every model's JSON starts with, in CONTRACT section 2's order. */
function sectionTwoKeys(m: QueueMetrics | ErlangXMetrics): Record<string, string | number | null> {
  return {
    model: m.model,
    agents: m.agents,
    load: finite(m.load),
    pWait: finite(m.pWait),
    serviceLevel: finite(m.serviceLevel),
    asa: m.asa === null ? null : finite(m.asa),
    occupancy: finite(m.occupancy),
  };
}

function finite(x: number): number {
  if (!Number.isFinite(x)) throw new Error(`erlang: internal error, non-finite result ${x}`);
  return x;
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const trim = (x: number): string => String(Number(x.toFixed(4)));

function title(r: ErlangRequest): string {
  return r.patience === undefined ? 'Erlang C (M/M/c, no abandonment)' : `Erlang A (M/M/c+M, mean patience ${r.patience} s)`;
}

function arrivalsText(r: Pick<ErlangRequest, 'arrivalRate' | 'arrivals'>): string {
  const perHour = r.arrivalRate * 3600;
  return r.arrivals.kind === 'interval'
    ? `${trim(r.arrivals.volume)} per ${trim(r.arrivals.intervalMinutes)} min (${trim(perHour)} per hour)`
    : `${trim(r.arrivals.volume)} per hour`;
}

function requirementsText(q: Requirements, slSeconds: number): string {
  const parts: string[] = [];
  if (q.target !== undefined) parts.push(`SL ${pct(q.target)} within ${slSeconds} s`);
  if (q.maxAsa !== undefined) parts.push(`ASA <= ${q.maxAsa} s`);
  if (q.maxOccupancy !== undefined) parts.push(`occupancy <= ${pct(q.maxOccupancy)}`);
  return parts.join(', ');
}

function describe(m: QueueMetrics, r: ErlangRequest): string {
  const why = r.mode.kind !== 'fewest'
    ? ''
    : m.agents === 0
      ? '  (no contacts arrive: none needed)'
      : `  (fewest meeting ${requirementsText(r.requirements, r.slSeconds)})`;
  const lines = [
    title(r),
    `  arrivals       ${arrivalsText(r)}`,
    `  agents         ${m.agents}${why}`,
  ];
  if (r.shrinkage !== undefined) {
    lines.push(`  scheduled      ${scheduled(m.agents, r.shrinkage)}  (agents / (1 - ${pct(r.shrinkage)} shrinkage), rounded up)`);
  }
  lines.push(
    `  load           ${m.load.toFixed(2)} Erlangs`,
    `  P(wait)        ${pct(m.pWait)}`,
    `  service level  ${pct(m.serviceLevel)} answered within ${r.slSeconds} s`,
    `  ASA            ${m.asa === null ? 'n/a (queue unstable)' : `${m.asa.toFixed(1)} s`}`,
    `  occupancy      ${pct(m.occupancy)}`,
  );
  if (m.pAbandon !== undefined) lines.push(`  abandonment    ${pct(m.pAbandon)}`);
  return `${lines.join('\n')}\n`;
}

/** One row per agent count; every column is at most 10 characters, so it fits 100 columns. */
function describeTable(rows: readonly QueueMetrics[], r: ErlangRequest): string {
  const required = Object.keys(r.requirements).length > 0;
  const header = [
    'agents',
    ...(r.shrinkage === undefined ? [] : ['scheduled']),
    `SL ${r.slSeconds} s`,
    'ASA',
    'occupancy',
    'P(wait)',
    ...(r.patience === undefined ? [] : ['P(abandon)']),
    ...(required ? ['meets'] : []),
  ];
  const body = rows.map((m) => [
    String(m.agents),
    ...(r.shrinkage === undefined ? [] : [String(scheduled(m.agents, r.shrinkage))]),
    pct(m.serviceLevel),
    m.asa === null ? 'unstable' : `${m.asa.toFixed(1)} s`,
    pct(m.occupancy),
    pct(m.pWait),
    ...(m.pAbandon === undefined ? [] : [pct(m.pAbandon)]),
    ...(required ? [meets(m, r.requirements) ? 'yes' : 'no'] : []),
  ]);
  const head = [
    title(r),
    `  arrivals ${arrivalsText(r)}, aht ${r.aht} s, load ${(rows[0]?.load ?? 0).toFixed(2)} Erlangs` +
      (r.shrinkage === undefined ? '' : `, shrinkage ${pct(r.shrinkage)}`),
    ...(required ? [`  requirements: ${requirementsText(r.requirements, r.slSeconds)}`] : []),
  ];
  return `${head.join('\n')}\n${table(header, body)}\n`;
}

/** `--model b` or `--model x`: a queue with a limited number of lines, and callers who redial. */
interface LineRequest {
  model: 'b' | 'x';
  arrivalRate: number;
  arrivals: ErlangRequest['arrivals'];
  aht: number;
  /** Seconds; Erlang B has no queue, so it is 0 there unless given. */
  slSeconds: number;
  agents: number;
  lines: number;
  patience: number | undefined;
  retrialProbability: number;
  retrialDelay: number | undefined;
  shrinkage: number | undefined;
  json: boolean;
}

function parseLineModel(
  values: Values,
  model: 'b' | 'x',
  given: Pick<LineRequest, 'arrivalRate' | 'arrivals' | 'aht'>,
): LineRequest {
  const name = model === 'b' ? '--model b (Erlang B)' : '--model x (Erlang X)';
  for (const flag of ['target', 'target-asa', 'max-occupancy', 'table', 'force'] as const) {
    if (values[flag] !== undefined) throw new UsageError(`--${flag}: not available with ${name}; give the staffing (see ccsim erlang --help)`);
  }
  const lines = numberFlag('--lines', values.lines, (x) => Number.isSafeInteger(x) && x >= 1, 'an integer >= 1');
  let agents = lines;
  let patience: number | undefined;
  if (model === 'b') {
    if (values.agents !== undefined) throw new UsageError('--agents: with --model b the lines are the agents (no queue); give --lines N only');
    if (values.patience !== undefined) throw new UsageError('--patience: Erlang B (--model b) has no queue to abandon; use --model x');
  } else {
    agents = numberFlag('--agents', values.agents, (x) => Number.isSafeInteger(x) && x >= 1, 'an integer >= 1');
    if (lines < agents) throw new UsageError(`--lines: must be at least --agents (${agents}): lines hold the calls with an agent and those waiting, got "${values.lines}"`);
    if (values.patience !== undefined) patience = numberFlag('--patience', values.patience, (x) => x > 0, 'a number > 0');
  }
  const slSeconds = model === 'x' || values['sl-seconds'] !== undefined
    ? numberFlag('--sl-seconds', values['sl-seconds'], (x) => x >= 0, 'a number >= 0')
    : 0;
  const retrialProbability = values['retrial-probability'] === undefined
    ? 0
    : fractionFlag('--retrial-probability', values['retrial-probability'], (x) => x >= 0 && x <= 1, 'a probability in [0, 1]');
  let retrialDelay: number | undefined;
  if (values['retrial-delay'] !== undefined) {
    retrialDelay = numberFlag('--retrial-delay', values['retrial-delay'], (x) => x > 0, 'a number of seconds > 0');
  } else if (retrialProbability > 0) {
    throw new UsageError('--retrial-delay: required with --retrial-probability above 0 (the mean seconds before a caller tries again)');
  }
  const shrinkage = values.shrinkage === undefined
    ? undefined
    : fractionFlag('--shrinkage', values.shrinkage, (x) => x >= 0 && x < 1, 'a fraction in [0, 1)');
  return {
    model, ...given, slSeconds, agents, lines, patience, retrialProbability, retrialDelay, shrinkage,
    json: values.json === true,
  };
}

function lineMetrics(r: LineRequest): ErlangXMetrics {
  const retrials = { retrialProbability: r.retrialProbability, retrialDelay: r.retrialDelay };
  try {
    return r.model === 'b'
      ? erlangBRetrial({ agents: r.lines, arrivalRate: r.arrivalRate, aht: r.aht, ...retrials })
      : erlangX({ agents: r.agents, lines: r.lines, arrivalRate: r.arrivalRate, aht: r.aht, patience: r.patience, slSeconds: r.slSeconds, ...retrials });
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(`erlang: ${error.message}`);
    throw error;
  }
}

/**
 * Section 2's keys in its order (pAbandon for Erlang X only), then pBlock, then extensions:
 * `lines`, `pBlockFresh` (a fresh caller's first attempt), attempts and retrials per hour, and
 * the orbit truncation (`orbitMax`, `truncationError`: the probability left at the cut).
 */
function lineJson(m: ErlangXMetrics, r: LineRequest): Record<string, string | number | null> {
  const doc: Record<string, string | number | null> = sectionTwoKeys(m);
  if (m.model === 'erlang-x') doc.pAbandon = finite(m.pAbandon);
  doc.pBlock = finite(m.pBlock);
  doc.lines = m.lines;
  doc.pBlockFresh = finite(m.pBlockFresh);
  doc.attemptsPerHour = finite(m.effectiveArrivalRate * 3600);
  doc.retrialsPerHour = finite(m.retrialRate * 3600);
  doc.orbitMax = m.truncation.orbitMax;
  doc.truncationError = finite(m.truncation.error);
  if (r.shrinkage !== undefined) {
    doc.shrinkage = r.shrinkage;
    doc.scheduledAgents = scheduled(m.agents, r.shrinkage);
  }
  return doc;
}

function describeLines(m: ErlangXMetrics, r: LineRequest): string {
  const redial = r.retrialProbability > 0
    ? `${pct(r.retrialProbability)} of blocked${r.model === 'x' ? ' and abandoned' : ''} callers, after ${trim(r.retrialDelay ?? 0)} s on average`
    : 'none (blocked callers do not try again)';
  const head = r.model === 'b'
    ? 'Erlang B (lines = agents, no queue: a call finding every line busy is blocked)'
    : `Erlang X (finite lines, ${r.patience === undefined ? 'no abandonment' : `mean patience ${trim(r.patience)} s`})`;
  const lines = [
    head,
    `  arrivals       ${arrivalsText(r)}`,
    `  retrials       ${redial}`,
    `  attempts       ${(m.effectiveArrivalRate * 3600).toFixed(1)} per hour (${(m.retrialRate * 3600).toFixed(1)} of them retrials)`,
    `  agents         ${m.agents}`,
  ];
  if (r.shrinkage !== undefined) {
    lines.push(`  scheduled      ${scheduled(m.agents, r.shrinkage)}  (agents / (1 - ${pct(r.shrinkage)} shrinkage), rounded up)`);
  }
  lines.push(
    `  lines          ${m.lines}`,
    `  load           ${m.load.toFixed(2)} Erlangs (fresh calls)`,
    `  blocked        ${pct(m.pBlock)} of attempts (${pct(m.pBlockFresh)} of first attempts)`,
  );
  if (m.model === 'erlang-x') {
    lines.push(
      `  P(wait)        ${pct(m.pWait)} of attempts that got a line`,
      `  service level  ${pct(m.serviceLevel)} answered within ${r.slSeconds} s`,
      `  ASA            ${m.asa === null ? 'n/a (none answered)' : `${m.asa.toFixed(1)} s`}`,
    );
  }
  lines.push(`  occupancy      ${pct(m.occupancy)}`);
  if (m.model === 'erlang-x') lines.push(`  abandonment    ${pct(m.pAbandon)}`);
  if (m.truncation.orbitMax > 0) {
    lines.push(`  exactness      retry orbit cut at ${m.truncation.orbitMax} callers; probability left there ${m.truncation.error.toExponential(1)}`);
  }
  return `${lines.join('\n')}\n`;
}
