import { closestName } from './didYouMean.js';
import { formatPath, type ScenarioIssue } from './issues.js';
import { isObject } from './loose.js';

/** "Did you mean" hints cost an edit distance per type id: only for the first few bad references. */
const HINTED = 100;

/**
 * Rules of `transfer` (docs/contract.md section 8) on raw contact types: `to` names another type
 * of the scenario of the same channel, and the transfer graph has no cycle (a contact is then
 * transferred at most once per type, so every run ends). Each type has at most one transfer, so
 * the graph is a set of chains and cycles, walked once: linear in the number of types.
 */
export function transferChecks(types: readonly unknown[]): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const issue = (path: PropertyKey[], message: string) => issues.push({ path: formatPath(path), message });
  const index = new Map<string, number>();
  types.forEach((t, i) => {
    if (isObject(t) && typeof t['id'] === 'string' && !index.has(t['id'])) index.set(t['id'], i);
  });
  const channel = (i: number) => {
    const t = types[i];
    return isObject(t) && typeof t['channel'] === 'string' ? t['channel'] : undefined;
  };
  const idOf = (i: number) => String((types[i] as Record<string, unknown>)['id']);

  const next = new Int32Array(types.length).fill(-1);
  let hinted = 0;
  types.forEach((t, i) => {
    const transfer = isObject(t) ? t['transfer'] : undefined;
    if (!isObject(transfer) || typeof transfer['to'] !== 'string') return;
    const to = transfer['to'];
    const path = ['contactTypes', i, 'transfer', 'to'];
    const j = index.get(to);
    if (j === undefined) {
      const best = hinted++ < HINTED ? closestName(to, index.keys()) : undefined;
      issue(path, `unknown contact type "${to}"${best === undefined ? '' : ` (did you mean "${best}"?)`}`);
    } else if (j === i) {
      issue(path, 'must name another contact type (a type cannot transfer to itself)');
    } else if (channel(i) !== undefined && channel(j) !== undefined && channel(i) !== channel(j)) {
      issue(path, `"${to}" is a ${channel(j)} type: a ${channel(i)} contact can only be transferred to a ${channel(i)} type`);
    } else {
      next[i] = j;
    }
  });

  // 0: not seen, 1: on the walk in progress, 2: done (its chain ends or its cycle is reported).
  const state = new Uint8Array(types.length);
  for (let start = 0; start < types.length; start++) {
    const walk: number[] = [];
    let k = start;
    while (k >= 0 && state[k] === 0) {
      state[k] = 1;
      walk.push(k);
      k = next[k]!;
    }
    if (k >= 0 && state[k] === 1) {
      const cycle = walk.slice(walk.indexOf(k));
      const first = cycle.reduce((a, b) => Math.min(a, b)); // no spread: a cycle may be long
      const from = cycle.indexOf(first);
      const names = [...cycle.slice(from), ...cycle.slice(0, from), first].map(idOf);
      issue(['contactTypes', first, 'transfer', 'to'], `transfers form a cycle (${names.join(' -> ')}): a contact could be passed on for ever`);
    }
    for (const w of walk) state[w] = 2;
  }
  return issues;
}
