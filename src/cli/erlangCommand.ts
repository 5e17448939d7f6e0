import { erlangA, erlangC, minAgents, type QueueMetrics } from '../analytic/index.js';
import { parseCommandLine } from './flags.js';
import { type CliIo, UsageError } from './io.js';

const USAGE = `Usage: ccsim erlang --volume V --interval-minutes M --aht SECONDS --sl-seconds T
                    (--agents N | --target FRACTION) [--patience SECONDS] [--json]

Analytic queue for one interval: Erlang C (M/M/c) without --patience, Erlang A (M/M/c+M,
exponential patience of that mean) with it.

  --volume V             contacts arriving in the interval (>= 0)
  --interval-minutes M   interval length in minutes (> 0)
  --aht SECONDS          mean handle time (> 0)
  --sl-seconds T         service-level threshold (>= 0)
  --agents N             agents staffed (integer >= 1), or
  --target FRACTION      service-level target in (0, 1): report the fewest agents that meet it
  --patience SECONDS     mean patience (> 0); switches to Erlang A
  --json                 print one JSON document
  --force                compute even above 1e6 agents or 1e6 Erlangs of load (the exact
                         formulas take time in proportion to the agents: seconds to minutes)
  --help                 show this text
`;

/** Agents and load (Erlangs) above which the command asks for --force (docs/reliability.md). */
export const ERLANG_LIMIT = 1e6;

/** What the `erlang` command was asked, after parsing and checking its flags. */
interface ErlangRequest {
  volume: number;
  intervalMinutes: number;
  aht: number;
  slSeconds: number;
  staffing: { kind: 'agents'; agents: number } | { kind: 'target'; target: number };
  patience: number | undefined;
  json: boolean;
  force: boolean;
}

/**
 * `ccsim erlang`: Erlang C or Erlang A metrics for one interval, at a given staffing or at the
 * fewest agents meeting a service-level target.
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
  const metrics = evaluate(request);
  io.stdout(request.json ? `${JSON.stringify(toContractJson(metrics))}\n` : describe(metrics, request));
  return 0;
}

function parseErlangArgs(argv: string[]): ErlangRequest | 'help' {
  const { values, positionals } = parseCommandLine(argv, {
    volume: { type: 'string' },
    'interval-minutes': { type: 'string' },
    aht: { type: 'string' },
    'sl-seconds': { type: 'string' },
    agents: { type: 'string' },
    target: { type: 'string' },
    patience: { type: 'string' },
    json: { type: 'boolean' },
    force: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (positionals.length > 0) throw new UsageError(`takes no file or other argument, got ${JSON.stringify(positionals[0])} (see ccsim erlang --help)`);
  if (values.help) return 'help';
  const volume = numberFlag('--volume', values.volume, (x) => x >= 0, 'a number >= 0');
  const intervalMinutes = numberFlag('--interval-minutes', values['interval-minutes'], (x) => x > 0, 'a number > 0');
  const aht = numberFlag('--aht', values.aht, (x) => x > 0, 'a number > 0');
  const slSeconds = numberFlag('--sl-seconds', values['sl-seconds'], (x) => x >= 0, 'a number >= 0');
  const patience = values.patience === undefined
    ? undefined
    : numberFlag('--patience', values.patience, (x) => x > 0, 'a number > 0');
  if ((values.agents === undefined) === (values.target === undefined)) {
    throw new UsageError('give exactly one of --agents N or --target FRACTION (see ccsim erlang --help)');
  }
  const staffing = values.agents !== undefined
    ? { kind: 'agents' as const, agents: numberFlag('--agents', values.agents, (x) => Number.isSafeInteger(x) && x >= 1, 'an integer >= 1') }
    : { kind: 'target' as const, target: numberFlag('--target', values.target, (x) => x > 0 && x < 1, 'a fraction between 0 and 1 (exclusive)') };
  const request = { volume, intervalMinutes, aht, slSeconds, staffing, patience, json: values.json === true, force: values.force === true };
  if (!request.force) checkSize(request);
  return request;
}

/**
 * Erlang B, C and A are exact: each evaluation takes time in proportion to the agents (about
 * 50 ms per million for C, 10x that for A), and a --target search makes dozens of them.
 */
function checkSize(r: ErlangRequest): void {
  const load = (r.volume / (r.intervalMinutes * 60)) * r.aht;
  const big = (x: number) => x.toExponential(1).replace('e+', 'e').replace('.0e', 'e');
  if (r.staffing.kind === 'agents' && r.staffing.agents > ERLANG_LIMIT) {
    throw new UsageError(`--agents ${r.staffing.agents}: above the limit of ${big(ERLANG_LIMIT)} agents (the exact formulas take time in proportion to the agents); add --force to compute it anyway`);
  }
  if (load > ERLANG_LIMIT) {
    throw new UsageError(`the load is ${big(load)} Erlangs (volume x aht / interval seconds), above the limit of ${big(ERLANG_LIMIT)}: it needs as many agents and the exact formulas take time in proportion to them; add --force to compute it anyway`);
  }
}

function numberFlag(flag: string, text: string | undefined, ok: (x: number) => boolean, what: string): number {
  if (text === undefined) throw new UsageError(`${flag}: required (see ccsim erlang --help)`);
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value) || !ok(value)) throw new UsageError(`${flag}: must be ${what}, got "${text}"`);
  return value;
}

function evaluate(r: ErlangRequest): QueueMetrics {
  const arrivalRate = r.volume / (r.intervalMinutes * 60);
  const common = { arrivalRate, aht: r.aht, slSeconds: r.slSeconds };
  try {
    if (r.staffing.kind === 'target') {
      return minAgents({ ...common, target: r.staffing.target, ...(r.patience === undefined ? {} : { patience: r.patience }) });
    }
    const agents = r.staffing.agents;
    return r.patience === undefined ? erlangC({ ...common, agents }) : erlangA({ ...common, agents, patience: r.patience });
  } catch (error) {
    // The formulas refuse only inputs out of their reach (e.g. an enormous queue tail).
    if (error instanceof RangeError) throw new UsageError(`erlang: ${error.message}`);
    throw error;
  }
}

/** Exactly the contract's keys, in its order; pAbandon only for Erlang A. */
function toContractJson(m: QueueMetrics): Record<string, string | number | null> {
  const doc: Record<string, string | number | null> = {
    model: m.model,
    agents: m.agents,
    load: finite(m.load),
    pWait: finite(m.pWait),
    serviceLevel: finite(m.serviceLevel),
    asa: m.asa === null ? null : finite(m.asa),
    occupancy: finite(m.occupancy),
  };
  if (m.model === 'erlang-a') doc.pAbandon = finite(m.pAbandon ?? 0);
  return doc;
}

function finite(x: number): number {
  if (!Number.isFinite(x)) throw new Error(`erlang: internal error, non-finite result ${x}`);
  return x;
}

function describe(m: QueueMetrics, r: ErlangRequest): string {
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  const title = m.model === 'erlang-c' ? 'Erlang C (M/M/c, no abandonment)' : `Erlang A (M/M/c+M, mean patience ${r.patience} s)`;
  const lines = [
    title,
    `  agents         ${m.agents}${r.staffing.kind === 'target' ? `  (fewest meeting ${pct(r.staffing.target)} within ${r.slSeconds} s)` : ''}`,
    `  load           ${m.load.toFixed(2)} Erlangs`,
    `  P(wait)        ${pct(m.pWait)}`,
    `  service level  ${pct(m.serviceLevel)} answered within ${r.slSeconds} s`,
    `  ASA            ${m.asa === null ? 'n/a (queue unstable)' : `${m.asa.toFixed(1)} s`}`,
    `  occupancy      ${pct(m.occupancy)}`,
  ];
  if (m.pAbandon !== undefined) lines.push(`  abandonment    ${pct(m.pAbandon)}`);
  return `${lines.join('\n')}\n`;
}
