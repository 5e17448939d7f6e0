import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { staff } from '../../src/index.js';

/**
 * `ccsim staff` (simulation, the README's next step after each walk-through) on every bundled
 * scenario, with its defaults: it must finish within its budget and meet every target on fresh
 * random numbers, or say which it misses and why. How long each takes is in bench/RESULTS.md.
 */
const files = readdirSync('scenarios').filter((f) => f.endsWith('.json')).sort();

describe('staff(bundled scenario) with the defaults', () => {
  it('has scenarios to check', () => expect(files.length).toBeGreaterThanOrEqual(8));
  for (const file of files) {
    it(`${file}: finishes within its budget and meets every target on fresh random numbers`, async () => {
      const out = await staff(`scenarios/${file}`, { workers: 2 });
      const budget = out.plan.budget!;
      expect(out.plan.evaluations!).toBeLessThanOrEqual(budget.maxEvaluations + 6);
      // Every miss would carry its reason; none is expected for the bundled scenarios.
      expect(out.plan.misses.map((m) => `${m.at} ${m.type ?? m.group} ${m.kpi}: ${m.why}`)).toEqual([]);
      expect(out.plan.met).toBe(true);
      expect(budget.exhausted).toBe(false);
      // Noise aside, the verification's means meet their targets in nearly every (interval, type).
      expect(out.plan.targets!.share).toBeGreaterThanOrEqual(0.9);
      // No group grows past a sane multiple of the analytic requirement (the runaway of issue 12).
      const required = Object.values(out.byType).reduce((sum, t) => sum + t.required.reduce((a, b) => a + b, 0), 0);
      const planned = Object.values(out.byGroup).reduce((sum, g) => sum + g.staff.reduce((a, b) => a + b, 0), 0);
      expect(planned).toBeLessThan(1.5 * required + 10 * out.verification!.intervals.length);
    }, 240_000);
  }
});
