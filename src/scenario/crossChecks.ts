import type { ScenarioIssue } from './issues.js';
import { formatPath } from './issues.js';
import { rawSkillType } from './skill.js';
import { has, isObject, list } from './loose.js';
import { breadthChecks } from './breadthChecks.js';
import { realismChecks } from './realismChecks.js';
import { routingChecks } from './routingChecks.js';
import { transferChecks } from './transferChecks.js';

const validId = /^[A-Za-z0-9_-]+$/;


/**
 * Rules that span fields: unique ids, known skills, every type served, per-interval array lengths,
 * no patience on email. Runs on the raw (plain-data) input, even when the schema failed, so all
 * problems are reported together; a rule is skipped where the fields it needs are malformed
 * (the schema already reports those).
 */
export function crossCheckScenario(input: unknown): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  if (!isObject(input)) return issues;
  const issue = (path: PropertyKey[], message: string) => issues.push({ path: formatPath(path), message });
  const intervals = input['intervals'];
  const validIntervals = typeof intervals === 'number' && Number.isInteger(intervals) && intervals > 0;

  const checkLength = (value: unknown, path: PropertyKey[]) => {
    if (validIntervals && Array.isArray(value) && value.length !== intervals) {
      issue(path, `has ${value.length} values, expected ${intervals} (one per interval)`);
    }
  };

  const checkUnique = (items: unknown[], section: string, what: string) => {
    const firstIndex = new Map<string, number>();
    items.forEach((item, i) => {
      const id = isObject(item) ? item['id'] : undefined;
      if (typeof id !== 'string') return;
      const first = firstIndex.get(id);
      if (first === undefined) firstIndex.set(id, i);
      else issue([section, i, 'id'], `duplicate ${what} id "${id}" (also ${section}[${first}])`);
    });
    return firstIndex;
  };

  // minStaff <= maxStaff in every interval (each a number or one per interval).
  const checkStaffBounds = (group: Record<string, unknown>, g: number) => {
    const { minStaff: min, maxStaff: max } = group;
    const at = (v: unknown, i: number) => (typeof v === 'number' ? v : Array.isArray(v) ? v[i] : undefined);
    // As many checks as the longer array has values (one when both are numbers): never `intervals`
    // of them, which may be any integer (a huge one is refused elsewhere, not looped over here).
    const n = Math.max(Array.isArray(min) ? min.length : 1, Array.isArray(max) ? max.length : 1);
    for (let i = 0; i < n; i++) {
      const lo = at(min, i);
      const hi = at(max, i);
      if (typeof lo === 'number' && typeof hi === 'number' && lo > hi) {
        const where = Array.isArray(max) ? ['agentGroups', g, 'maxStaff', i] : ['agentGroups', g, 'maxStaff'];
        issue(where, `is ${hi}, below minStaff ${lo}${Array.isArray(min) || Array.isArray(max) ? ` in interval ${i}` : ''}`);
        return;
      }
    }
  };

  const types = list(input['contactTypes']);
  const groups = list(input['agentGroups']);
  const typeIds = checkUnique(types, 'contactTypes', 'contact type');
  checkUnique(groups, 'agentGroups', 'agent group');
  checkUnique(list(input['shiftTemplates']), 'shiftTemplates', 'shift template');

  // A template names known groups, and its min is at most its max.
  const groupIds = new Set(groups.map((g) => (isObject(g) ? g['id'] : undefined)).filter((id): id is string => typeof id === 'string'));
  list(input['shiftTemplates']).forEach((t, k) => {
    if (!isObject(t)) return;
    list(t['groups']).forEach((id, j) => {
      if (typeof id === 'string' && !groupIds.has(id)) issue(['shiftTemplates', k, 'groups', j], `no agent group "${id}" in the scenario`);
    });
    const { min, max } = t;
    if (typeof min === 'number' && typeof max === 'number' && min > max) issue(['shiftTemplates', k, 'max'], `is ${max}, below min ${min}`);
  });

  // Agents: unique ids, a known group, min <= max minutes, templates they avoid exist.
  checkUnique(list(input['agents']), 'agents', 'agent');
  const templateIds = new Set(list(input['shiftTemplates']).map((t) => (isObject(t) ? t['id'] : undefined)));
  list(input['agents']).forEach((a, k) => {
    if (!isObject(a)) return;
    if (typeof a['group'] === 'string' && !groupIds.has(a['group'])) issue(['agents', k, 'group'], `no agent group "${a['group']}" in the scenario`);
    const minutes = a['minutesPerWeek'];
    if (Array.isArray(minutes) && typeof minutes[0] === 'number' && typeof minutes[1] === 'number' && minutes[0] > minutes[1]) {
      issue(['agents', k, 'minutesPerWeek', 1], `is ${minutes[1]}, below the minimum ${minutes[0]}`);
    }
    const prefs = a['preferences'];
    if (isObject(prefs)) {
      list(prefs['avoidTemplates']).forEach((id, j) => {
        if (typeof id === 'string' && !templateIds.has(id)) issue(['agents', k, 'preferences', 'avoidTemplates', j], `no shift template "${id}" in the scenario`);
      });
    }
  });

  // The initial state names known types and groups, and a group holds only types of its skills.
  const initial = input['initialState'];
  if (isObject(initial)) {
    const groupSkills = new Map<string, Set<string>>();
    for (const g of groups) {
      if (isObject(g) && typeof g['id'] === 'string') groupSkills.set(g['id'], new Set(list(g['skills']).map(rawSkillType).filter((x): x is string => x !== undefined)));
    }
    if (isObject(initial['waiting'])) {
      for (const id of Object.keys(initial['waiting'])) if (!typeIds.has(id)) issue(['initialState', 'waiting', id], `no contact type "${id}" in the scenario`);
    }
    if (isObject(initial['inService'])) {
      for (const [gid, byType] of Object.entries(initial['inService'])) {
        const skills = groupSkills.get(gid);
        if (skills === undefined) issue(['initialState', 'inService', gid], `no agent group "${gid}" in the scenario`);
        else if (isObject(byType)) {
          for (const tid of Object.keys(byType)) {
            if (!typeIds.has(tid)) issue(['initialState', 'inService', gid, tid], `no contact type "${tid}" in the scenario`);
            else if (!skills.has(tid)) issue(['initialState', 'inService', gid, tid], `group ${gid} does not have the skill ${tid}`);
          }
        }
      }
    }
  }

  types.forEach((type, i) => {
    if (!isObject(type)) return;
    checkLength(type['volume'], ['contactTypes', i, 'volume']);
    if (type['channel'] === 'email' && has(type, 'patience')) {
      issue(['contactTypes', i, 'patience'], 'not allowed on email (email contacts do not abandon)');
    }
    const channel = type['channel'];
    if (has(type, 'callback') && (channel === 'chat' || channel === 'email')) {
      issue(['contactTypes', i, 'callback'], `voice only (a ${channel} contact is not called back)`);
    }
  });

  // Coverage is judged only when every group's skills could be read, to avoid false alarms.
  const covered = new Set<string>();
  let skillsReadable = Array.isArray(input['agentGroups']);
  groups.forEach((group, g) => {
    const skills = isObject(group) ? group['skills'] : undefined;
    if (isObject(group)) {
      for (const field of ['staff', 'minStaff', 'maxStaff']) checkLength(group[field], ['agentGroups', g, field]);
      checkStaffBounds(group, g);
    }
    if (!Array.isArray(skills) || skills.length === 0) {
      skillsReadable = false;
      return;
    }
    const seen = new Set<string>();
    skills.forEach((item: unknown, s) => {
      const skill = rawSkillType(item);
      // The long form names the type at `skills[s].type`.
      const path = typeof item === 'string' ? ['agentGroups', g, 'skills', s] : ['agentGroups', g, 'skills', s, 'type'];
      if (skill === undefined) {
        skillsReadable = false;
      } else if (seen.has(skill)) {
        issue(path, `duplicate skill "${skill}"`);
      } else {
        seen.add(skill);
        covered.add(skill);
        if (types.length > 0 && !typeIds.has(skill)) {
          issue(path, `unknown contact type "${skill}"`);
        }
      }
    });
  });

  if (skillsReadable) {
    types.forEach((type, i) => {
      const id = isObject(type) ? type['id'] : undefined;
      if (typeof id === 'string' && validId.test(id) && typeIds.get(id) === i && !covered.has(id)) {
        issue(['contactTypes', i], `no agent group has skill "${id}"`);
      }
    });
  }
  for (const found of breadthChecks(input)) issues.push(found); // not push(...): may be 1e6 items
  for (const found of realismChecks(input)) issues.push(found);
  for (const found of routingChecks(input)) issues.push(found);
  for (const found of transferChecks(types, groups)) issues.push(found);
  return issues;
}
