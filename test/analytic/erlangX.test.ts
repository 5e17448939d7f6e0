import { describe, expect, it } from 'vitest';
import { erlangA, erlangB, erlangBRetrial, erlangC, erlangX, ERLANG_X_TOLERANCE } from '../../src/analytic/index.js';
import { referenceErlangX, type XCase } from '../support/erlangXReference.js';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe('erlangX against an independent Gauss-Seidel + uniformization reference', () => {
  const cases: [string, XCase][] = [
    ['overloaded, few lines, redials', { agents: 2, lines: 4, arrivalRate: 1 / 60, aht: 180, patience: 120, retrialProbability: 0.6, retrialDelay: 200, slSeconds: 20 }],
    ['short patience, quick redials', { agents: 3, lines: 6, arrivalRate: 2.5 / 180, aht: 180, patience: 60, retrialProbability: 0.3, retrialDelay: 60, slSeconds: 15 }],
    ['no abandonment, persistent redials', { agents: 2, lines: 4, arrivalRate: 1.5 / 180, aht: 180, patience: Infinity, retrialProbability: 0.8, retrialDelay: 120, slSeconds: 30 }],
    ['Erlang B with retrials', { agents: 2, lines: 2, arrivalRate: 2 / 180, aht: 180, patience: Infinity, retrialProbability: 0.5, retrialDelay: 90, slSeconds: 0 }],
  ];
  it.each(cases)('%s', (_, k) => {
    const x = erlangX(k);
    const ref = referenceErlangX(k, 80);
    expect(ref.edgeMass).toBeLessThan(1e-13); // the reference's own cut is harmless
    expect(x.truncation.error).toBeLessThan(ERLANG_X_TOLERANCE);
    expect(x.truncation.orbitMax).toBeGreaterThan(0);
    expect(ref.pBlock).toBeGreaterThan(0.01); // blocking matters in every case
    expect(rel(x.pBlock, ref.pBlock)).toBeLessThan(1e-8);
    expect(rel(x.occupancy, ref.occupancy)).toBeLessThan(1e-8);
    expect(rel(x.effectiveArrivalRate, ref.effectiveArrivalRate)).toBeLessThan(1e-8);
    expect(rel(x.serviceLevel, ref.serviceLevel)).toBeLessThan(1e-8);
    expect(Math.abs(x.pWait - ref.pWait)).toBeLessThan(1e-10);
    expect(Math.abs(x.pAbandon - ref.pAbandon)).toBeLessThan(1e-10);
    expect(Math.abs(x.asa! - ref.asa)).toBeLessThan(1e-7);
  });
});

describe('erlangX: known limits', () => {
  const base = { arrivalRate: 100 / 1800, aht: 180, slSeconds: 20 };

  it.each([8, 9, 12])('r = 0 and lines far above the agents is Erlang A (%i agents)', (agents) => {
    const x = erlangX({ ...base, agents, lines: agents + 300, patience: 120 });
    const a = erlangA({ ...base, agents, patience: 120 });
    for (const key of ['pWait', 'serviceLevel', 'asa', 'occupancy', 'pAbandon'] as const) {
      expect(rel(x[key]!, a[key]!)).toBeLessThan(1e-10);
    }
    expect(x.pBlock).toBeLessThan(1e-100);
    expect(x.truncation).toEqual({ orbitMax: 0, error: 0 });
  });

  it('no patience, r = 0 and lines far above the agents is Erlang C', () => {
    const x = erlangX({ ...base, agents: 12, lines: 412 });
    const cc = erlangC({ ...base, agents: 12 });
    for (const key of ['pWait', 'serviceLevel', 'asa', 'occupancy'] as const) expect(rel(x[key]!, cc[key]!)).toBeLessThan(1e-10);
    expect(x.pAbandon).toBe(0);
  });

  it.each([1, 5, 12, 40])('no queue (lines = agents), r = 0 is Erlang B (%i lines)', (lines) => {
    const load = 10;
    const x = erlangX({ ...base, agents: lines, lines, patience: 120 });
    const b = erlangB(lines, load);
    expect(rel(x.pBlock, b)).toBeLessThan(1e-11);
    expect(rel(x.occupancy, (load * (1 - b)) / lines)).toBeLessThan(1e-11);
    expect(x).toMatchObject({ pWait: 0, serviceLevel: 1, asa: 0, pAbandon: 0 });
    expect(rel(erlangBRetrial({ agents: lines, arrivalRate: base.arrivalRate, aht: 180 }).pBlock, b)).toBeLessThan(1e-11);
  });

  it('one agent, one line, redials: the chain solved by hand', () => {
    // States (n, m), n in {0, 1}. (0, m) is entered only by a service from (1, m), so
    // (λ + mδ)·π(0,m) = μ·π(1,m); across the cut between orbit m and m+1,
    // λr·π(1,m) = (m+1)δ·[π(0,m+1) + (1−r)·π(1,m+1)]. Together:
    // π(1,m+1) = π(1,m)·λr / ((m+1)δ·(μ/(λ + (m+1)δ) + 1 − r)).
    const lam = 1 / 100, mu = 1 / 150, r = 0.7, de = 1 / 40;
    const p1 = [1];
    for (let m = 0; m < 200; m++) p1.push((p1[m]! * lam * r) / ((m + 1) * de * (mu / (lam + (m + 1) * de) + 1 - r)));
    const p0 = p1.map((x, m) => (mu * x) / (lam + m * de));
    const total = [...p0, ...p1].reduce((a, b) => a + b, 0);
    const orbitMean = p1.reduce((s, x, m) => s + m * (x + p0[m]!), 0) / total;
    const blocked = p1.reduce((s, x, m) => s + (lam + m * de) * x, 0) / total;
    const attempts = lam + de * orbitMean;
    const x = erlangBRetrial({ agents: 1, arrivalRate: lam, aht: 150, retrialProbability: r, retrialDelay: 40 });
    expect(x.model).toBe('erlang-b');
    expect(rel(x.pBlock, blocked / attempts)).toBeLessThan(1e-10);
    expect(rel(x.effectiveArrivalRate, attempts)).toBeLessThan(1e-10);
    expect(rel(x.occupancy, p1.reduce((a, b) => a + b, 0) / total)).toBeLessThan(1e-10);
    expect(rel(x.meanOrbit, orbitMean)).toBeLessThan(1e-10);
    expect(x.pBlock).toBeGreaterThan(erlangB(1, lam * 150)); // retrials come back to a busy line
  });
});

describe('erlangX: properties', () => {
  const k = { agents: 10, arrivalRate: 100 / 1800, aht: 180, patience: 120, retrialProbability: 0.5, retrialDelay: 300, slSeconds: 20 };

  it('pBlock falls as lines are added, abandonment rises (more callers wait instead)', () => {
    const xs = [10, 11, 12, 14, 16, 20].map((lines) => erlangX({ ...k, lines }));
    for (let i = 1; i < xs.length; i++) {
      expect(xs[i]!.pBlock).toBeLessThan(xs[i - 1]!.pBlock);
      expect(xs[i]!.pAbandon).toBeGreaterThan(xs[i - 1]!.pAbandon);
    }
  });

  it('the truncation error is below the tolerance, and a tighter one moves nothing that matters', () => {
    const loose = erlangX({ ...k, lines: 12, tolerance: 1e-6 });
    const tight = erlangX({ ...k, lines: 12, tolerance: 1e-14 });
    expect(loose.truncation.error).toBeLessThan(1e-6);
    expect(tight.truncation.error).toBeLessThan(1e-14);
    expect(tight.truncation.orbitMax).toBeGreaterThan(loose.truncation.orbitMax);
    expect(Math.abs(loose.pBlock - tight.pBlock)).toBeLessThan(1e-5);
    const d = erlangX({ ...k, lines: 12 });
    expect(Math.abs(d.pBlock - tight.pBlock)).toBeLessThan(1e-9);
    expect(Math.abs(d.serviceLevel - tight.serviceLevel)).toBeLessThan(1e-9);
  });

  it('flows balance: attempts = blocked + answered + abandoned; fresh = answered + callers lost for good', () => {
    const x = erlangX({ ...k, lines: 12 });
    expect(rel(x.effectiveArrivalRate, x.blockedRate + x.answeredRate + x.abandonedRate)).toBeLessThan(1e-9);
    expect(rel(x.effectiveArrivalRate, k.arrivalRate + x.retrialRate)).toBeLessThan(1e-12);
    // Little: abandoned attempts per second = θ·E[waiting] equals admitted attempts × pAbandon.
    const admitted = x.effectiveArrivalRate - x.blockedRate;
    expect(rel(x.abandonedRate, admitted * x.pAbandon)).toBeLessThan(1e-9);
    // Every fresh caller ends answered or gone for good, (1 − r) of each blocked or abandoned attempt.
    expect(rel(k.arrivalRate, x.answeredRate + (1 - k.retrialProbability) * (x.blockedRate + x.abandonedRate))).toBeLessThan(1e-8);
  });

  it('no arrivals: nobody waits or is blocked', () => {
    expect(erlangX({ ...k, lines: 12, arrivalRate: 0 })).toMatchObject({ pBlock: 0, pWait: 0, serviceLevel: 1, asa: 0, occupancy: 0 });
  });

  it('r = 1 and a load at or above the agents is refused (the orbit grows without end)', () => {
    expect(() => erlangX({ ...k, lines: 12, retrialProbability: 1 })).toThrow(/retrialProbability 1 .* below the agents/);
    expect(erlangX({ ...k, agents: 12, lines: 14, retrialProbability: 1 }).truncation.error).toBeLessThan(ERLANG_X_TOLERANCE);
  });

  it.each([
    [{ lines: 9 }, /lines must be an integer >= 10/],
    [{ lines: 12, retrialProbability: 1.5 }, /retrialProbability must be in \[0, 1\]/],
    [{ lines: 12, retrialDelay: undefined }, /retrialDelay must be a finite number > 0/],
    [{ lines: 12, patience: 0 }, /patience must be > 0/],
    [{ lines: 600_000, retrialProbability: 0 }, /more than can be solved exactly in seconds/],
  ])('bad or out-of-reach input %j is a RangeError', (change, message) => {
    expect(() => erlangX({ ...k, ...change } as Parameters<typeof erlangX>[0])).toThrow(message);
  });
});
