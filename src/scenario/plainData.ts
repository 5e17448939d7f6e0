import type { ScenarioIssue } from './issues.js';
import { formatPath } from './issues.js';

const maxDepth = 64;

/**
 * Copies JSON-like input into fresh arrays and null-prototype objects holding own enumerable
 * string keys only, so inherited properties never reach the schema (whatever the input's or
 * Object.prototype's state) and a getter runs once. `__proto__` is copied as an ordinary own key
 * (never sets a prototype), so the strict schema reports it as unknown. Cycles and absurd nesting
 * become issues instead of stack overflows.
 */
export function toPlainData(
  value: unknown,
  issues: ScenarioIssue[],
  path: PropertyKey[] = [],
  ancestors = new Set<object>(),
): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (ancestors.has(value)) {
    issues.push({ path: formatPath(path), message: 'circular reference' });
    return null;
  }
  if (path.length >= maxDepth) {
    // The full path would be as long as the nesting; name the top-level field instead.
    issues.push({ path: formatPath(path.slice(0, 2)), message: `nested more than ${maxDepth} levels deep` });
    return null;
  }
  ancestors.add(value);
  let copy: unknown;
  if (Array.isArray(value)) {
    copy = Array.from(value, (item: unknown, index) => toPlainData(item, issues, [...path, index], ancestors));
  } else {
    const object = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(value)) {
      const item = toPlainData((value as Record<string, unknown>)[key], issues, [...path, key], ancestors);
      Object.defineProperty(object, key, { value: item, enumerable: true, writable: true, configurable: true });
    }
    copy = object;
  }
  ancestors.delete(value);
  return copy;
}
