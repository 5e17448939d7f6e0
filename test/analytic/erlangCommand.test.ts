import { describe, expect, it } from 'vitest';
import { erlangA, erlangC, minAgents } from '../../src/analytic/index.js';
import { erlangCommand } from '../../src/cli/erlangCommand.js';
import { type CliIo, UsageError } from '../../src/cli/io.js';
import { cli } from '../support/cli.js';

function capture(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stderrIsTTY: false,
    columns: 100,
    stdout(text: string) { io.out += text; },
    stderr(text: string) { io.err += text; },
  };
  return io;
}

const base = ['--volume', '100', '--interval-minutes', '30', '--aht', '180', '--sl-seconds', '20'];

async function runJson(args: string[]): Promise<Record<string, unknown>> {
  const io = capture();
  expect(await erlangCommand([...args, '--json'], io)).toBe(0);
  expect(io.out.endsWith('}\n')).toBe(true);
  expect(io.out).not.toMatch(/NaN|Infinity/);
  return JSON.parse(io.out) as Record<string, unknown>;
}

async function usageMessage(args: string[]): Promise<string> {
  const error: unknown = await erlangCommand(args, capture()).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(UsageError);
  const message = (error as UsageError).message;
  expect(message).not.toContain('\n');
  return message;
}

describe('erlangCommand(argv, io)', () => {
  it('--agents --json prints exactly the Erlang C contract keys', async () => {
    const doc = await runJson([...base, '--agents', '12']);
    expect(Object.keys(doc)).toEqual(['model', 'agents', 'load', 'pWait', 'serviceLevel', 'asa', 'occupancy']);
    const m = erlangC({ agents: 12, arrivalRate: 100 / 1800, aht: 180, slSeconds: 20 });
    expect(doc).toEqual({ ...m });
  });

  it('--patience --json prints the Erlang A keys, pAbandon last', async () => {
    const doc = await runJson([...base, '--agents', '9', '--patience', '120']);
    expect(Object.keys(doc)).toEqual(['model', 'agents', 'load', 'pWait', 'serviceLevel', 'asa', 'occupancy', 'pAbandon']);
    expect(doc).toEqual({ ...erlangA({ agents: 9, arrivalRate: 100 / 1800, aht: 180, patience: 120, slSeconds: 20 }) });
  });

  it('--target reports the fewest agents meeting it (14 for the Call Centre Helper example)', async () => {
    const doc = await runJson([...base, '--target', '0.8']);
    expect(doc.agents).toBe(14);
    const a = await runJson([...base, '--target', '0.8', '--patience', '120']);
    expect(a.agents).toBe(minAgents({ arrivalRate: 100 / 1800, aht: 180, slSeconds: 20, target: 0.8, patience: 120 }).agents);
  });

  it('unstable Erlang C prints asa null, pWait 1, serviceLevel 0, occupancy 1', async () => {
    const doc = await runJson([...base, '--agents', '10']);
    expect(doc).toMatchObject({ model: 'erlang-c', agents: 10, pWait: 1, serviceLevel: 0, asa: null, occupancy: 1 });
  });

  it('without --json prints a readable block', async () => {
    const io = capture();
    await erlangCommand([...base, '--agents', '12', '--patience', '120'], io);
    for (const label of ['Erlang A', 'agents', 'load', 'P(wait)', 'service level', 'within 20 s', 'ASA', 'occupancy', 'abandonment']) {
      expect(io.out).toContain(label);
    }
  });

  it('--help prints the usage and exits 0', async () => {
    const io = capture();
    expect(await erlangCommand(['--help'], io)).toBe(0);
    expect(io.out).toContain('--interval-minutes');
  });

  it('missing --aht is a UsageError naming the flag', async () => {
    expect(await usageMessage(['--volume', '100', '--interval-minutes', '30', '--sl-seconds', '20', '--agents', '12'])).toMatch(/^--aht: /);
  });

  it('--agents and --target together, or neither, is a UsageError', async () => {
    expect(await usageMessage([...base, '--agents', '12', '--target', '0.8'])).toMatch(/exactly one of --agents N, requirements .* or --table/);
    expect(await usageMessage([...base, '--agents', '12', '--table', '1..3'])).toMatch(/exactly one of --agents N/);
    expect(await usageMessage(base)).toMatch(/exactly one of --agents N/);
  });

  it.each([
    [['--aht', '0'], /^--aht: must be a number > 0/],
    [['--aht', 'abc'], /^--aht: must be a number > 0/],
    [['--agents', '2.5'], /^--agents: must be an integer >= 1/],
    [['--target', '1.2'], /^--target: must be a fraction/],
    [['--patience=-5'], /^--patience: must be a number > 0/],
    [['--patience', '-5'], /^--patience: the value "-5" starts with "-"; write --patience=-5 if you mean it$/],
    [['--volume', ''], /^--volume: must be a number >= 0/],
    [['--bogus', '1'], /Unknown option '--bogus'/],
    [['extra'], /^takes no file or other argument, got "extra" \(see ccsim erlang --help\)$/],
  ])('bad flag %j is a one-line UsageError', async (extra, pattern) => {
    const args = [...base, '--agents', '12'];
    for (let i = 0; i + 1 < extra.length; i += 2) {
      const at = args.indexOf(extra[i] ?? '');
      if (at >= 0) args.splice(at, 2);
    }
    if (extra[0] === '--target') args.splice(args.indexOf('--agents'), 2);
    expect(await usageMessage([...args, ...extra])).toMatch(pattern);
  });
});

describe('erlangCommand(argv, io): requirements, shrinkage, tables, volume per hour', () => {
  const rate = 100 / 1800;
  const at = (agents: number, patience?: number) =>
    patience === undefined ? erlangC({ agents, arrivalRate: rate, aht: 180, slSeconds: 20 }) : erlangA({ agents, arrivalRate: rate, aht: 180, slSeconds: 20, patience });

  it('--target-asa reports the fewest agents whose ASA is at most it', async () => {
    const doc = await runJson([...base, '--target-asa', '3']);
    expect(doc.asa as number).toBeLessThanOrEqual(3);
    expect(at((doc.agents as number) - 1).asa!).toBeGreaterThan(3);
    const a = await runJson([...base, '--target-asa', '3', '--patience', '120']);
    expect(a.agents).toBe(minAgents({ arrivalRate: rate, aht: 180, slSeconds: 20, maxAsa: 3, patience: 120 }).agents);
  });

  it('--max-occupancy reports the fewest agents with occupancy at most it', async () => {
    expect((await runJson([...base, '--max-occupancy', '0.8'])).agents).toBe(13); // 10 Erlangs / 0.8
  });

  it('--target, --target-asa and --max-occupancy together: all must hold', async () => {
    const sl = (await runJson([...base, '--target', '0.8'])).agents as number; // 14
    const occ = (await runJson([...base, '--max-occupancy', '0.6'])).agents as number; // 17
    const asa = (await runJson([...base, '--target-asa', '1'])).agents as number;
    const all = await runJson([...base, '--target', '0.8', '--max-occupancy', '0.6', '--target-asa', '1']);
    expect(all.agents).toBe(Math.max(sl, occ, asa));
    expect(all.agents).toBeGreaterThan(sl);
  });

  it('--shrinkage adds scheduledAgents = ceil(agents / (1 - F)) after the contract keys', async () => {
    const doc = await runJson([...base, '--target', '0.8', '--shrinkage', '0.3']);
    expect(Object.keys(doc)).toEqual(['model', 'agents', 'load', 'pWait', 'serviceLevel', 'asa', 'occupancy', 'shrinkage', 'scheduledAgents']);
    expect(doc).toMatchObject({ agents: 14, shrinkage: 0.3, scheduledAgents: 20 }); // 14 / 0.7 is 20.000000000000004 in floating point
    expect((await runJson([...base, '--agents', '15', '--shrinkage', '0.25'])).scheduledAgents).toBe(20);
    const io = capture();
    await erlangCommand([...base, '--target', '0.8', '--shrinkage', '0.3'], io);
    expect(io.out).toMatch(/^ {2}agents +14\b/m);
    expect(io.out).toMatch(/^ {2}scheduled +20\b/m);
  });

  it('--volume-per-hour V is --volume V/2 over 30 minutes, and needs no --interval-minutes', async () => {
    const perHour = await runJson(['--volume-per-hour', '200', '--aht', '180', '--sl-seconds', '20', '--target', '0.8', '--patience', '120']);
    const perInterval = await runJson([...base, '--target', '0.8', '--patience', '120']);
    expect(perHour).toEqual(perInterval);
    expect(await usageMessage([...base, '--volume-per-hour', '200', '--agents', '12'])).toMatch(/exactly one of --volume V .* or --volume-per-hour V/);
    expect(await usageMessage(['--aht', '180', '--sl-seconds', '20', '--agents', '12'])).toMatch(/exactly one of --volume V/);
    expect(await usageMessage(['--volume', '100', '--aht', '180', '--sl-seconds', '20', '--agents', '12'])).toMatch(/^--interval-minutes: required/);
  });

  it('--volume 0 answers 0 agents: 100% service level, ASA 0, occupancy 0', async () => {
    const zero = ['--volume', '0', '--interval-minutes', '30', '--aht', '180', '--sl-seconds', '20'];
    expect(await runJson([...zero, '--target', '0.8'])).toEqual({ model: 'erlang-c', agents: 0, load: 0, pWait: 0, serviceLevel: 1, asa: 0, occupancy: 0 });
    expect(await runJson([...zero, '--target', '0.8', '--patience', '60', '--shrinkage', '0.3'])).toMatchObject({ model: 'erlang-a', agents: 0, pAbandon: 0, scheduledAgents: 0 });
    const io = capture();
    await erlangCommand([...zero, '--target', '0.8'], io);
    expect(io.out).toMatch(/agents +0 +\(no contacts arrive: none needed\)/);
  });

  it('--table FROM..TO --json is an array of one row per agent count, each the formula at that count', async () => {
    const io = capture();
    expect(await erlangCommand([...base, '--table', '10..20', '--patience', '120', '--json'], io)).toBe(0);
    const rows = JSON.parse(io.out) as Record<string, unknown>[];
    expect(rows.map((r) => r.agents)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    rows.forEach((r) => expect(r).toEqual({ ...at(r.agents as number, 120) }));
    const c = JSON.parse((await cli('erlang', ...base, '--table', '9..11', '--json')).stdout) as Record<string, unknown>[];
    expect(c[0]).toMatchObject({ agents: 9, asa: null, serviceLevel: 0 }); // 10 Erlangs on 9 agents: unstable
  });

  it('--table with requirements and --shrinkage marks each row and adds the scheduled agents', async () => {
    const io = capture();
    await erlangCommand([...base, '--table', '12..16', '--target', '0.8', '--shrinkage', '0.3', '--json'], io);
    const rows = JSON.parse(io.out) as Record<string, unknown>[];
    expect(rows.map((r) => r.meetsRequirements)).toEqual([false, false, true, true, true]); // 14 is the fewest
    expect(rows.map((r) => r.scheduledAgents)).toEqual([18, 19, 20, 22, 23]);
  });

  it('--table readable output: a header and one line per count, every line within 100 columns', async () => {
    const io = capture();
    await erlangCommand(['--volume-per-hour', '12345.5', '--aht', '1800.5', '--sl-seconds', '20', '--patience', '600', '--table', '6200..6260',
      '--target', '0.8', '--target-asa', '30', '--max-occupancy', '0.95', '--shrinkage', '0.35'], io);
    const lines = io.out.trimEnd().split('\n');
    for (const label of ['agents', 'scheduled', 'SL 20 s', 'ASA', 'occupancy', 'P(wait)', 'P(abandon)', 'meets']) expect(io.out).toContain(label);
    expect(lines.filter((l) => /^\d+ /.test(l))).toHaveLength(61);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(100);
  });

  it.each([
    ['20..10', /^--table: 10 is below 20/],
    ['1..1001', /^--table: 1\.\.1001 has 1001 rows, more than the 1000/],
    ['0..5', /^--table: must be a range of agent counts FROM\.\.TO with 1 <= FROM <= TO/],
    ['5', /^--table: must be a range/],
    ['a..b', /^--table: must be a range/],
  ])('--table %s is refused with exit 2', async (range, pattern) => {
    const { code, stdout, stderr } = await cli('erlang', ...base, '--table', range);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.replace(/^ccsim erlang: /, '')).toMatch(pattern);
  });

  it('--table 1000 rows is allowed', async () => {
    const { code, stdout } = await cli('erlang', ...base, '--table', '1..1000', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toHaveLength(1000);
  });

  it.each([
    ['--target', '80', /^--target: must be a fraction between 0 and 1 \(exclusive\), got "80" \(a fraction: 0\.8 for 80%\)$/],
    ['--max-occupancy', '85', /^--max-occupancy: must be a fraction in \(0, 1\], got "85" \(a fraction: 0\.85 for 85%\)$/],
    ['--shrinkage', '30', /^--shrinkage: must be a fraction in \[0, 1\), got "30" \(a fraction: 0\.3 for 30%\)$/],
    ['--shrinkage', '1', /^--shrinkage: must be a fraction in \[0, 1\), got "1"$/],
    ['--target-asa', '0', /^--target-asa: must be a number of seconds > 0/],
  ])('%s %s is a UsageError naming the flag', async (flag, value, pattern) => {
    const staffing = flag === '--shrinkage' ? ['--target', '0.8'] : [];
    expect(await usageMessage([...base, ...staffing, flag, value])).toMatch(pattern);
  });
});
