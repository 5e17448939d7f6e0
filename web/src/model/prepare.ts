/** A scenario card's source, forecast and knobs -> a validated scenario, or its path-named issues. */
import { mergeForecast, parseScenario, ScenarioError, type Scenario, type ScenarioIssue } from '../../../src/scenario/index.js';
import { applyKnobs, describeKnobs, isEmpty, unknownKnobIds, type Knobs } from './knobs.js';

export type Prepared = { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly issues: readonly ScenarioIssue[] };

/** A forecast CSV (columns interval_start,type,volume,aht) and the name it is reported under. */
export interface ForecastFile {
  readonly fileName: string;
  readonly text: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Validate `raw` with, in this order: the forecast merged (an uploaded CSV, or the bundled file
 * its `forecast` field names), then the knobs applied (so a volume multiplier scales the
 * forecast). A modified variant's name says what was changed.
 */
export function prepareScenario(raw: unknown, knobs: Knobs, forecast?: ForecastFile): Prepared {
  const stale = unknownKnobIds(raw, knobs);
  if (stale.length > 0) return { ok: false, issues: stale };
  let base: unknown = raw;
  const changes: string[] = [];
  if (isObject(raw) && forecast !== undefined) {
    const copy = structuredClone(raw);
    const issues = mergeForecast(copy, forecast.text, forecast.fileName);
    if (issues.length > 0) return { ok: false, issues };
    delete copy['forecast'];
    base = copy;
    if (typeof raw['forecast'] !== 'string') changes.push(`forecast ${forecast.fileName}`);
  }
  const input = applyKnobs(base, knobs);
  if (!isEmpty(knobs)) changes.push(describeKnobs(knobs));
  if (changes.length > 0 && isObject(input) && typeof input['name'] === 'string') input['name'] = `${input['name']} (${changes.join(', ')})`;
  try {
    return { ok: true, scenario: parseScenario(input) };
  } catch (error) {
    if (error instanceof ScenarioError) return { ok: false, issues: error.issues };
    return { ok: false, issues: [{ path: '(root)', message: error instanceof Error ? error.message : String(error) }] };
  }
}

/** `path: message`, the CLI's wording of one issue. */
export const issueLine = (issue: ScenarioIssue): string => `${issue.path}: ${issue.message}`;
