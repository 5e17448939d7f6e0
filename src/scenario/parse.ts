import { ScenarioSchema, type Scenario } from './scenario.js';
import { ScenarioError } from './scenarioError.js';
import { describeValue, scenarioErrorMap, toScenarioIssues, type ScenarioIssue } from './issues.js';
import { toPlainData } from './plainData.js';
import { crossCheckScenario } from './crossChecks.js';
import { describeJsonError, scanJson } from './jsonText.js';

const isPlainObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);

function validate(input: unknown, source: string | undefined, earlier: ScenarioIssue[] = []): Scenario {
  const issues = [...earlier];
  const plain = toPlainData(input, issues);
  if (!isPlainObject(plain)) {
    throw new ScenarioError([{ path: '(root)', message: `must be an object (a scenario), not ${describeValue(plain)}` }], source);
  }
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
 * Validates a scenario object (parsed JSON or built in code) and returns it with defaults filled in.
 * @throws ScenarioError listing every problem, each named by its field path.
 */
export function parseScenario(input: unknown): Scenario {
  return validate(input, undefined);
}

/**
 * Parses scenario JSON text (a leading BOM is ignored). Syntax errors become a ScenarioError at
 * path `(file)` with line and column; keys written twice in one object are errors too.
 * @param source file name, kept as `error.source` for the caller's message.
 * @throws ScenarioError
 */
export function parseScenarioText(text: string, source?: string): Scenario {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw new ScenarioError([{ path: '(file)', message: describeJsonError(body, error) }], source);
  }
  return validate(value, source, scanJson(body).duplicateKeys);
}
