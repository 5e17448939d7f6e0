import { describe, expect, it } from 'vitest';
import { erlangA } from '../../src/analytic/index.js';

/** mulberry32: a tiny seeded generator, enough for a test-only simulation. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 1) / 4294967297; // in (0, 1)
  };
}

interface Batch { within: number; abandoned: number; answered: number; wait: number; n: number }

/**
 * FCFS M/M/c+M by the Kiefer-Wolfowitz recursion: an arrival takes the earliest-free agent
 * unless its patience runs out first; abandoners never hold an agent.
 */
function simulate(c: number, lambda: number, aht: number, patience: number, t: number, seed: number, arrivals: number, batches: number): Batch[] {
  const random = mulberry32(seed);
  const exp = (mean: number): number => -mean * Math.log(random());
  const free = new Float64Array(c);
  const warmup = Math.floor(arrivals / 20);
  const perBatch = Math.floor((arrivals - warmup) / batches);
  const out: Batch[] = Array.from({ length: batches }, () => ({ within: 0, abandoned: 0, answered: 0, wait: 0, n: 0 }));
  let now = 0;
  for (let i = 0; i < arrivals; i++) {
    now += exp(1 / lambda);
    let k = 0;
    for (let s = 1; s < c; s++) if ((free[s] ?? 0) < (free[k] ?? 0)) k = s;
    const wait = Math.max(0, (free[k] ?? 0) - now);
    const willWait = exp(patience);
    const b = i < warmup ? undefined : out[Math.min(batches - 1, Math.floor((i - warmup) / perBatch))];
    if (wait > willWait) {
      if (b) { b.abandoned++; b.n++; }
      continue;
    }
    free[k] = now + wait + exp(aht);
    if (b) { b.answered++; b.n++; b.wait += wait; if (wait <= t) b.within++; }
  }
  return out;
}

function meanAndHalfWidth(xs: number[]): [number, number] {
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
  return [m, 5 * Math.sqrt(v / xs.length)]; // ±5 batch-means standard errors
}

describe('erlangA(params) against a seeded simulation (seed 20240611, 400,000 arrivals, 20 batches)', () => {
  it.each([
    [10, 9 / 180, 180, 120, 20],
    [20, 26 / 240, 240, 90, 30],
  ])('%i agents, λ %f /s, aht %f s, patience %f s, T %f s: SL, abandonment and ASA inside ±5 SE', (c, lambda, aht, patience, t) => {
    const m = erlangA({ agents: c, arrivalRate: lambda, aht, patience, slSeconds: t });
    const batches = simulate(c, lambda, aht, patience, t, 20240611, 400_000, 20);
    const [sl, slHw] = meanAndHalfWidth(batches.map((b) => b.within / b.n));
    const [ab, abHw] = meanAndHalfWidth(batches.map((b) => b.abandoned / b.n));
    const [asa, asaHw] = meanAndHalfWidth(batches.map((b) => b.wait / b.answered));
    expect(Math.abs(sl - m.serviceLevel)).toBeLessThan(slHw);
    expect(Math.abs(ab - (m.pAbandon ?? 0))).toBeLessThan(abHw);
    expect(Math.abs(asa - (m.asa ?? 0))).toBeLessThan(asaHw);
    // The band is narrow, so the check has teeth.
    expect(slHw).toBeLessThan(0.02);
    expect(abHw).toBeLessThan(0.01);
  });
});
