import { ScenarioSchema, type Scenario } from './scenario.js';
import { ScenarioError } from './scenarioError.js';
import { describeValue, scenarioErrorMap, toScenarioIssues, type ScenarioIssue } from './issues.js';
import { toPlainData } from './plainData.js';
import { crossCheckScenario } from './crossChecks.js';
import { describeJsonError, scanJson } from './jsonText.js';
import { mergeForecast } from './forecast.js';

/** Files a scenario refers to, read by the caller (parsing has no file access). */
export interface ScenarioAttachments {
  /** Text of the CSV file named by the scenario's `forecast` field. */
  readonly forecast?: string;
}

const isPlainObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);

function validate(
  input: unknown,
  source: string | undefined,
  earlier: ScenarioIssue[] = [],
  attachments: ScenarioAttachments = {},
): Scenario {
  const issues = [...earlier];
  const plain = toPlainData(input, issues);
  if (!isPlainObject(plain)) {
    throw new ScenarioError([{ path: '(root)', message: `must be an object (a scenario), not ${describeValue(plain)}` }], source);
  }
  applyForecast(plain as Record<string, unknown>, attachments, issues);
  const result = ScenarioSchema.safeParse(plain, { error: scenarioErrorMap });
  if (!result.success) issues.push(...toScenarioIssues(result.error.issues));
  issues.push(...crossCheckScenario(plain));
  const seen = new Set<string>();
  const unique = issues.filter((issue) => {
    const key = `${issue.path}\u0000${issue.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  if (unique.length > 0 || !result.success) throw new ScenarioError(unique, source);
  return result.data;
}

/**
 * A `forecast` file fills volumes and handle-time means before validation; once merged, the field
 * is dropped from the result (so the parsed scenario stands on its own, e.g. when re-parsed by a sweep).
 */
function applyForecast(plain: Record<string, unknown>, attachments: ScenarioAttachments, issues: ScenarioIssue[]): void {
  const file = plain['forecast'];
  if (typeof file !== 'string' || !/\S/.test(file)) return; // absent, or reported by the schema
  if (attachments.forecast === undefined) {
    issues.push({
      path: 'forecast',
      message: `file ${JSON.stringify(file)} was not read: load the scenario from its file (ccsim, loadScenarioFile) or pass the CSV text`,
    });
    return;
  }
  const problems = mergeForecast(plain, attachments.forecast, file);
  issues.push(...problems);
  if (problems.length === 0) delete plain['forecast'];
}

/** The `forecast` file a scenario's JSON text names (relative to the scenario file), if any. */
export function forecastFileOf(text: string): string | undefined {
  try {
    const value: unknown = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
    const file = isPlainObject(value) ? (value as Record<string, unknown>)['forecast'] : undefined;
    return typeof file === 'string' && /\S/.test(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Validates a scenario object (parsed JSON or built in code) and returns it with defaults filled in.
 * @param attachments the text of files the scenario names (its `forecast` CSV).
 * @throws ScenarioError listing every problem, each named by its field path.
 */
export function parseScenario(input: unknown, attachments?: ScenarioAttachments): Scenario {
  return validate(input, undefined, [], attachments);
}

/**
 * Parses scenario JSON text (a leading BOM is ignored). Syntax errors become a ScenarioError at
 * path `(file)` with line and column; keys written twice in one object are errors too.
 * @param source file name, kept as `error.source` for the caller's message.
 * @throws ScenarioError
 */
export function parseScenarioText(text: string, source?: string, attachments?: ScenarioAttachments): Scenario {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw new ScenarioError([{ path: '(file)', message: describeJsonError(body, error) }], source);
  }
  return validate(value, source, scanJson(body).duplicateKeys, attachments);
}
