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

const baseName = (path: string) => path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);

/**
 * The CSV file `raw` reads its volumes from (its `forecast` field, without folders) when the page
 * does not have it yet; undefined when nothing is missing.
 */
export function forecastWanted(raw: unknown, forecast: ForecastFile | undefined): string | undefined {
  if (forecast !== undefined || !isObject(raw)) return undefined;
  const name = raw['forecast'];
  if (typeof name !== 'string' || !/\S/.test(name)) return undefined; // absent, or refused by the schema
  return baseName(name.trim());
}

/** In plain words, which file to choose for a scenario that reads its volumes from `file`. */
export const forecastPrompt = (file: string) => `This scenario reads its volumes from ${file}: choose that file`;

/**
 * Validate `raw` with, in this order: the forecast merged (an uploaded CSV, or the bundled file
 * its `forecast` field names), then the knobs applied (so a volume multiplier scales the
 * forecast). A modified variant's name says what was changed.
 */
export function prepareScenario(raw: unknown, knobs: Knobs, forecast?: ForecastFile): Prepared {
  const stale = unknownKnobIds(raw, knobs);
  if (stale.length > 0) return { ok: false, issues: stale };
  // Instead of the parser's advice to pass the CSV text through the API, which the page user cannot do.
  const wanted = forecastWanted(raw, forecast);
  if (wanted !== undefined) {
    return { ok: false, issues: [{ path: 'forecast', message: `this scenario reads its volumes from ${wanted}: choose that file (“Forecast CSV” under “What if…” on its card)` }] };
  }
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
