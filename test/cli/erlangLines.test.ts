import { describe, expect, it } from 'vitest';
import { erlangB, erlangX } from '../../src/analytic/index.js';
import { cli } from '../support/cli.js';

const base = ['erlang', '--volume', '100', '--interval-minutes', '30', '--aht', '180'];
const rate = 100 / 1800;

async function json(...args: string[]): Promise<Record<string, unknown>> {
  const r = await cli(...base, ...args, '--json');
  expect(r.code).toBe(0);
  expect(r.stdout).not.toMatch(/NaN|Infinity/);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe('ccsim erlang --model b | x', () => {
  it('--model x prints section 2 keys, pAbandon, pBlock, then lines and the truncation error', async () => {
    const doc = await json('--sl-seconds', '20', '--model', 'x', '--agents', '10', '--lines', '15', '--patience', '120',
      '--retrial-probability', '0.5', '--retrial-delay', '300');
    expect(Object.keys(doc)).toEqual(['model', 'agents', 'load', 'pWait', 'serviceLevel', 'asa', 'occupancy', 'pAbandon', 'pBlock',
      'lines', 'pBlockFresh', 'attemptsPerHour', 'retrialsPerHour', 'orbitMax', 'truncationError']);
    const x = erlangX({ agents: 10, lines: 15, arrivalRate: rate, aht: 180, patience: 120, retrialProbability: 0.5, retrialDelay: 300, slSeconds: 20 });
    expect(doc).toMatchObject({ model: 'erlang-x', agents: 10, lines: 15, pBlock: x.pBlock, serviceLevel: x.serviceLevel, pAbandon: x.pAbandon });
    expect(doc.attemptsPerHour).toBeCloseTo(x.effectiveArrivalRate * 3600, 9);
    expect(doc.truncationError as number).toBeLessThan(1e-10);
  });

  it('--model b --lines N is Erlang B with N trunks (no pAbandon), and retrials raise the blocking', async () => {
    const doc = await json('--model', 'b', '--lines', '14');
    expect(doc).toMatchObject({ model: 'erlang-b', agents: 14, lines: 14, pWait: 0, serviceLevel: 1, asa: 0, truncationError: 0 });
    expect(doc.pBlock).toBe(erlangB(14, 10));
    expect('pAbandon' in doc).toBe(false);
    const redial = await json('--model', 'b', '--lines', '14', '--retrial-probability', '0.6', '--retrial-delay', '120');
    expect(redial.pBlock as number).toBeGreaterThan(doc.pBlock as number);
    expect(redial.retrialsPerHour as number).toBeGreaterThan(0);
  });

  it('prints a readable block within 100 columns', async () => {
    const r = await cli(...base, '--sl-seconds', '20', '--model', 'x', '--agents', '10', '--lines', '15', '--patience', '120',
      '--retrial-probability', '0.5', '--retrial-delay', '300');
    expect(r.code).toBe(0);
    for (const label of ['Erlang X', 'retrials', 'attempts', 'lines', 'blocked', 'service level', 'abandonment', 'exactness']) expect(r.stdout).toContain(label);
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });

  it.each([
    [['--model', 'z', '--agents', '3', '--sl-seconds', '20'], /^ccsim erlang: --model: must be c \(Erlang C\), a/],
    [['--model', 'x', '--agents', '10', '--sl-seconds', '20'], /--lines: required/],
    [['--model', 'x', '--agents', '10', '--lines', '8', '--sl-seconds', '20'], /--lines: must be at least --agents \(10\)/],
    [['--model', 'x', '--agents', '10', '--lines', '12'], /--sl-seconds: required/],
    [['--model', 'x', '--agents', '10', '--lines', '12', '--sl-seconds', '20', '--retrial-probability', '0.5'], /--retrial-delay: required/],
    [['--model', 'x', '--agents', '10', '--lines', '12', '--sl-seconds', '20', '--retrial-probability', '1.5', '--retrial-delay', '60'], /--retrial-probability: must be a probability in \[0, 1\]/],
    [['--model', 'x', '--agents', '10', '--lines', '12', '--sl-seconds', '20', '--retrial-probability', '1', '--retrial-delay', '60'], /retrialProbability 1 every caller comes back/],
    [['--model', 'b', '--lines', '12', '--agents', '12'], /--agents: with --model b the lines are the agents/],
    [['--model', 'b', '--lines', '12', '--patience', '60'], /--patience: Erlang B/],
    [['--model', 'x', '--agents', '10', '--lines', '12', '--sl-seconds', '20', '--target', '0.8'], /--target: not available with --model x/],
    [['--lines', '12', '--agents', '10', '--sl-seconds', '20'], /--lines: only with --model b .* or --model x/],
    [['--model', 'c', '--agents', '12', '--sl-seconds', '20', '--patience', '60'], /--patience: Erlang C/],
    [['--model', 'a', '--agents', '12', '--sl-seconds', '20'], /--patience: required with --model a/],
  ])('%j: exit 2, one line naming the flag, nothing on stdout', async (args, message) => {
    const r = await cli(...base, ...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim()).not.toContain('\n');
  });

  it('--model c and --model a are the existing Erlang C and A', async () => {
    expect(await json('--sl-seconds', '20', '--agents', '12', '--model', 'c')).toEqual(await json('--sl-seconds', '20', '--agents', '12'));
    expect(await json('--sl-seconds', '20', '--agents', '12', '--model', 'a', '--patience', '120'))
      .toEqual(await json('--sl-seconds', '20', '--agents', '12', '--patience', '120'));
  });
});
