import { formatPath, type ScenarioIssue } from './issues.js';
import { isNumber, isObject, list } from './loose.js';

/**
 * Cross-field rules of the realism details (CONTRACT section 8, issue 16), on raw input:
 * per-interval patience arrays have one entry per interval, `samePatience` is a retrial rule, and
 * the types of a shared volume group give one cv. A rule is skipped where the fields it needs
 * are malformed (the schema reports those).
 */
export function realismChecks(input: Record<string, unknown>): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const issue = (path: PropertyKey[], message: string) => issues.push({ path: formatPath(path), message });
  const intervals = input['intervals'];
  const validIntervals = isNumber(intervals) && Number.isInteger(intervals) && intervals > 0;
  /** The first type of each volume group and its cv. */
  const groups = new Map<string, { at: number; cv: number }>();

  list(input['contactTypes']).forEach((type, i) => {
    if (!isObject(type)) return;
    const patience = type['patience'];
    if (validIntervals && Array.isArray(patience) && patience.length !== intervals) {
      issue(['contactTypes', i, 'patience'], `has ${patience.length} values, expected ${intervals} (one per interval)`);
    }
    const repeat = type['repeat'];
    if (isObject(repeat) && repeat['samePatience'] !== undefined) {
      issue(['contactTypes', i, 'repeat', 'samePatience'], 'only allowed on retrial (a repeat is a new contact with its own patience)');
    }
    const uncertainty = type['volumeUncertainty'];
    if (!isObject(uncertainty) || typeof uncertainty['group'] !== 'string' || !isNumber(uncertainty['cv'])) return;
    const { group, cv } = uncertainty;
    const first = groups.get(group);
    if (first === undefined) groups.set(group, { at: i, cv });
    else if (first.cv !== cv) {
      issue(
        ['contactTypes', i, 'volumeUncertainty', 'cv'],
        `must equal the cv of the other types in volume group "${group}" (contactTypes[${first.at}] gives ${first.cv}): they share one factor`,
      );
    }
  });
  return issues;
}
