import { describe, expect, it } from 'vitest';
import { erlangC } from '../../src/analytic/index.js';
import { requiredAgents } from '../../src/optimize/requiredAgents.js';
import { searchStaffing, staffingCost, type StaffingEvaluation } from '../../src/optimize/staffingSearch.js';
import type { StaffingGroup, StaffingProblem, StaffingType } from '../../src/optimize/staffingRules.js';

const n = 4;
const group = (id: string, costPerHour: number, extra: Partial<StaffingGroup> = {}): StaffingGroup => ({
  id,
  costPerHour,
  skillCount: 1,
  minStaff: new Array<number>(n).fill(0),
  maxStaff: new Array<number>(n).fill(Infinity),
  ...extra,
});
const type = (id: string, servers: StaffingType['servers'], extra: Partial<StaffingType> = {}): StaffingType => ({
  id,
  slSeconds: 20,
  targets: { slTarget: 0.8 },
  servers,
  ...extra,
});
const own = (g: number) => ({ group: g, afterSeconds: 0, handleTimeFactor: 1 });

// A deterministic evaluator: each interval an independent M/M/c (Erlang C), type t's agents are
// those of the groups listed in `effective[t]` (other groups serving it have no effect at all).
const rates = [[0.05, 0.1, 0.2, 0.08], [0.02, 0.04, 0.03, 0.01]];
const aht = 240;
const evaluator =
  (effective: readonly (readonly number[])[], calls: { n: number } = { n: 0 }) =>
  async (staff: readonly (readonly number[])[]): Promise<StaffingEvaluation> => {
    calls.n++;
    const m = effective.map((groups, t) =>
      rates[t]!.map((rate, i) => {
        const agents = groups.reduce((s, g) => s + staff[g]![i]!, 0);
        return agents === 0 ? { serviceLevel: 0, asa: null, occupancy: 1 } : erlangC({ agents, arrivalRate: rate, aht, slSeconds: 20 });
      }),
    );
    // The search's layout: type (group) g's interval i at g * intervals + i, NaN for "none".
    const flat = (rows: readonly (readonly (number | null)[])[]) => Float64Array.from(rows.flat(), (x) => x ?? NaN);
    return {
      serviceLevel: flat(m.map((row) => row.map((q) => q.serviceLevel))),
      abandonRate: flat(m.map((row) => row.map(() => 0))),
      asa: flat(m.map((row) => row.map((q) => q.asa))),
      occupancy: flat(staff.map((row, g) => row.map((_, i) => {
        const t = effective.findIndex((groups) => groups.includes(g));
        return t < 0 ? null : m[t]![i]!.occupancy;
      }))),
    };
  };
const exact = (t: number) => rates[t]!.map((rate) => requiredAgents({ arrivalRate: rate, aht, patience: null, slSeconds: 20, slTarget: 0.8 }, 'erlang-c').agents);

const required = [exact(0), exact(1)];
const twoTypes: StaffingProblem = {
  intervals: n,
  groups: [group('a', 30), group('b', 40)],
  types: [type('x', [own(0)]), type('y', [own(1)])],
};

describe('searchStaffing(problem, initial, evaluate)', () => {
  it('finds the per-interval minimum when the evaluation is exact (up from too few, down from too many)', async () => {
    const result = await searchStaffing(twoTypes, [[1, 1, 1, 1], [30, 30, 30, 30]], evaluator([[0], [1]]), { removalMargin: 0, required });
    const expected = [exact(0), exact(1)];
    expect(result.met).toBe(true);
    expect(result.givenUp).toEqual([]);
    expect(result.staff).toEqual(expected);
    expect(result.cost).toBe(staffingCost(twoTypes, expected));
  });

  it('respects an occupancy ceiling', async () => {
    const capped: StaffingProblem = { ...twoTypes, groups: [group('a', 30, { maxOccupancy: 0.7 }), twoTypes.groups[1]!] };
    const result = await searchStaffing(capped, [[1, 1, 1, 1], [30, 30, 30, 30]], evaluator([[0], [1]]), { removalMargin: 0, required });
    rates[0]!.forEach((rate, i) => expect((rate * aht) / result.staff[0]![i]!).toBeLessThanOrEqual(0.7));
  });

  it('reports met: false and budgetExhausted when the budget of evaluations runs out first', async () => {
    const result = await searchStaffing(twoTypes, [[1, 1, 1, 1], [30, 30, 30, 30]], evaluator([[0], [1]]), { maxEvaluations: 1, required });
    expect(result.met).toBe(false);
    expect(result.budgetExhausted).toBe(true);
    expect(result.misses).toBeGreaterThan(0);
  });

  it('never grows an overflow group that answers after the service-level threshold for a service-level miss', async () => {
    // x is served by voice (cost 34) and by a cheaper backup that takes it only after 60 s.
    const problem: StaffingProblem = {
      intervals: n,
      groups: [group('voice', 34), group('backup', 30)],
      types: [type('x', [own(0), { group: 1, afterSeconds: 60, handleTimeFactor: 1 }])],
    };
    const result = await searchStaffing(problem, [[0, 0, 0, 0], [5, 5, 5, 5]], evaluator([[0]]), { removalMargin: 0, required: [exact(0)] });
    expect(result.met).toBe(true);
    expect(result.staff[0]).toEqual(exact(0));
    expect(result.staff[1]!.every((x) => x <= 5)).toBe(true);
  });

  it('rules out a cheaper group whose agents do not move the miss, and grows the one that does', async () => {
    // Both answer at once; the cheap one has no effect on the service level (its agents never
    // get to x in this evaluator): the search must notice and not keep adding to it.
    const problem: StaffingProblem = {
      intervals: n,
      groups: [group('useful', 40), group('cheap', 30)],
      types: [type('x', [own(0), own(1)])],
    };
    const calls = { n: 0 };
    const result = await searchStaffing(problem, [[1, 1, 1, 1], [0, 0, 0, 0]], evaluator([[0]], calls), { removalMargin: 0, required: [exact(0)] });
    expect(result.met).toBe(true);
    expect(result.staff[0]).toEqual(exact(0));
    expect(result.staff[1]).toEqual([0, 0, 0, 0]); // the down phase takes the useless agents back
    expect(result.ruledOut(0, 2, 1)).toBe(true);
    expect(calls.n).toBeLessThan(30);
  });

  it('gives up a miss no group can move, reports why, and keeps the rest of the plan', async () => {
    // y is served only by a group that has no effect: given up as 'no-effect'; x still staffed exactly.
    const problem: StaffingProblem = {
      intervals: n,
      groups: [group('a', 30), group('b', 30), group('useless', 30)],
      types: [type('x', [own(0)]), type('y', [own(2)])],
    };
    const calls = { n: 0 };
    const result = await searchStaffing(problem, [[1, 1, 1, 1], [0, 0, 0, 0], [1, 1, 1, 1]], evaluator([[0], [1]], calls), { removalMargin: 0, required: [exact(0), exact(1)] });
    expect(result.staff[0]).toEqual(exact(0));
    expect(result.givenUp.map((g) => [g.type, g.interval, g.reason])).toEqual([[1, 0, 'no-effect'], [1, 1, 'no-effect'], [1, 2, 'no-effect'], [1, 3, 'no-effect']]);
    expect(result.staff[2]!.every((x) => x < 10)).toBe(true);
    expect(calls.n).toBeLessThan(40);
  });

  it('stops at maxStaff and gives the miss up as max-staff; never goes below minStaff', async () => {
    const problem: StaffingProblem = {
      intervals: n,
      groups: [group('a', 30, { maxStaff: [100, 100, 40, 100] }), group('b', 40, { minStaff: [20, 20, 20, 20] })],
      types: [type('x', [own(0)]), type('y', [own(1)])],
    };
    const result = await searchStaffing(problem, [[1, 1, 1, 1], [30, 30, 30, 30]], evaluator([[0], [1]]), { removalMargin: 0, required });
    const needed = exact(0);
    expect(needed[2]).toBeGreaterThan(40);
    expect(result.staff[0]).toEqual([needed[0], needed[1], 40, needed[3]]);
    expect(result.givenUp).toEqual([{ type: 0, interval: 2, reason: 'max-staff', groups: [0] }]);
    expect(result.staff[1]).toEqual(exact(1).map((x) => Math.max(20, x)));
  });

  it('stops at the ceiling it is given', async () => {
    const ceiling = [[100, 100, 30, 100], [100, 100, 100, 100]];
    const result = await searchStaffing(twoTypes, [[1, 1, 1, 1], [30, 30, 30, 30]], evaluator([[0], [1]]), { removalMargin: 0, ceiling, required });
    expect(result.staff[0]![2]).toBe(30);
    expect(result.givenUp.map((g) => g.reason)).toEqual(['ceiling']);
  });
});
