import { ScenarioSchema, type Scenario } from './scenario.js';
import { ScenarioError } from './scenarioError.js';
import { describeValue, formatPath, scenarioErrorMap, toScenarioIssues, type ScenarioIssue } from './issues.js';
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
  const result = schemaParse(plain, issues);
  // Loops, not push(...list): a list of a million issues would overflow the call stack.
  if (!result.success) for (const issue of toScenarioIssues(result.error.issues)) issues.push(issue);
  for (const issue of crossCheckScenario(plain)) issues.push(issue);
  const seen = new Set<string>();
  const unique = issues.filter((issue) => {
    const key = `${issue.path}\u0000${issue.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  if (unique.length > 0 || !result.success) throw new ScenarioError(unique, source);
  return result.data;
}

/** Items of one array the schema checks when the whole input made it overflow the call stack. */
const CHECKED_ITEMS = 1000;

/**
 * The schema's verdict. Zod gathers an array's issues with `push(...issues)`, which overflows the
 * call stack past ~100,000 issues (e.g. a per-interval array of 200,000 negative numbers). Then
 * only the first {@link CHECKED_ITEMS} items of each long array are checked, and each long array
 * gets an issue saying so (so the result is a refusal: only invalid input has that many issues).
 * Lengths are still checked on the whole input by the cross-field rules.
 */
function schemaParse(plain: unknown, issues: ScenarioIssue[]) {
  try {
    return ScenarioSchema.safeParse(plain, { error: scenarioErrorMap });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const shortened = (value: unknown, path: PropertyKey[]): unknown => {
      if (Array.isArray(value)) {
        if (value.length > CHECKED_ITEMS) {
          issues.push({ path: formatPath(path), message: `has ${value.length} items, too many of them invalid to list: only the first ${CHECKED_ITEMS} were checked` });
        }
        return value.slice(0, CHECKED_ITEMS).map((item, i) => shortened(item, [...path, i]));
      }
      if (!isPlainObject(value)) return value;
      const copy = Object.create(null) as Record<string, unknown>;
      for (const key of Object.keys(value as object)) copy[key] = shortened((value as Record<string, unknown>)[key], [...path, key]);
      return copy;
    };
    return ScenarioSchema.safeParse(shortened(plain, []), { error: scenarioErrorMap });
  }
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
  for (const problem of problems) issues.push(problem);
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
  // JSON.parse would say "Unexpected end of JSON input at line 1 column 1", which hides the cause.
  if (body.trim() === '') throw new ScenarioError([{ path: '(file)', message: 'empty file: expected a scenario (a JSON object)' }], source);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw new ScenarioError([{ path: '(file)', message: describeJsonError(body, error) }], source);
  }
  return validate(value, source, scanJson(body).duplicateKeys, attachments);
}
