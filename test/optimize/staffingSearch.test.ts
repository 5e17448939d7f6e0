import { describe, expect, it } from 'vitest';
import { erlangC } from '../../src/analytic/index.js';
import { requiredAgents } from '../../src/optimize/requiredAgents.js';
import { searchStaffing, staffingCost, type StaffingEvaluation, type StaffingProblem } from '../../src/optimize/staffingSearch.js';

// A deterministic evaluator: each interval an independent M/M/c (Erlang C), two types each
// with its own group. The search must land on the analytic minimum exactly.
const rates = [[0.05, 0.1, 0.2, 0.08], [0.02, 0.04, 0.03, 0.01]];
const aht = 240;
const problem: StaffingProblem = {
  intervals: 4,
  groups: [{ id: 'a', costPerHour: 30 }, { id: 'b', costPerHour: 40 }],
  types: [{ id: 'x', groups: [0], slTarget: 0.8 }, { id: 'y', groups: [1], slTarget: 0.8 }],
  initial: [[1, 1, 1, 1], [30, 30, 30, 30]],
};
const evaluate = async (staff: readonly (readonly number[])[]): Promise<StaffingEvaluation> => {
  const metric = (t: number) => rates[t]!.map((rate, i) => erlangC({ agents: staff[t]![i]!, arrivalRate: rate, aht, slSeconds: 20 }));
  const m = [metric(0), metric(1)];
  return {
    serviceLevel: m.map((row) => row.map((q) => q.serviceLevel)),
    abandonRate: m.map((row) => row.map(() => 0)),
    asa: m.map((row) => row.map((q) => q.asa)),
    occupancy: m.map((row) => row.map((q) => q.occupancy)),
  };
};

describe('searchStaffing(problem, evaluate)', () => {
  it('finds the per-interval minimum when the evaluation is exact (up from too few, down from too many)', async () => {
    const result = await searchStaffing(problem, evaluate, { removalMargin: 0 });
    const expected = rates.map((row) => row.map((rate) => requiredAgents({ arrivalRate: rate, aht, patience: null, slSeconds: 20, slTarget: 0.8 }, 'erlang-c').agents));
    expect(result.met).toBe(true);
    expect(result.staff).toEqual(expected);
    expect(result.cost).toBe(staffingCost(problem, expected));
  });

  it('respects an occupancy ceiling', async () => {
    const capped: StaffingProblem = { ...problem, groups: [{ id: 'a', costPerHour: 30, maxOccupancy: 0.7 }, problem.groups[1]!] };
    const result = await searchStaffing(capped, evaluate, { removalMargin: 0 });
    rates[0]!.forEach((rate, i) => expect((rate * aht) / result.staff[0]![i]!).toBeLessThanOrEqual(0.7));
  });

  it('reports met: false when the budget of evaluations runs out first', async () => {
    const result = await searchStaffing(problem, evaluate, { maxEvaluations: 1 });
    expect(result.met).toBe(false);
    expect(result.misses).toBeGreaterThan(0);
  });
});
