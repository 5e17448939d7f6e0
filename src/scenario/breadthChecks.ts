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
  const hasBreaks = has(shift, 'breaks');
  const groups = shift['breakGroups'];
  if (hasBreaks && has(shift, 'breakGroups')) issue([...path, 'breakGroups'], 'give either "breaks" or "breakGroups", not both');
  if (has(shift, 'stagger') && has(shift, 'breakGroups')) {
    issue([...path, 'stagger'], 'only with window breaks in "breaks", not with "breakGroups" (each group\'s breaks are fixed)');
  }
  checkBreaks(shift['breaks'], [...path, 'breaks'], minutes, issue);
  list(groups).forEach((group, j) => {
    if (isObject(group)) checkBreaks(group['breaks'], [...path, 'breakGroups', j, 'breaks'], minutes, issue);
  });
  const counts = list(groups).map((group) => (isObject(group) ? group['count'] : undefined));
  const count = shift['count'];
  if (Array.isArray(groups) && groups.length > 0 && isNumber(count) && counts.every(isNumber)) {
    const sum = counts.reduce((a, b) => a + b, 0);
    if (sum !== count) issue([...path, 'breakGroups'], `counts sum to ${sum}, expected the shift's count (${count})`);
  }
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

/**
 * A shift's breaks (fixed `{ offsetMinutes, minutes }` or windows `{ earliestOffsetMinutes,
 * latestOffsetMinutes, minutes }`): each ends inside the shift even when it starts as late as it
 * may, and no two can overlap however they are placed. Two breaks can overlap exactly when each
 * may start before the other's latest end.
 */
function checkBreaks(
  breaks: unknown,
  path: PropertyKey[],
  shiftMinutes: number,
  issue: (path: PropertyKey[], message: string) => void,
): void {
  /** [earliest start, latest end, index, fixed] */
  const spans: [number, number, number, boolean][] = [];
  list(breaks).forEach((b, k) => {
    if (!isObject(b) || !isNumber(b['minutes'])) return;
    const length = b['minutes'];
    let from: number;
    let to: number;
    const fixed = isNumber(b['offsetMinutes']);
    if (isNumber(b['offsetMinutes'])) {
      from = b['offsetMinutes'];
      to = from + length;
      if (to > shiftMinutes) issue([...path, k], `ends ${to} minutes into the shift, after its end (${shiftMinutes} minutes)`);
    } else if (isNumber(b['earliestOffsetMinutes']) && isNumber(b['latestOffsetMinutes'])) {
      from = b['earliestOffsetMinutes'];
      const latest = b['latestOffsetMinutes'];
      to = latest + length;
      if (latest < from) {
        issue([...path, k, 'latestOffsetMinutes'], `must be >= earliestOffsetMinutes (${from}), got ${latest}`);
        return;
      }
      if (to > shiftMinutes) {
        issue([...path, k], `may end ${to} minutes into the shift (latest start ${latest} + ${length} minutes), after its end (${shiftMinutes} minutes)`);
      }
    } else {
      return;
    }
    const other = spans.find(([a, z]) => from < z && a < to);
    if (other !== undefined) {
      const [a, z, j, otherFixed] = other;
      const why = a <= from
        ? `breaks[${j}] may run until minute ${z}, this one may start at minute ${from}`
        : `breaks[${j}] may start at minute ${a}, this one may run until minute ${to}`;
      issue([...path, k], fixed && otherFixed ? `overlaps breaks[${j}]` : `can overlap breaks[${j}] (${why})`);
    }
    spans.push([from, to, k, fixed]);
  });
}
