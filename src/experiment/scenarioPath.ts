import { closestName } from '../scenario/didYouMean.js';

/**
 * Paths into a scenario such as `contactTypes[0].bot.containment` or `agentGroups[1].staff`,
 * for `sweep --set`.
 */
export type PathStep = string | number;

/** The steps of a path; throws RangeError on a malformed one. */
export function parsePath(path: string): PathStep[] {
  const steps: PathStep[] = [];
  const re = /([A-Za-z_$][\w$]*)|\[(\d+)\]|(\.)/gy;
  let expectName = true;
  let m: RegExpExecArray | null;
  re.lastIndex = 0;
  while (re.lastIndex < path.length && (m = re.exec(path)) !== null) {
    if (m[1] !== undefined) {
      if (!expectName) throw new RangeError(`bad path "${path}": missing "." before "${m[1]}"`);
      steps.push(m[1]);
      expectName = false;
    } else if (m[2] !== undefined) {
      if (steps.length === 0) throw new RangeError(`bad path "${path}": must start with a field name`);
      steps.push(Number(m[2]));
    } else {
      if (expectName) throw new RangeError(`bad path "${path}": unexpected "."`);
      expectName = true;
    }
  }
  if (re.lastIndex !== path.length || steps.length === 0 || expectName) {
    throw new RangeError(`bad path "${path}": expected a form like contactTypes[0].bot.containment`);
  }
  return steps;
}

/** The value at `path` in `root`, or throws RangeError naming the first missing step. */
export function getAtPath(root: unknown, path: string): unknown {
  let node: unknown = root;
  let at = '';
  for (const step of parsePath(path)) {
    at += typeof step === 'number' ? `[${step}]` : at === '' ? step : `.${step}`;
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, step)) {
      throw new RangeError(`no field ${at} in the scenario${missingHint(node, step)}`);
    }
    node = (node as Record<PathStep, unknown>)[step];
  }
  return node;
}

/** A deep copy of `root` with `value` at `path` (the parent must exist; the last step may be new). */
export function setAtPath<T>(root: T, path: string, value: unknown): T {
  const copy = structuredClone(root);
  const steps = parsePath(path);
  let node: unknown = copy;
  let at = '';
  steps.forEach((step, i) => {
    at += typeof step === 'number' ? `[${step}]` : at === '' ? step : `.${step}`;
    if (node === null || typeof node !== 'object') throw new RangeError(`no field ${at} in the scenario`);
    const record = node as Record<PathStep, unknown>;
    if (i === steps.length - 1) record[step] = value;
    else {
      if (!Object.hasOwn(record, step)) throw new RangeError(`no field ${at} in the scenario${missingHint(record, step)}`);
      node = record[step];
    }
  });
  return copy;
}

/**
 * Why a step is not there, as a hint: the closest field name of that object (" (did you mean
 * "contactTypes"?)"), or an array's valid indexes; empty when there is nothing helpful to say.
 */
function missingHint(node: unknown, step: PathStep): string {
  if (Array.isArray(node)) {
    if (typeof step === 'number') return node.length === 0 ? ' (the list is empty)' : ` (it has ${node.length} item${node.length === 1 ? '' : 's'}: [0] to [${node.length - 1}])`;
    return ` (a list: index it, e.g. [0])`;
  }
  if (node === null || typeof node !== 'object' || typeof step !== 'string') return '';
  const best = closestName(step, Object.keys(node));
  return best === undefined ? '' : ` (did you mean "${best}"?)`;
}

/**
 * A sweep value: a number, or `*f` to multiply the current value (a number or an array of them)
 * by f. A factor applied to integers (staff, counts) is rounded to the nearest integer.
 */
export function sweepValue(current: unknown, value: string): unknown {
  const factorText = value.startsWith('*') ? value.slice(1) : null;
  const parsed = Number(factorText ?? value);
  if (value.trim() === '' || (factorText !== null && factorText.trim() === '') || !Number.isFinite(parsed)) {
    throw new RangeError(`value "${value}" is not a number or *factor`);
  }
  if (factorText === null) return parsed;
  const scale = (x: unknown): number => {
    if (typeof x !== 'number') throw new RangeError(`*${factorText} needs a number or an array of numbers here`);
    const y = x * parsed;
    return Number.isInteger(x) ? Math.round(y) : y;
  };
  return Array.isArray(current) ? current.map(scale) : scale(current);
}
