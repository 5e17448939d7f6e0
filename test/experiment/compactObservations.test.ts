import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildModel, runReplication, RunReducer } from '../../src/experiment/index.js';
import { emptyIntervalPairs, intervalView, ObservationExpander, observationLayout } from '../../src/experiment/kpiObserver.js';
import { GROUP_MEASURES, TYPE_MEASURES } from '../../src/experiment/measures.js';
import { parseScenarioText } from '../../src/scenario/index.js';
import { PairedMoments } from '../../src/stats/index.js';

const bankWeek = buildModel(parseScenarioText(readFileSync(new URL('../../bench/bank-week.json', import.meta.url), 'utf8'), 'bank-week.json'));
const bits = (a: Float64Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length * 2));

describe('compact observations (ReplicationResult.observations) and ObservationExpander', () => {
  const layout = observationLayout(bankWeek);
  const nTypes = bankWeek.types.length;
  const nGroups = bankWeek.groups.length;
  const n = bankWeek.intervals;

  it('mark exactly the intervals with no contacts and those with no agents, and restore them bit for bit', () => {
    const expander = new ObservationExpander(layout, bankWeek.intervalSeconds);
    const empty = emptyIntervalPairs(layout.set, bankWeek.intervalSeconds);
    for (const replication of [0, 1, 2]) {
      const r = runReplication(bankWeek, 9, replication);
      const { pairs, present } = r.observations;
      expect(present.length).toBe(layout.typeViews + layout.groupViews);
      // From the result's own tables: a (type, interval) with every measure 0 and no answered
      // wait is empty; a (group, interval) with every measure 0 had no agents.
      let emptyTypes = 0;
      let emptyGroups = 0;
      for (let t = 0; t < nTypes; t++) {
        for (let i = 0; i < n; i++) {
          const at = (t * n + i) * TYPE_MEASURES;
          const none = r.types.subarray(at, at + TYPE_MEASURES).every((x) => x === 0);
          expect(present[intervalView(nTypes, i, t)]).toBe(none ? 0 : 1);
          if (none) emptyTypes++;
        }
      }
      for (let g = 0; g < nGroups; g++) {
        for (let i = 0; i < n; i++) {
          const at = (g * n + i) * GROUP_MEASURES;
          const none = r.groups.subarray(at, at + GROUP_MEASURES).every((x) => x === 0);
          expect(present[layout.typeViews + intervalView(nGroups, i, g)]).toBe(none ? 0 : 1);
          if (none) emptyGroups++;
        }
      }
      // Bank-week is closed 104 of its 168 hours: most interval views travel as a mark.
      expect(emptyTypes).toBeGreaterThanOrEqual(104 * nTypes);
      expect(emptyGroups).toBeGreaterThan((n * nGroups) / 2);
      expect(pairs.length).toBe(2 * (layout.typeCells + layout.groupCells) - 2 * (emptyTypes * layout.k + emptyGroups * layout.gk));

      const table = expander.expand(r.observations);
      let from = 0;
      for (let v = 0; v < layout.typeViews + layout.groupViews; v++) {
        const width = v < layout.typeViews ? 2 * layout.k : 2 * layout.gk;
        const at = v < layout.typeViews ? v * width : 2 * layout.typeCells + (v - layout.typeViews) * width;
        const got = table.slice(at, at + width);
        if (present[v] === 1) {
          expect(bits(got)).toEqual(bits(pairs.slice(from, from + width)));
          from += width;
        } else expect(bits(got)).toEqual(bits(v < layout.typeViews ? empty : new Float64Array(width)));
      }
    }
  });

  it('a damaged or foreign result is refused, not reduced', () => {
    const expander = new ObservationExpander(layout, bankWeek.intervalSeconds);
    const r = runReplication(bankWeek, 9, 0);
    expect(() => expander.expand({ pairs: r.observations.pairs.slice(1), present: r.observations.present })).toThrow(/observations hold \d+ values, not the \d+ their views take/);
    expect(() => expander.expand({ pairs: r.observations.pairs, present: r.observations.present.slice(1) })).toThrow(/views, not/);
  });

  it('moments added straight from the compact pairs are those of the whole tables, bit for bit', () => {
    // What RunReducer does (addCompact, absent views read as constants, unchanged cells skipped)
    // against the plain update of every cell of the restored table, over replications in which
    // some views are present in one and absent in another.
    const expander = new ObservationExpander(layout, bankWeek.intervalSeconds);
    const compact = [new PairedMoments(layout.typeCells), new PairedMoments(layout.groupCells)];
    const whole = [new PairedMoments(layout.typeCells), new PairedMoments(layout.groupCells)];
    const seen = new Uint8Array(layout.typeViews + layout.groupViews);
    let toggled = 0;
    for (let replication = 0; replication < 40; replication++) {
      const r = runReplication(bankWeek, 3, replication);
      const { pairs, present } = r.observations;
      for (let v = 0; v < present.length; v++) {
        if (replication > 0 && (seen[v]! & 1) !== present[v]) toggled++;
        seen[v] = present[v]!;
      }
      const next = compact[0]!.addCompact(pairs, 0, present, 0, layout.typeViews, layout.k, expander.absentType);
      expect(compact[1]!.addCompact(pairs, next, present, layout.typeViews, layout.groupViews, layout.gk, expander.absentGroup)).toBe(pairs.length);
      const table = expander.expand(r.observations);
      whole.forEach((m, side) => {
        const from = side === 0 ? 0 : 2 * layout.typeCells;
        m.nextObservation();
        for (let cell = 0; cell < m.cells; cell++) m.add(cell, table[from + 2 * cell]!, table[from + 2 * cell + 1]!);
      });
    }
    expect(toggled).toBeGreaterThan(0);
    whole.forEach((m, side) => {
      for (let cell = 0; cell < m.cells; cell++) {
        const a = compact[side]!.sums(cell);
        const b = m.sums(cell);
        expect(bits(Float64Array.of(a.n, a.meanX, a.meanY, a.sxx, a.syy, a.sxy))).toEqual(bits(Float64Array.of(b.n, b.meanX, b.meanY, b.sxx, b.syy, b.sxy)));
      }
    });
  });

  it('the reducer refuses a damaged result before it adds anything of it', () => {
    const results = [0, 1].map((replication) => runReplication(bankWeek, 5, replication));
    const clean = new RunReducer(bankWeek);
    results.forEach((r) => clean.add(r));
    const hit = new RunReducer(bankWeek);
    hit.add(results[0]!);
    const damaged = { ...results[1]!, observations: { ...results[1]!.observations, pairs: results[1]!.observations.pairs.slice(2) } };
    expect(() => hit.add(damaged)).toThrow(/RunReducer: replication 1: observations hold/);
    hit.add(results[1]!);
    expect(hit.figures()).toEqual(clean.figures());
  });
});
