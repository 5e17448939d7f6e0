/**
 * The scenario builder's document: a scenario as written (CONTRACT sections 1 and 4), kept as
 * plain JSON so that fields the forms do not edit (shifts, retrials, transfers...) survive a
 * round trip untouched. The forms change it through the operations below; the zod schema
 * (parseScenario) stays the only judge of what is valid. Pure: no DOM.
 */
import { formatPath, mergeForecast, type ScenarioIssue } from '../../../src/scenario/index.js';

export type Json = Record<string, unknown>;
/** A field's path as zod reports it: keys and array indexes. */
export type PathKey = string | number;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Most intervals the builder's grids show (a week of 15-minute intervals). */
export const MAX_GRID_INTERVALS = 7 * 96;

/** What a new scenario starts as: a 16-interval day from 08:00, no contact types, no agent groups. */
export function blankDocument(): Json {
  return { name: 'New scenario', intervalMinutes: 30, intervals: 16, start: '08:00', contactTypes: [], agentGroups: [] };
}

/**
 * A copy of `raw` for the forms: a `forecast` CSV (when its text is given) merged into volumes and
 * handle times, one number for every interval written out as one per interval (the grids edit
 * cells). Problems merging the forecast are returned; the field is then kept as it was.
 */
export function documentFrom(raw: unknown, forecastText?: string): { doc: Json; issues: ScenarioIssue[] } {
  const doc = isObject(raw) ? (structuredClone(raw) as Json) : blankDocument();
  let issues: ScenarioIssue[] = [];
  const file = doc['forecast'];
  if (typeof file === 'string' && forecastText !== undefined) {
    issues = mergeForecast(doc, forecastText, file);
    if (issues.length === 0) delete doc['forecast'];
  }
  expandGridRows(doc);
  return { doc, issues };
}

/** Volumes and staff given as one number for every interval, written out as one per interval (when the interval count allows). */
export function expandGridRows(doc: Json): void {
  const n = gridIntervals(doc);
  if (n === null) return;
  for (const t of contactTypes(doc)) if (typeof t['volume'] === 'number') t['volume'] = new Array<number>(n).fill(t['volume']);
  for (const g of agentGroups(doc)) if (typeof g['staff'] === 'number') g['staff'] = new Array<number>(n).fill(g['staff']);
}

/** The number of intervals when the grids can show them (a whole number from 1 to MAX_GRID_INTERVALS), else null. */
export function gridIntervals(doc: Json): number | null {
  const n = doc['intervals'];
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_GRID_INTERVALS ? n : null;
}

export const contactTypes = (doc: Json): Json[] => list(doc['contactTypes']).filter(isObject);
export const agentGroups = (doc: Json): Json[] => list(doc['agentGroups']).filter(isObject);

/** The value at `path` (undefined where the path leads nowhere). */
export function getAt(doc: unknown, path: readonly PathKey[]): unknown {
  let at: unknown = doc;
  for (const key of path) {
    if (typeof key === 'number' ? !Array.isArray(at) : !isObject(at)) return undefined;
    at = (at as Record<PathKey, unknown>)[key];
  }
  return at;
}

/**
 * Set the value at `path`, making the objects on the way; `undefined` removes the key (an
 * optional field left empty). Array items are set in place (never removed: grids keep their length).
 */
export function setAt(doc: Json, path: readonly PathKey[], value: unknown): void {
  let at: unknown = doc;
  for (let k = 0; k < path.length - 1; k++) {
    const key = path[k]!;
    const container = at as Record<PathKey, unknown>;
    let next = container[key];
    if (typeof next !== 'object' || next === null) {
      if (value === undefined) return;
      next = typeof path[k + 1] === 'number' ? [] : {};
      container[key] = next;
    }
    at = next;
  }
  const last = path[path.length - 1];
  if (last === undefined) return;
  const container = at as Record<PathKey, unknown>;
  if (value === undefined && typeof last === 'string') delete container[last];
  else container[last] = value;
}

/** `['contactTypes', 0, 'volume', 3]` -> `contactTypes[0].volume[3]`, as the CLI names fields. */
export const pathText = (path: readonly PathKey[]): string => formatPath(path);

/** An id not yet in `taken`: `stem1`, `stem2`, ... */
function freshId(stem: string, taken: readonly unknown[]): string {
  for (let k = 1; ; k++) if (!taken.includes(`${stem}${k}`)) return `${stem}${k}`;
}

/** A grid row of `n` copies of `value` (or the row as it is when the interval count is unusable). */
const row = (doc: Json, value: number): number[] | number => {
  const n = gridIntervals(doc);
  return n === null ? value : new Array<number>(n).fill(value);
};

/** Defaults of a new contact type: sensible numbers a planner overwrites. */
export const NEW_TYPE = { volume: 100, handleTime: 300, patience: 180, slSeconds: 20, slTarget: 0.8 } as const;
/** Agents per interval of a new group. */
export const NEW_GROUP_STAFF = 10;

/** Add a voice contact type (100 contacts per interval, 300 s exponential handle time, 80% in 20 s). */
export function addContactType(doc: Json): number {
  const types = Array.isArray(doc['contactTypes']) ? (doc['contactTypes'] as unknown[]) : (doc['contactTypes'] = []) as unknown[];
  types.push({
    id: freshId('type', types.map((t) => (isObject(t) ? t['id'] : undefined))),
    channel: 'voice',
    volume: row(doc, NEW_TYPE.volume),
    handleTime: { dist: 'exponential', mean: NEW_TYPE.handleTime },
    patience: { dist: 'exponential', mean: NEW_TYPE.patience },
    serviceLevel: { seconds: NEW_TYPE.slSeconds, target: NEW_TYPE.slTarget },
  });
  return types.length - 1;
}

/** Add an agent group serving every contact type there is, 10 agents in every interval. */
export function addAgentGroup(doc: Json): number {
  const groups = Array.isArray(doc['agentGroups']) ? (doc['agentGroups'] as unknown[]) : (doc['agentGroups'] = []) as unknown[];
  const skills = contactTypes(doc).flatMap((t) => (typeof t['id'] === 'string' ? [t['id']] : []));
  groups.push({ id: freshId('group', groups.map((g) => (isObject(g) ? g['id'] : undefined))), skills, staff: row(doc, NEW_GROUP_STAFF) });
  return groups.length - 1;
}

/** Remove contact type `i` and every skill that names it. */
export function removeContactType(doc: Json, i: number): void {
  const types = list(doc['contactTypes']);
  const id = getAt(types, [i, 'id']);
  types.splice(i, 1);
  if (typeof id !== 'string') return;
  for (const g of agentGroups(doc)) if (Array.isArray(g['skills'])) g['skills'] = g['skills'].filter((s) => skillType(s) !== id);
}

export function removeAgentGroup(doc: Json, g: number): void {
  list(doc['agentGroups']).splice(g, 1);
}

/** Give contact type `i` the id `id`; skills that named the old id follow it. */
export function renameContactType(doc: Json, i: number, id: string): void {
  const type = contactTypes(doc)[i];
  if (type === undefined) return;
  const old = type['id'];
  type['id'] = id;
  if (typeof old !== 'string' || old === id) return;
  // Only when no other type still has the old id (a duplicate being renamed away keeps its skills).
  if (contactTypes(doc).some((t) => t['id'] === old)) return;
  for (const g of agentGroups(doc)) {
    if (!Array.isArray(g['skills'])) continue;
    g['skills'] = g['skills'].map((s) => (s === old ? id : isObject(s) && s['type'] === old ? { ...s, type: id } : s));
  }
}

/** The contact type id a skill item names (short or long form). */
export const skillType = (item: unknown): string | undefined => (typeof item === 'string' ? item : isObject(item) && typeof item['type'] === 'string' ? item['type'] : undefined);

/** The long-form settings of a skill cell; absent = the default. */
export interface SkillCell {
  readonly priority?: number | string;
  readonly afterSeconds?: number | string;
  readonly handleTimeFactor?: number | string;
}

/** Where group `g` has the skill `typeId`: its index in `skills` and its settings; null when it does not serve the type. */
export function skillCell(doc: Json, g: number, typeId: string): { index: number; cell: SkillCell } | null {
  const skills = list(agentGroups(doc)[g]?.['skills']);
  const index = skills.findIndex((s) => skillType(s) === typeId);
  if (index < 0) return null;
  const item = skills[index];
  return { index, cell: isObject(item) ? (item as SkillCell) : {} };
}

/**
 * Group `g` serves `typeId` with `cell`'s settings (null: it does not). A skill without settings
 * is written as the bare id; one with any as the long form, keeping its other keys (weight).
 */
export function setSkillCell(doc: Json, g: number, typeId: string, cell: SkillCell | null): void {
  const group = agentGroups(doc)[g];
  if (group === undefined) return;
  const skills = Array.isArray(group['skills']) ? (group['skills'] as unknown[]) : (group['skills'] = []) as unknown[];
  const index = skills.findIndex((s) => skillType(s) === typeId);
  if (cell === null) {
    if (index >= 0) skills.splice(index, 1);
    return;
  }
  const before = index >= 0 && isObject(skills[index]) ? (skills[index] as Json) : {};
  const item: Json = { ...before, type: typeId };
  for (const key of ['priority', 'afterSeconds', 'handleTimeFactor'] as const) {
    if (cell[key] === undefined) delete item[key];
    else item[key] = cell[key];
  }
  const short = Object.keys(item).length === 1;
  if (index >= 0) skills[index] = short ? typeId : item;
  else skills.push(short ? typeId : item);
}

/**
 * Set the number of intervals; the grids' rows (per-interval volume and staff arrays of numbers)
 * follow: the last value is repeated into new intervals, values past the end are dropped.
 */
export function setIntervals(doc: Json, value: unknown): void {
  doc['intervals'] = value;
  const n = gridIntervals(doc);
  if (n === null) return;
  const resize = (v: unknown): unknown => {
    if (!Array.isArray(v) || v.length === n || !v.every((x) => typeof x === 'number')) return v;
    const last = (v[v.length - 1] as number | undefined) ?? 0;
    return v.length > n ? v.slice(0, n) : [...v, ...new Array<number>(n - v.length).fill(last)];
  };
  for (const t of contactTypes(doc)) t['volume'] = resize(t['volume']);
  for (const g of agentGroups(doc)) if ('staff' in g) g['staff'] = resize(g['staff']);
}

/** The document as the file "Save JSON" writes (and ccsim run reads). */
export const documentText = (doc: Json): string => `${JSON.stringify(doc, null, 2)}\n`;

/** A file name for the document: its name in lower-case words joined by hyphens. */
export function documentFileName(doc: Json): string {
  const name = typeof doc['name'] === 'string' ? doc['name'] : '';
  const stem = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return `${stem === '' ? 'scenario' : stem}.json`;
}
