/**
 * The state of now as the page takes it (CONTRACT section 7): from the "From now" form (counts and
 * the oldest wait, laid out by {@link spreadSeconds}) or a pasted state.json, and the rest of the
 * day it makes: `parseIntradayState` and `scenarioFromNow`, the same code `ccsim intraday` runs,
 * so a state the CLI refuses is refused here with the same path-named messages. Pure: no DOM.
 */
import { parseIntradayState, StateError, intervalAt } from '../../../src/intraday/state.js';
import { scenarioFromNow } from '../../../src/intraday/fromNow.js';
import { formatClock, longSkill, parseClock, parseScenario, ScenarioError, type Scenario, type ScenarioIssue } from '../../../src/scenario/index.js';
import type { Prepared } from '../model/prepare.js';

/** The most contacts one form field lays out (a larger state: a state.json). */
export const MAX_FORM_CONTACTS = 10_000;

/**
 * The seconds of `count` contacts of which the longest has `longest` seconds (waited, or handled
 * so far), longest first: spread evenly, as if they had come at an even pace since the first,
 * the k-th (k = 1..count) at longest x (count - k + 1) / count, rounded to the second. 4 waiting,
 * the oldest at 120 s: 120, 90, 60, 30.
 */
export function spreadSeconds(count: number, longest: number): number[] {
  return Array.from({ length: count }, (_, k) => Math.round((longest * (count - k)) / count));
}

/** The layout of the waits between the oldest and now, in words (the rule of `spreadSeconds`). */
export const SPREAD_RULE =
  'The contacts between are laid out evenly: with n waiting and the oldest at W seconds, they have waited W, W·(n−1)/n, …, W/n (rounded to the second), as if they had joined at an even pace since the oldest. 4 waiting, the oldest at 120 s: 120, 90, 60 and 30 s. Contacts in hand likewise from the longest handled so far.';

/** One "count and longest" pair of the form, as typed. */
export interface CountEntry {
  readonly count: string;
  /** The oldest wait, or the longest handled so far, in seconds. */
  readonly longest: string;
}

/** The form's fields as typed (text), by contact type and agent group id. */
export interface StateFormValues {
  readonly now: string;
  readonly waiting: Readonly<Record<string, CountEntry>>;
  /** Per agent group, per contact type it has the skill of. */
  readonly inService: Readonly<Record<string, Readonly<Record<string, CountEntry>>>>;
  /** Agents present now; empty: the plan's. */
  readonly staff: Readonly<Record<string, string>>;
}

/** The state.json object: only what is not empty, as `ccsim intraday --state` reads it. */
export interface StateJson {
  waiting: Record<string, number[]>;
  inService: Record<string, Record<string, number[]>>;
  staff?: Record<string, number>;
}

export type Built = { readonly ok: true; readonly state: StateJson } | { readonly ok: false; readonly issues: ScenarioIssue[] };

const WHOLE = /^\s*\d+\s*$/;
const SECONDS = /^\s*(\d+\.?\d*|\.\d+)\s*$/;

/** The skills of each group, in the scenario's contact type order (the form's in-hand fields). */
export function groupSkills(scenario: Scenario): Map<string, string[]> {
  return new Map(
    scenario.agentGroups.map((g) => {
      const skills = new Set(g.skills.map((s) => longSkill(s).type));
      return [g.id, scenario.contactTypes.filter((t) => skills.has(t.id)).map((t) => t.id)];
    }),
  );
}

/** Interval boundaries of the scenario's day: the times "now" may be. */
export function boundaries(scenario: Scenario): string[] {
  const start = parseClock(scenario.start);
  return Array.from({ length: scenario.intervals }, (_, k) => formatClock(start + k * scenario.intervalMinutes));
}

/** Per group: the staff of the plan at `now` (what an empty "staff now" field means), or null when `now` is no boundary. */
export function plannedStaffAt(scenario: Scenario, now: string): number[] | null {
  if (typeof intervalAt(scenario, now) === 'string') return null;
  return [...parseIntradayState(scenario, now, {}).plannedStaff];
}

/**
 * The form's values as a state.json object, or every problem at the path of its field
 * (`waiting.sales.count`, `inService.flex.support.longest`, `staff.flex`, `now`). Counts are whole
 * numbers from 0 to {@link MAX_FORM_CONTACTS}; seconds are numbers >= 0, needed when the count is
 * above 0; an empty count is 0 and an empty staff is the plan's.
 */
export function stateFromForm(scenario: Scenario, values: StateFormValues): Built {
  const issues: ScenarioIssue[] = [];
  const at = intervalAt(scenario, values.now.trim());
  if (typeof at === 'string') issues.push({ path: 'now', message: at });
  const entry = (path: string, e: CountEntry | undefined, what: string, longest: string): number[] => {
    const countText = e?.count.trim() ?? '';
    const longText = e?.longest.trim() ?? '';
    let count = 0;
    if (countText !== '') {
      if (!WHOLE.test(countText) || Number(countText) > MAX_FORM_CONTACTS) {
        issues.push({ path: `${path}.count`, message: `must be a whole number of contacts from 0 to ${MAX_FORM_CONTACTS}, got ${countText}` });
        return [];
      }
      count = Number(countText);
    }
    if (longText !== '' && !SECONDS.test(longText)) {
      issues.push({ path: `${path}.longest`, message: `must be a number of seconds >= 0, got ${longText}` });
      return [];
    }
    if (count === 0) return [];
    if (longText === '') {
      issues.push({ path: `${path}.longest`, message: `${longest}: needed when ${count} contact${count === 1 ? ' is' : 's are'} ${what}` });
      return [];
    }
    return spreadSeconds(count, Number(longText));
  };
  const state: StateJson = { waiting: {}, inService: {} };
  for (const t of scenario.contactTypes) {
    const list = entry(`waiting.${t.id}`, values.waiting[t.id], 'waiting', 'the oldest wait in seconds');
    if (list.length > 0) state.waiting[t.id] = list;
  }
  for (const [gid, types] of groupSkills(scenario)) {
    for (const tid of types) {
      const list = entry(`inService.${gid}.${tid}`, values.inService[gid]?.[tid], 'in hand', 'the longest handled so far in seconds');
      if (list.length > 0) (state.inService[gid] ??= {})[tid] = list;
    }
  }
  for (const g of scenario.agentGroups) {
    const text = values.staff[g.id]?.trim() ?? '';
    if (text === '') continue;
    if (!WHOLE.test(text)) issues.push({ path: `staff.${g.id}`, message: `must be a whole number of agents >= 0 (empty: the plan's), got ${text}` });
    else (state.staff ??= {})[g.id] = Number(text);
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, state };
}

/** A state.json as pasted: the object, or why it is not JSON (as `ccsim intraday` says it). */
export function readStateText(text: string, name = 'state.json'): { ok: true; input: unknown } | { ok: false; issues: ScenarioIssue[] } {
  if (text.trim() === '') return { ok: false, issues: [{ path: name, message: 'paste a state.json, or choose the file' }] };
  try {
    return { ok: true, input: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, issues: [{ path: name, message: `not valid JSON (${(error as Error).message})` }] };
  }
}

/** The CLI names the time `--now`; the page's field is "now". */
const pagePath = (issue: ScenarioIssue): ScenarioIssue => (issue.path === '--now' ? { ...issue, path: 'now' } : issue);

/**
 * The rest of the day of `base` (a card's validated scenario, its what-ifs applied) from `now`,
 * started with the state `input` (a state.json object): as `ccsim intraday` makes it, so the
 * run is the CLI's. Problems of the state at their paths (`waiting.sales[2]`, `inService.flex`).
 */
export function restOfDay(base: Prepared, now: string, input: unknown): Prepared {
  if (!base.ok) return base;
  try {
    const state = parseIntradayState(base.scenario, now, input);
    return { ok: true, scenario: parseScenario(scenarioFromNow(base.scenario, state)) };
  } catch (error) {
    if (error instanceof StateError || error instanceof ScenarioError) return { ok: false, issues: error.issues.map(pagePath) };
    throw error;
  }
}

/** The time of `now` as the interval boundary it is ("9:00" -> "09:00"), or the text as given. */
export function clockOf(now: string): string {
  try {
    return formatClock(parseClock(now.trim()));
  } catch {
    return now;
  }
}

/** In words, what a state carries: "5 waiting (sales 3, support 2), 7 in hand, staff now: flex 2". */
export function describeState(input: StateJson | unknown): string {
  const obj = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const lists = (v: unknown): [string, number][] =>
    typeof v === 'object' && v !== null ? Object.entries(v as Record<string, unknown>).map(([k, l]) => [k, Array.isArray(l) ? l.length : 0]) : [];
  const waiting = lists(obj['waiting']);
  const inHand = typeof obj['inService'] === 'object' && obj['inService'] !== null ? Object.values(obj['inService'] as Record<string, unknown>).flatMap((byType) => lists(byType)) : [];
  const sum = (xs: [string, number][]) => xs.reduce((s, [, n]) => s + n, 0);
  const parts = [`${sum(waiting)} waiting${waiting.length > 0 ? ` (${waiting.map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}`, `${sum(inHand)} in hand`];
  const staff = obj['staff'];
  if (typeof staff === 'object' && staff !== null && Object.keys(staff).length > 0) {
    parts.push(`staff now: ${Object.entries(staff as Record<string, unknown>).map(([g, n]) => `${g} ${String(n)}`).join(', ')}`);
  }
  return parts.join(', ');
}
