import { parseClock } from './clock.js';
import { formatPath, type ScenarioIssue } from './issues.js';
import { has, isNumber, isObject, list } from './loose.js';

/**
 * Cross-field rules of the model-breadth fields (CONTRACT section 4), on raw input: per-interval
 * handle-time arrays, chat-only concurrency factors, bot outcome fractions, staff versus shifts,
 * breaks inside their shift, shifts inside the simulated horizon. A rule is skipped where the
 * fields it needs are malformed (the schema reports those).
 */
export function breadthChecks(input: Record<string, unknown>): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const issue = (path: PropertyKey[], message: string) => issues.push({ path: formatPath(path), message });
  const intervals = input['intervals'];
  const validIntervals = isNumber(intervals) && Number.isInteger(intervals) && intervals > 0;

  list(input['contactTypes']).forEach((type, i) => {
    if (!isObject(type)) return;
    const handle = type['handleTime'];
    if (validIntervals && Array.isArray(handle) && handle.length !== intervals) {
      issue(['contactTypes', i, 'handleTime'], `has ${handle.length} values, expected ${intervals} (one per interval)`);
    }
    if (has(type, 'concurrencyFactor') && typeof type['channel'] === 'string' && type['channel'] !== 'chat') {
      issue(['contactTypes', i, 'concurrencyFactor'], 'only allowed on chat contact types');
    }
    // Exact arrivals are a count per interval: a fractional count has no meaning.
    if (type['arrivals'] === 'exact') {
      const volume = type['volume'];
      const values = Array.isArray(volume) ? volume : [volume];
      const at = values.findIndex((v) => isNumber(v) && !Number.isInteger(v));
      if (at >= 0) {
        const path = Array.isArray(volume) ? ['contactTypes', i, 'volume', at] : ['contactTypes', i, 'volume'];
        issue(path, `must be a whole number with "arrivals": "exact" (the count of arrivals in the interval), got ${String(values[at])}`);
      }
    }
    const bot = type['bot'];
    if (isObject(bot) && isNumber(bot['containment']) && isNumber(bot['dropout']) && bot['containment'] + bot['dropout'] > 1) {
      issue(['contactTypes', i, 'bot', 'dropout'], `containment + dropout must be <= 1 (escalation is 1 - containment - dropout), got ${bot['containment'] + bot['dropout']}`);
    }
  });

  const horizon = horizonMinutes(input);
  list(input['agentGroups']).forEach((group, g) => {
    if (!isObject(group)) return;
    const hasStaff = has(group, 'staff');
    const hasShifts = has(group, 'shifts');
    if (hasStaff && hasShifts) issue(['agentGroups', g, 'shifts'], 'give either "staff" or "shifts", not both');
    if (!hasStaff && !hasShifts) issue(['agentGroups', g, 'staff'], 'required (or give "shifts")');
    list(group['shifts']).forEach((shift, s) => checkShift(shift, ['agentGroups', g, 'shifts', s], horizon, issue));
  });
  return issues;
}

/** [start, end) of the simulated horizon in minutes relative to the scenario start's midnight, if readable. */
function horizonMinutes(input: Record<string, unknown>): { from: number; to: number } | undefined {
  const { intervals, intervalMinutes } = input;
  const start = input['start'] ?? '00:00';
  if (!isNumber(intervals) || !isNumber(intervalMinutes) || typeof start !== 'string') return undefined;
  try {
    const from = parseClock(start);
    return { from, to: from + intervals * intervalMinutes };
  } catch {
    return undefined;
  }
}

function checkShift(
  shift: unknown,
  path: PropertyKey[],
  horizon: { from: number; to: number } | undefined,
  issue: (path: PropertyKey[], message: string) => void,
): void {
  if (!isObject(shift)) return;
  const minutes = shift['minutes'];
  if (!isNumber(minutes) || minutes <= 0) return;
  const spans: [number, number, number][] = [];
  list(shift['breaks']).forEach((b, k) => {
    if (!isObject(b) || !isNumber(b['offsetMinutes']) || !isNumber(b['minutes'])) return;
    const from = b['offsetMinutes'];
    const to = from + b['minutes'];
    if (to > minutes) issue([...path, 'breaks', k], `ends ${to} minutes into the shift, after its end (${minutes} minutes)`);
    const other = spans.find(([a, z]) => from < z && a < to);
    if (other !== undefined) issue([...path, 'breaks', k], `overlaps breaks[${other[2]}]`);
    spans.push([from, to, k]);
  });
  const day = shift['day'] ?? 0;
  if (horizon === undefined || typeof shift['start'] !== 'string' || !isNumber(day)) return;
  let clock: number;
  try {
    clock = parseClock(shift['start']);
  } catch {
    return;
  }
  const from = day * 1440 + clock;
  if (from >= horizon.to || from + minutes <= horizon.from) {
    issue(path, `day ${day} ${shift['start']} for ${minutes} minutes lies outside the simulated horizon`);
  }
}
