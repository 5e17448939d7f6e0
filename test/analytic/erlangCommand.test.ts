import { describe, expect, it } from 'vitest';
import { erlangA, erlangC, minAgents } from '../../src/analytic/index.js';
import { erlangCommand } from '../../src/cli/erlangCommand.js';
import { type CliIo, UsageError } from '../../src/cli/io.js';

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
    expect(await usageMessage([...base, '--agents', '12', '--target', '0.8'])).toMatch(/exactly one of --agents/);
    expect(await usageMessage(base)).toMatch(/exactly one of --agents/);
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
