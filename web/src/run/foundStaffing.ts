/** The words around a plan found by "Find staffing by simulation": its scenario file and the status line. */
import { missSummary } from '../../../src/optimize/missSummary.js';
import type { Scenario } from '../../../src/scenario/index.js';
import type { FoundStaffing } from './findStaffing.js';
import { staffingAgainstRequirement } from '../model/staffing.js';

export const formatHours = (h: number) => `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(h)} agent hours`;

/** A file-name stem from a scenario name. */
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'scenario';

export interface FoundStaffingReport {
  /** The staffed scenario as a file: its name and JSON value (described). */
  readonly fileName: string;
  readonly raw: unknown;
  /** For the progress bar's text: simulations and time. */
  readonly progress: string;
  /** The status line, given where the scenario went ("added as scenario 2: ..."). */
  readonly status: (where: string) => string;
  /** Every target is met (else the status line starts with the misses). */
  readonly met: boolean;
}

/**
 * What the page says about `found`, the plan for `scenario` searched with `replications` per
 * candidate and `seed`; `simulations` counts those run (when the plan does not say).
 */
export function foundStaffingReport(scenario: Scenario, found: FoundStaffing, replications: number, seed: number, simulations: number): FoundStaffingReport {
  const plan = found.output.plan;
  let before = '';
  try {
    const s = staffingAgainstRequirement(scenario);
    const hours = s.groups.reduce((sum, g) => sum + g.present.reduce((a, p) => a + p.mean, 0), 0) * (scenario.intervalMinutes / 60);
    before = ` (the scenario has ${formatHours(hours)})`;
  } catch {
    // The scenario's own agent hours are a courtesy: without them the plan is still reported.
    before = '';
  }
  const met = plan.targets === undefined ? '' : ` On fresh random numbers ${plan.targets.met} of ${plan.targets.pairs} (interval, type) pairs meet every target (${(plan.targets.share * 100).toFixed(1)}%).`;
  const description = `Staff per group and interval found by simulation for “${scenario.name}” (${replications} replications per candidate plan, seed ${seed}): ${formatHours(plan.agentHours)}.${met}`;
  const evaluations = plan.evaluations ?? simulations;
  // Like `ccsim staff`'s first line: a plan that misses says so before anything else.
  const verdict = plan.met ? '' : `The plan misses targets: ${missSummary(plan.misses)}. `;
  const notes = found.output.notes.length === 0 ? '' : ` Notes: ${found.output.notes.join('; ')}.`;
  return {
    fileName: `${slug(scenario.name)}-staffed.json`,
    raw: JSON.parse(JSON.stringify({ ...found.scenario, description })) as unknown,
    progress: `${evaluations} simulations · ${found.seconds.toFixed(1)} s`,
    status: (where) =>
      `${verdict}Staffing found for ${scenario.name}: ${formatHours(plan.agentHours)}${before}, ${evaluations} simulations in ${found.seconds.toFixed(1)} s.${met} It was ${where}.${notes}`,
    met: plan.met,
  };
}
