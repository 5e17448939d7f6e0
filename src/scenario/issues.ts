import type { z } from 'zod';
import { closestName } from './didYouMean.js';

/** One problem found in a scenario, named by the path of the field. */
export interface ScenarioIssue {
  /** Field path such as `contactTypes[0].handleTime.mean`; `(root)` for the whole document. */
  path: string;
  /** Short human wording such as `must be > 0`. */
  message: string;
}

/** `['contactTypes', 0, 'mean']` -> `contactTypes[0].mean`; `[]` -> `(root)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out === '' ? '(root)' : out;
}

/** "a string", "an array", "null", ... for messages about a wrong type. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const type = typeof value;
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}

const expectedWords: Record<string, string> = {
  number: 'a number',
  int: 'an integer',
  string: 'a string',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
};

const quoteList = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

function unknownKeyMessage(key: string, known: readonly string[]): string {
  const best = closestName(key, known);
  return `unknown key${best === undefined ? '' : ` (did you mean "${best}"?)`}`;
}

/**
 * For a fraction (at most 1) given a value that reads as a percentage (2 to 100, e.g. `target: 80`),
 * how to write it: " (a fraction: 0.8 for 80%)"; otherwise "". 1.5 is more likely a slip than 1.5%.
 */
export function percentageHint(value: number): string {
  return value >= 2 && value <= 100 ? ` (a fraction: ${Number((value / 100).toPrecision(12))} for ${value}%)` : '';
}

/** Separates the per-key messages of one unrecognized_keys issue (split again in {@link toScenarioIssues}). */
const keySeparator = '\n';

/**
 * Zod error map giving our wording. Passed per parse (never installed globally). Schema-level
 * messages (regex, refinements) take precedence over it.
 */
export const scenarioErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type': {
      const input = issue.input;
      if (input === undefined) return 'required';
      if (typeof input === 'number' && !Number.isFinite(input)) return 'must be a finite number';
      if (issue.expected === 'int' && typeof input === 'number') return 'must be an integer';
      const expected = expectedWords[issue.expected] ?? issue.expected;
      return `must be ${expected}, not ${describeValue(input)}`;
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = small ? issue.minimum : issue.maximum;
      if (issue.origin === 'number' || issue.origin === 'int') {
        const message = `must be ${small ? '>' : '<'}${issue.inclusive ? '=' : ''} ${String(bound)}`;
        return !small && Number(bound) === 1 && typeof issue.input === 'number' ? `${message}${percentageHint(issue.input)}` : message;
      }
      if (small && Number(bound) === 1) return 'must not be empty';
      const unit = issue.origin === 'string' ? 'characters' : 'items';
      return `must have at ${small ? 'least' : 'most'} ${String(bound)} ${unit}`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${quoteList(issue.values)}`
        : `must be one of ${quoteList(issue.values)}`;
    case 'invalid_union': {
      if (issue.discriminator !== undefined) {
        const options = (issue.options ?? []) as unknown[];
        const input = issue.input as Record<string, unknown> | undefined;
        if (typeof input !== 'object' || input === null || Array.isArray(input)) {
          return `must be an object, not ${describeValue(input)}`;
        }
        const missing = input[issue.discriminator] === undefined;
        return `${missing ? 'required: ' : 'must be '}one of ${quoteList(options)}`;
      }
      return 'does not match any allowed form';
    }
    case 'unrecognized_keys': {
      const shape = (issue.inst as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def?.shape;
      const known = shape === undefined ? [] : Object.keys(shape);
      // "Did you mean" costs an edit distance per known key: only for the keys that get listed.
      return issue.keys.map((key, k) => (k < 100 ? unknownKeyMessage(key, known) : 'unknown key')).join(keySeparator);
    }
    case 'invalid_format':
      return issue.pattern === undefined ? `must be a valid ${issue.format}` : `must match ${issue.pattern}`;
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    default:
      return undefined;
  }
};

/** Turns zod's final issues into path-named scenario issues (one per unknown key). */
export function toScenarioIssues(issues: readonly z.core.$ZodIssue[]): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'invalid_union' && issue.discriminator !== undefined) {
      // Zod already points the path at the discriminator key for a bad value; add it when absent.
      const last = issue.path[issue.path.length - 1];
      const path = last === issue.discriminator ? issue.path : [...issue.path, issue.discriminator];
      out.push({ path: formatPath(path), message: issue.message });
    } else if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // number | number[]: when the input has one branch's type, report that branch's own issues
      // (`volume[3]: must be >= 0`) rather than the generic union message.
      const typed = issue.errors.filter((branch) => !branch.some((e) => e.path.length === 0 && e.code === 'invalid_type'));
      // Two object forms (a fixed break or a break window): the one whose keys the input uses.
      const keyed = typed.length > 1 ? typed.filter((branch) => !branch.some((e) => e.path.length === 0 && e.code === 'unrecognized_keys')) : typed;
      const branch = keyed.length === 1 ? keyed[0] : undefined;
      if (branch === undefined) out.push({ path: formatPath(issue.path), message: issue.message });
      else out.push(...toScenarioIssues(branch.map((e) => ({ ...e, path: [...issue.path, ...e.path] }))));
    } else if (issue.code === 'unrecognized_keys') {
      // Name the unknown key itself in the path: `contactTypes[0].patiance: unknown key (...)`.
      const messages = issue.message.split(keySeparator);
      issue.keys.forEach((key, k) => out.push({ path: formatPath([...issue.path, key]), message: messages[k] ?? 'unknown key' }));
    } else {
      out.push({ path: formatPath(issue.path), message: issue.message });
    }
  }
  return out;
}
