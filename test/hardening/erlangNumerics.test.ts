/**
 * Numerical guards (issue 8, item 3): Erlang B, C and A at 10,000 agents and loads of 0.999 and
 * 1.5 times the agents return finite values in range, checked against an independent exact
 * computation in BigInt fixed point (80 decimal digits, written here from the birth-death chain,
 * sharing no code or recurrence with src/analytic) to 1e-9, and against the Halfin-Whitt /
 * Garnett-Mandelbaum-Reiman asymptotics with a stated tolerance.
 */
import { describe, expect, it } from 'vitest';
import { erlangA, erlangB, erlangC, minAgents } from '../../src/analytic/index.js';

const SCALE = 10n ** 80n;
const C = 10_000;
const AHT = 180;
const T = 20;

/** a/b of two BigInts as a double, exact to double precision for ratios in 1e-30..1e30. */
const ratio = (a: bigint, b: bigint) => Number((a * 10n ** 40n) / b) / 1e40;

/**
 * The M/M/c (+M) chain in BigInt fixed point, loads and rates in units of the service rate
 * (mu = 1): load A = lambda/mu an integer, r = theta/mu = aht/patience = u/v (v = 0: no patience).
 * Weights are relative to state c: below[k] = pi_k/pi_c = prod_{j=k+1..c} j/A, tail w_j =
 * prod_{i=1..j} A/(c + i r); the tail stops when a term is below 1e-70 of the sum past the peak.
 */
function exactChain(c: number, A: number, u: number, v: number) {
  const a = BigInt(A);
  let term = SCALE; // pi_c / pi_c
  let below = 0n; // sum over k < c
  for (let k = c; k >= 1; k--) {
    term = (term * BigInt(k)) / a; // pi_{k-1} / pi_c
    below += term;
  }
  let tail = 0n;
  let queue = 0n; // sum of j * w_j
  if (v > 0) {
    let w = SCALE;
    for (let j = 0; ; j++) {
      tail += w;
      queue += BigInt(j) * w;
      const next = (w * a * BigInt(v)) / (BigInt(c) * BigInt(v) + BigInt(j + 1) * BigInt(u));
      if (next < w && next * 10n ** 70n < tail) break;
      w = next;
    }
  }
  return { below, tail, queue };
}

/** Erlang B and C (pWait, service level, ASA) from the exact chain; C only for A < c. */
function exactErlangC(c: number, A: number) {
  const { below } = exactChain(c, A, 0, 0);
  const S = below + SCALE; // 1/B, scaled
  const b = ratio(SCALE, S);
  if (A >= c) return { b, pWait: 1 };
  // C = c B / (c - A (1 - B)) = c / ((c - A) S + A)
  const pWait = ratio(BigInt(c) * SCALE, BigInt(c - A) * S + BigInt(A) * SCALE);
  return { b, pWait, serviceLevel: 1 - pWait * Math.exp((-(c - A) / AHT) * T), asa: (pWait * AHT) / (c - A) };
}

/** Erlang A: P(wait) = P(N >= c) (PASTA); P(abandon) = theta E[Lq] / lambda (flow balance, not the code's per-state formula). */
function exactErlangA(c: number, A: number, patience: number) {
  // r = aht / patience as u / v with integers.
  const v = patience;
  const u = AHT;
  const { below, tail, queue } = exactChain(c, A, u, v);
  const total = below + tail;
  const pWait = ratio(tail, total);
  const meanQueue = ratio(queue, total);
  const pAbandon = ((u / v) * meanQueue) / A;
  return { pWait, pAbandon };
}

/** Standard normal density. */
const phi = (x: number) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
/** Standard normal distribution by its series 1/2 + phi(x) sum x^(2n+1)/(1*3*...*(2n+1)), to ~1e-15 for |x| < 3. */
function Phi(x: number): number {
  let sum = x;
  let term = x;
  for (let n = 1; n < 200; n++) {
    term *= (x * x) / (2 * n + 1);
    sum += term;
  }
  return 0.5 + phi(x) * sum;
}

describe('Erlang B and C at 10,000 agents against an exact BigInt evaluation', () => {
  it('load 0.999c (9,990 Erlangs): B, P(wait), service level and ASA agree to 1e-9 relative', () => {
    const exact = exactErlangC(C, 9990);
    expect(Math.abs(erlangB(C, 9990) / exact.b - 1)).toBeLessThan(1e-9);
    const m = erlangC({ agents: C, arrivalRate: 9990 / AHT, aht: AHT, slSeconds: T });
    for (const x of [m.pWait, m.serviceLevel, m.occupancy, m.asa!]) expect(Number.isFinite(x)).toBe(true);
    expect(Math.abs(m.pWait / exact.pWait - 1)).toBeLessThan(1e-9);
    expect(Math.abs(m.serviceLevel - exact.serviceLevel!)).toBeLessThan(1e-9);
    expect(Math.abs(m.asa! / exact.asa! - 1)).toBeLessThan(1e-9);
    expect(m.occupancy).toBeCloseTo(0.999, 12);
  });

  it('load 0.999c: P(wait) is within 0.01 of Halfin-Whitt, [1 + beta Phi(beta) / phi(beta)]^-1 with beta = (c - A)/sqrt(A) (error O(1/sqrt(c)) = 0.01)', () => {
    const beta = (C - 9990) / Math.sqrt(9990);
    const hw = 1 / (1 + (beta * Phi(beta)) / phi(beta));
    const m = erlangC({ agents: C, arrivalRate: 9990 / AHT, aht: AHT, slSeconds: T });
    expect(Math.abs(m.pWait - hw)).toBeLessThan(0.01);
  });

  it('load 1.5c: B agrees to 1e-9; Erlang C is unstable (pWait 1, SL 0, occupancy 1, ASA null) as the contract says', () => {
    const exact = exactErlangC(C, 15000);
    expect(Math.abs(erlangB(C, 15000) / exact.b - 1)).toBeLessThan(1e-9);
    expect(exact.b).toBeCloseTo(1 / 3, 2); // fluid limit 1 - c/A
    const m = erlangC({ agents: C, arrivalRate: 15000 / AHT, aht: AHT, slSeconds: T });
    expect(m).toMatchObject({ pWait: 1, serviceLevel: 0, occupancy: 1, asa: null });
  });
});

describe('Erlang A at 10,000 agents against an exact BigInt evaluation', () => {
  const cases: [load: number, patience: number][] = [
    [9990, 180],
    [9990, 600],
    [15000, 180],
    [15000, 60],
  ];
  for (const [load, patience] of cases) {
    it(`load ${load / C}c, patience ${patience} s: P(wait) and P(abandon) to 1e-9; SL between 1 - P(wait) and 1 - P(abandon); all finite`, () => {
      const m = erlangA({ agents: C, arrivalRate: load / AHT, aht: AHT, patience, slSeconds: T });
      const exact = exactErlangA(C, load, patience);
      for (const x of [m.pWait, m.serviceLevel, m.occupancy, m.pAbandon!, m.asa!]) {
        expect(Number.isFinite(x)).toBe(true);
        expect(x).toBeGreaterThanOrEqual(0);
      }
      expect(Math.abs(m.pWait / exact.pWait - 1)).toBeLessThan(1e-9);
      expect(Math.abs(m.pAbandon! / exact.pAbandon - 1)).toBeLessThan(1e-9);
      expect(m.serviceLevel).toBeGreaterThanOrEqual(1 - m.pWait - 1e-12);
      expect(m.serviceLevel).toBeLessThanOrEqual(1 - m.pAbandon! + 1e-12);
      expect(m.occupancy).toBeCloseTo(Math.min(1, (load * (1 - m.pAbandon!)) / C), 12);
      if (load > C) {
        // Efficiency-driven regime (GMR): the fluid limit abandons 1 - c/A; error O(1/sqrt(c)).
        expect(Math.abs(m.pAbandon! - (1 - C / load))).toBeLessThan(0.01);
      } else {
        // QED regime (Garnett-Mandelbaum-Reiman): P(wait) = [1 + sqrt(r) h(beta/sqrt(r)) / h(-beta)]^-1,
        // r = theta/mu, h the standard normal hazard; within 0.02 at c = 10,000.
        const r = AHT / patience;
        const beta = (C - load) / Math.sqrt(load);
        const h = (x: number) => phi(x) / (1 - Phi(x));
        const gmr = 1 / (1 + Math.sqrt(r) * (h(beta / Math.sqrt(r)) / h(-beta)));
        expect(Math.abs(m.pWait - gmr)).toBeLessThan(0.02);
      }
    });
  }

  it('minAgents at 9,990 Erlangs: the answer meets 80/20 and one agent fewer misses, in milliseconds', () => {
    const started = performance.now();
    for (const patience of [undefined, 180]) {
      const m = minAgents({ arrivalRate: 9990 / AHT, aht: AHT, slSeconds: T, target: 0.8, ...(patience ? { patience } : {}) });
      expect(m.serviceLevel).toBeGreaterThanOrEqual(0.8);
      const fewer = patience
        ? erlangA({ agents: m.agents - 1, arrivalRate: 9990 / AHT, aht: AHT, patience, slSeconds: T })
        : erlangC({ agents: m.agents - 1, arrivalRate: 9990 / AHT, aht: AHT, slSeconds: T });
      expect(fewer.serviceLevel).toBeLessThan(0.8);
    }
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
