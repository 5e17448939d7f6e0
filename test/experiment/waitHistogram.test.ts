import { describe, expect, it } from 'vitest';
import {
  addSparseWaits,
  firstWaitOfCell,
  sparseWaitQuantile,
  WAIT_BINS,
  waitBin,
  WaitCounts,
  waitQuantile,
} from '../../src/experiment/waitHistogram.js';

/** A small deterministic generator (the test must not depend on the model's streams). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) + 0.5) / 2 ** 32;
}

describe('the wait histogram', () => {
  it('bins a wait by its segment: 0 alone, 1 s up to a minute, 5 s up to 5 minutes', () => {
    expect(waitBin(0)).toBe(0);
    expect(waitBin(0.5)).toBe(1);
    expect(waitBin(59.9)).toBe(60);
    expect(waitBin(60)).toBe(61);
    expect(waitBin(64.9)).toBe(61);
    expect(waitBin(65)).toBe(62);
    expect(waitBin(1e9)).toBe(WAIT_BINS - 1);
  });

  it('the 90th percentile of 0..99 s answered waits is 90 s (exact to the 1 s bin)', () => {
    const dense = new Float64Array(WAIT_BINS);
    for (let w = 0.5; w < 100; w++) dense[waitBin(w)]!++;
    expect(waitQuantile(dense, 0, 0.9)).toBeCloseTo(90, 0);
  });

  it('sparse counts of many cells give the same bits as the dense histogram, cell by cell and pooled', () => {
    const cells = 7;
    const random = lcg(17);
    const counts = new WaitCounts();
    const owner = {};
    counts.acquire(owner, cells);
    const dense = new Float64Array(cells * WAIT_BINS);
    for (let k = 0; k < 5000; k++) {
      // Cell 3 stays empty; waits spread over every segment (exponential, mean 10 min).
      const cell = [0, 1, 2, 4, 5, 6][Math.floor(random() * 6)]!;
      const bin = random() < 0.2 ? 0 : waitBin(-600 * Math.log(random()));
      counts.count(cell, bin);
      dense[cell * WAIT_BINS + bin]!++;
    }
    const { bins, counts: n } = counts.take(owner);
    expect([...bins]).toEqual([...bins].sort((a, b) => a - b));
    let from = 0;
    for (let cell = 0; cell < cells; cell++) {
      const to = firstWaitOfCell(bins, from, cell + 1);
      for (const q of [0.5, 0.9, 0.99]) {
        expect(Object.is(sparseWaitQuantile(bins, n, from, to, q), waitQuantile(dense, cell * WAIT_BINS, q))).toBe(true);
      }
      from = to;
    }
    expect(from).toBe(bins.length);
    const pooled = new Float64Array(WAIT_BINS);
    addSparseWaits(pooled, bins, n, 0, bins.length);
    const densePooled = new Float64Array(WAIT_BINS);
    for (let cell = 0; cell < cells; cell++) for (let b = 0; b < WAIT_BINS; b++) densePooled[b]! += dense[cell * WAIT_BINS + b]!;
    expect(waitQuantile(pooled, 0, 0.9)).toBe(waitQuantile(densePooled, 0, 0.9));
  });

  it('a table left by a recorder that never finished is cleared for the next one, which cannot be robbed silently', () => {
    const counts = new WaitCounts();
    const first = {};
    counts.acquire(first, 2);
    counts.count(1, 5);
    const second = {};
    counts.acquire(second, 2);
    counts.count(0, 3);
    expect(() => counts.take(first)).toThrow(/another recorder/);
    const { bins, counts: n } = counts.take(second);
    expect([...bins]).toEqual([3]);
    expect([...n]).toEqual([1]);
  });
});
