/**
 * The state of now (CONTRACT section 7, `state.json`), checked against the scenario: the one
 * boundary where an intraday state is parsed. Every problem is reported with its path
 * (`waiting.calls[3]: must be a number of seconds >= 0, got -4`), all of them at once.
 */
import { buildModel } from '../experiment/buildModel.js';
import { meanLevel } from '../model/index.js';
import { closestName, type Scenario, type ScenarioIssue } from '../scenario/index.js';
import { issueLines } from '../scenario/scenarioError.js';
import { formatClock, longSkill, parseClock } from '../scenario/values.js';

/** A state that does not fit the scenario; `message` lists every issue as `path: message`. */
export class StateError extends Error {
  override readonly name = 'StateError';
  constructor(readonly issues: readonly ScenarioIssue[]) {
    super(issueLines(issues).join('\n'));
  }
}

/** The state of now, by scenario index. */
export interface IntradayState {
  /** The scenario interval that starts at `--now`. */
  readonly nowInterval: number;
  /** Per contact type: the waits so far of its waiting contacts, longest first (their order in line). */
  readonly waiting: readonly (readonly number[])[];
  /** Per agent group, per contact type: the handle time so far of each contact in hand. */
  readonly inService: readonly (readonly (readonly number[])[])[];
  /** Per agent group: agents present at `--now` (the state's `staff`, else the plan's). */
  readonly staff: readonly number[];
  /** Per agent group: the scenario's staff at `--now`. */
  readonly plannedStaff: readonly number[];
}

/** The scenario interval starting at clock `now` ("HH:MM"), or a message saying why there is none. */
export function intervalAt(scenario: Scenario, now: string): number | string {
  let minute: number;
  try {
    minute = parseClock(now);
  } catch {
    return `must be a clock time HH:MM, got ${JSON.stringify(now)}`;
  }
  const start = parseClock(scenario.start);
  const len = scenario.intervalMinutes;
  const offset = (((minute - start) % 1440) + 1440) % 1440;
  const last = formatClock(start + (scenario.intervals - 1) * len);
  if (offset % len !== 0) return `${now} is not an interval boundary (intervals of ${len} minutes from ${scenario.start})`;
  if (offset / len >= scenario.intervals) return `${now} is not within the scenario's day (intervals start ${scenario.start} to ${last})`;
  return offset / len;
}

/** A value as the user wrote it, for messages (NaN and Infinity as such, not as JSON's null). */
const shown = (x: unknown): string => (typeof x === 'number' ? String(x) : (JSON.stringify(x) ?? String(x)));

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Check `input` (parsed JSON) against the scenario at `now`; throws StateError listing every problem. */
export function parseIntradayState(scenario: Scenario, now: string, input: unknown): IntradayState {
  const issues: ScenarioIssue[] = [];
  const issue = (path: string, message: string) => issues.push({ path, message });
  const at = intervalAt(scenario, now);
  if (typeof at === 'string') throw new StateError([{ path: '--now', message: at }]);
  const typeIds = scenario.contactTypes.map((t) => t.id);
  const groupIds = scenario.agentGroups.map((g) => g.id);
  const unknown = (path: string, kind: string, id: string, known: readonly string[]) => {
    const best = closestName(id, known);
    issue(path, `no ${kind} "${id}" in the scenario${best === undefined ? ` (it has ${known.join(', ')})` : ` (did you mean "${best}"?)`}`);
  };
  const secondsList = (path: string, value: unknown): number[] => {
    if (!Array.isArray(value)) {
      issue(path, 'must be an array of seconds (one per contact)');
      return [];
    }
    const out: number[] = [];
    value.forEach((x, k) => {
      if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) issue(`${path}[${k}]`, `must be a number of seconds >= 0, got ${shown(x)}`);
      else out.push(x);
    });
    return out;
  };

  if (!isRecord(input)) throw new StateError([{ path: '(state)', message: 'must be a JSON object { "waiting", "inService", "staff"? }' }]);
  for (const key of Object.keys(input)) {
    if (!['waiting', 'inService', 'staff'].includes(key)) {
      const best = closestName(key, ['waiting', 'inService', 'staff']);
      issue(key, `unknown key${best === undefined ? '' : ` (did you mean "${best}"?)`}: a state has waiting, inService and staff`);
    }
  }

  const waiting: number[][] = typeIds.map(() => []);
  const rawWaiting = input['waiting'] ?? {};
  if (!isRecord(rawWaiting)) issue('waiting', 'must be an object { "<contact type>": [seconds waited so far, ...] }');
  else {
    for (const [id, list] of Object.entries(rawWaiting)) {
      const t = typeIds.indexOf(id);
      if (t < 0) unknown(`waiting.${id}`, 'contact type', id, typeIds);
      // Longest wait first: that is the order in line (FIFO by original join).
      else waiting[t] = secondsList(`waiting.${id}`, list).sort((a, b) => b - a);
    }
  }

  const config = buildModel(scenario);
  const nowSeconds = config.warmupSeconds + at * config.intervalSeconds;
  const planned = config.groups.map((g) => Math.round(meanLevel(g.staffPlan, nowSeconds, nowSeconds + 1)));
  const staff = [...planned];
  const stated = new Set<number>();
  const rawStaff = input['staff'] ?? {};
  if (!isRecord(rawStaff)) issue('staff', 'must be an object { "<agent group>": agents present now }');
  else {
    for (const [id, n] of Object.entries(rawStaff)) {
      const g = groupIds.indexOf(id);
      if (g < 0) unknown(`staff.${id}`, 'agent group', id, groupIds);
      else if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) issue(`staff.${id}`, `must be a whole number of agents >= 0, got ${shown(n)}`);
      else {
        staff[g] = n;
        stated.add(g);
      }
    }
  }

  const inService: number[][][] = groupIds.map(() => typeIds.map(() => []));
  const rawService = input['inService'] ?? {};
  if (!isRecord(rawService)) issue('inService', 'must be an object { "<agent group>": { "<contact type>": [seconds handled so far, ...] } }');
  else {
    for (const [gid, byType] of Object.entries(rawService)) {
      const g = groupIds.indexOf(gid);
      if (g < 0) {
        unknown(`inService.${gid}`, 'agent group', gid, groupIds);
        continue;
      }
      if (!isRecord(byType)) {
        issue(`inService.${gid}`, 'must be an object { "<contact type>": [seconds handled so far, ...] }');
        continue;
      }
      const skills = new Set(scenario.agentGroups[g]!.skills.map((s) => longSkill(s).type));
      for (const [tid, list] of Object.entries(byType)) {
        const t = typeIds.indexOf(tid);
        if (t < 0) unknown(`inService.${gid}.${tid}`, 'contact type', tid, typeIds);
        else if (!skills.has(tid)) issue(`inService.${gid}.${tid}`, `group ${gid} does not have the skill ${tid}`);
        else inService[g]![t] = secondsList(`inService.${gid}.${tid}`, list);
      }
      // A voice or email contact takes a whole agent; chats share an agent up to its concurrency.
      const concurrency = config.groups[g]!.concurrency;
      let whole = 0;
      let chats = 0;
      scenario.contactTypes.forEach((type, t) => {
        if (type.channel === 'chat') chats += inService[g]![t]!.length;
        else whole += inService[g]![t]!.length;
      });
      const needed = whole + Math.ceil(chats / concurrency);
      if (needed > staff[g]!) {
        const from = stated.has(g) ? 'staff' : `the scenario's staff at ${now}`;
        issue(`inService.${gid}`, `${whole + chats} contacts in hand need ${needed} agents${chats > 0 ? ` (chats ${concurrency} to an agent)` : ''}, but ${staff[g]} are present (${from})`);
      }
    }
  }
  if (issues.length > 0) throw new StateError(issues);
  return { nowInterval: at, waiting, inService, staff, plannedStaff: planned };
}
