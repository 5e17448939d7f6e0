/** A scenario card's source and knobs -> a validated scenario, or its path-named issues. */
import { parseScenario, ScenarioError, type Scenario, type ScenarioIssue } from '../../../src/scenario/index.js';
import { applyKnobs, describeKnobs, isEmpty, type Knobs } from './knobs.js';

export type Prepared = { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly issues: readonly ScenarioIssue[] };

/** parseScenario, plus the text of the forecast CSV where the working copy's parser accepts one. */
const parseWith = parseScenario as (input: unknown, attachments?: { forecast?: string }) => Scenario;

/** Validate `raw` with `knobs` applied; a modified variant's name says what was changed. */
export function prepareScenario(raw: unknown, knobs: Knobs, forecast?: string): Prepared {
  const input = applyKnobs(raw, knobs);
  if (!isEmpty(knobs) && typeof input === 'object' && input !== null && !Array.isArray(input)) {
    const record = input as Record<string, unknown>;
    if (typeof record['name'] === 'string') record['name'] = `${record['name']} (${describeKnobs(knobs)})`;
  }
  try {
    return { ok: true, scenario: forecast === undefined ? parseWith(input) : parseWith(input, { forecast }) };
  } catch (error) {
    if (error instanceof ScenarioError) return { ok: false, issues: error.issues };
    return { ok: false, issues: [{ path: '(root)', message: error instanceof Error ? error.message : String(error) }] };
  }
}

/** `path: message`, the CLI's wording of one issue. */
export const issueLine = (issue: ScenarioIssue): string => `${issue.path}: ${issue.message}`;
