import { closestName } from './didYouMean.js';
import { formatPath, type ScenarioIssue } from './issues.js';
import { has, isNumber, isObject, list } from './loose.js';
import { rawSkillType } from './skill.js';

/** "Did you mean" hints cost an edit distance per type id: only for the first few bad references. */
const HINTED = 100;

/**
 * Rules of `transfer` (docs/contract.md section 8) on raw contact types and agent groups: `to`
 * names another type of the scenario of the same channel, the transfer graph has no cycle (a
 * contact is then transferred at most once per type, so every run ends), a conference is on
 * voice only and cannot deadlock the agents. Each type has at most one transfer, so the graph is
 * a set of chains and cycles, walked once: linear in the number of types.
 */
export function transferChecks(types: readonly unknown[], groups: readonly unknown[]): ScenarioIssue[] {
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
    const conference = transfer['conferenceSeconds'];
    // A chat agent would hold the conference in one slot and could answer the transfer in another.
    if (isNumber(conference) && conference > 0 && typeof channel(i) === 'string' && channel(i) !== 'voice') {
      issue(['contactTypes', i, 'transfer', 'conferenceSeconds'], 'only on voice: a conference holds the first agent on the call');
    }
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
  if (issues.length === 0) for (const found of conferenceDeadlocks(types, groups, index, next)) issues.push(found);
  return issues;
}

/**
 * A conference (`conferenceSeconds` > 0) to a type without patience keeps its first agent until
 * an agent of the target type answers. When the groups that serve the first type are, through
 * such conferences, waiting for themselves (a group serving both types, or groups waiting in a
 * ring), all their agents can end up holding callers nobody is left to answer: the day never
 * ends. Refused, on the first such ring found (named at the conference of its first link).
 */
function conferenceDeadlocks(types: readonly unknown[], groups: readonly unknown[], index: ReadonlyMap<string, number>, next: Int32Array): ScenarioIssue[] {
  const conferences = types.some((t) => isObject(t) && isObject(t['transfer']) && isNumber(t['transfer']['conferenceSeconds']) && t['transfer']['conferenceSeconds'] > 0);
  if (!conferences) return [];
  // Groups of each type, by type index (a group once per type: groups come in ascending order).
  const servedBy: number[][] = types.map(() => []);
  groups.forEach((g, gi) => {
    if (!isObject(g)) return;
    for (const skill of list(g['skills'])) {
      const t = index.get(rawSkillType(skill) ?? '');
      if (t !== undefined && servedBy[t]!.at(-1) !== gi) servedBy[t]!.push(gi);
    }
  });
  // A graph of groups and conference types, linear in the skills: group g -> type i when g serves
  // i, whose conference waits for an answer from its target; type i -> group h when h serves
  // that target. A ring in it is a ring of groups waiting for one another.
  const nGroups = groups.length;
  const edges: number[][] = Array.from({ length: nGroups + types.length }, () => []);
  types.forEach((t, i) => {
    const j = next[i]!;
    if (j < 0 || !isObject(t) || !isObject(t['transfer'])) return;
    const seconds = t['transfer']['conferenceSeconds'];
    if (!isNumber(seconds) || seconds <= 0 || (isObject(types[j]) && has(types[j] as Record<string, unknown>, 'patience'))) return;
    for (const g of servedBy[i]!) edges[g]!.push(nGroups + i);
    for (const h of servedBy[j]!) edges[nGroups + i]!.push(h);
  });
  // Iterative depth-first search: 0 unseen, 1 on the path, 2 done.
  const state = new Uint8Array(edges.length);
  for (let root = 0; root < nGroups; root++) {
    if (state[root] !== 0) continue;
    const path: { node: number; edge: number }[] = [{ node: root, edge: 0 }];
    state[root] = 1;
    while (path.length > 0) {
      const top = path[path.length - 1]!;
      const to = edges[top.node]![top.edge++];
      if (to === undefined) {
        state[top.node] = 2;
        path.pop();
      } else if (state[to] === 0) {
        state[to] = 1;
        path.push({ node: to, edge: 0 });
      } else if (state[to] === 1) {
        // Groups and types alternate round the ring: start it at a group, then its conference type.
        const ring = path.slice(path.findIndex((p) => p.node === to)).map((p) => p.node);
        const k = ring.findIndex((n) => n < nGroups);
        const rotated = [...ring.slice(k), ...ring.slice(0, k)];
        const via = rotated[1]! - nGroups;
        const ringGroups = rotated.filter((n) => n < nGroups);
        const names = [...ringGroups, ringGroups[0]!].map((g) => String((groups[g] as Record<string, unknown>)['id']));
        const target = String((types[next[via]!] as Record<string, unknown>)['id']);
        const who = names.length === 2 ? `group ${names[0]} serves both types` : `groups ${names.join(' -> ')} wait for one another`;
        return [{
          path: formatPath(['contactTypes', via, 'transfer', 'conferenceSeconds']),
          message: `could deadlock: ${who} and ${target} has no patience, so every agent could be holding a caller no one is left to answer (give ${target} a patience, or make the transfer cold)`,
        }];
      }
    }
  }
  return [];
}

