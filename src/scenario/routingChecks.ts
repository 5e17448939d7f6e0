import { formatPath, type ScenarioIssue } from './issues.js';
import { has, isObject, list } from './loose.js';

/**
 * A skill `weight` only weighs the "random" routing of its type (docs/contract.md section 8,
 * Routing policies); elsewhere it would silently do nothing, so it is refused. Skipped where the
 * type or its routing is malformed or unknown (other rules report those).
 */
export function routingChecks(input: Record<string, unknown>): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const routingOf = new Map<string, unknown>();
  for (const type of list(input['contactTypes'])) {
    if (isObject(type) && typeof type['id'] === 'string') routingOf.set(type['id'], type['routing'] ?? 'longest-idle');
  }
  list(input['agentGroups']).forEach((group, g) => {
    if (!isObject(group)) return;
    list(group['skills']).forEach((skill, k) => {
      if (!isObject(skill) || !has(skill, 'weight') || typeof skill['type'] !== 'string') return;
      const routing = routingOf.get(skill['type']);
      if (typeof routing !== 'string' || routing === 'random') return;
      issues.push({
        path: formatPath(['agentGroups', g, 'skills', k, 'weight']),
        message: `applies only to a contact type with "routing": "random" (type "${skill['type']}" routes "${routing}")`,
      });
    });
  });
  return issues;
}
