/**
 * The analytic requirement beside each cell of the builder's staff grid: the plan of
 * `ccsim staff --method erlang-a` (Erlang A for a type with patience, Erlang C without), the same
 * one the "Staffing against requirement" chart draws (model/staffing.ts). Each contact type's
 * requirement in an interval counts in one group, the most specialised group serving it; a
 * group's cell shows the sum over the types counted there. Pure: no DOM.
 */
import type { Scenario } from '../../../src/scenario/index.js';
import { staffingAgainstRequirement } from '../model/staffing.js';

export interface GroupRequirement {
  /** Whole agents per interval. */
  readonly required: readonly number[];
  /** Real-valued requirement per interval (the sum over the types counted here). */
  readonly exact: readonly number[];
  /** The contact types whose requirement counts in this group. */
  readonly types: readonly string[];
}

export type CellRequirement =
  | { readonly ok: true; readonly byGroup: readonly GroupRequirement[]; readonly method: Readonly<Record<string, 'Erlang A' | 'Erlang C'>>; readonly unserved: readonly string[] }
  | { readonly ok: false; readonly reason: string };

/** The requirement per (group, interval) of a valid scenario, or why there is none. */
export function cellRequirement(scenario: Scenario): CellRequirement {
  try {
    const s = staffingAgainstRequirement(scenario);
    return {
      ok: true,
      byGroup: s.groups.map((g) => ({ required: g.required, exact: g.requiredExact, types: g.types })),
      method: s.method,
      unserved: s.unserved,
    };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** The words of a cell's title: its staff against the requirement. */
export function cellRequirementText(staff: number | undefined, required: number, exact: number, types: readonly string[]): string {
  const need = `${required} agent${required === 1 ? '' : 's'} required (${exact.toFixed(2)} real-valued) for ${types.length === 0 ? 'no contact type' : types.join(', ')}`;
  if (staff === undefined) return need;
  const gap = staff - required;
  return `${need}; ${gap < 0 ? `short by ${-gap}` : gap === 0 ? 'exactly the requirement' : `${gap} above it`}`;
}
