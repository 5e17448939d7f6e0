/**
 * The form's "what if" knobs and how they change a scenario. They act on the scenario's JSON
 * value (before validation), so the result is validated like any file and a bad value is
 * reported at its field path, exactly as the CLI would.
 *
 * Every knob is one entry of {@link KNOB_TABLE}: its property in {@link Knobs}, its URL token, its
 * words in a variant's name, its change to the scenario and its form field all come from there,
 * so adding a knob is adding an entry.
 */
import { largestRemainder } from '../../../src/scenario/apportion.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const objects = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** The list of a scenario a knob changes. */
export type KnobTarget = 'contactTypes' | 'agentGroups';

/** A knob's field in the "What if…" form (the form adds the input, its id and test id). */
export interface KnobField {
  readonly label: string;
  readonly unit: string;
  /** Shown while the field is empty: the scenario's own value. */
  readonly placeholder: string;
  readonly step: string;
  readonly min?: string;
  readonly max?: string;
  readonly title: string;
}

interface KnobSpecBase<K extends string> {
  /** Its property in {@link Knobs}. */
  readonly key: K;
  /** Its token in the URL: `vol` in `vol:1.1`, `add` in `add.voice-team:2` (never change one: links carry them). */
  readonly token: string;
  /** Its form field's test id: `knob-<name>`, or `knob-<name>-<id>` for a knob by id. */
  readonly name: string;
  /** Which of the scenario's lists it changes. */
  readonly on: KnobTarget;
  /** Change `entity` (a copy of one contact type or agent group) by `value`, in place. */
  readonly apply: (entity: Json, value: number) => void;
}

/** One number that multiplies something in every contact type or agent group. */
export interface MultiplierSpec<K extends string = string> extends KnobSpecBase<K> {
  readonly kind: 'multiplier';
  /** What it multiplies, in words: "handle time" (in "handle time ×1.1"). */
  readonly noun: string;
  readonly field: KnobField;
}

/** One number per contact type or agent group, by its id. */
export interface ByIdSpec<K extends string = string> extends KnobSpecBase<K> {
  readonly kind: 'byId';
  /** Its words in a variant's name: "calls patience 200 s". */
  readonly describe: (id: string, value: number) => string;
  /** Its field for the entity `id` (null: not offered there, e.g. patience for email). */
  readonly field: (id: string, entity: Json) => KnobField | null;
  /**
   * Heading of its fieldset, for a knob on agent groups (one fieldset per such knob, a field per
   * group); a knob on contact types sits in each type's own fieldset instead.
   */
  readonly legend?: string;
}

const multiplier = <const K extends string>(spec: Omit<MultiplierSpec<K>, 'kind'>): MultiplierSpec<K> => ({ kind: 'multiplier', ...spec });
const byId = <const K extends string>(spec: Omit<ByIdSpec<K>, 'kind'>): ByIdSpec<K> => ({ kind: 'byId', ...spec });

const multiplierField = (label: string, title: string): KnobField => ({ label, unit: '×', placeholder: '1', step: '0.05', min: '0', title });
const fractionField = (label: string, placeholder: string, title: string): KnobField => ({ label, unit: '0–1', placeholder, step: '0.05', min: '0', max: '1', title });

/** Session length of a bot added by the knobs to a type that has none (the bundled voice bot's). */
export const ADDED_BOT_DURATION = { dist: 'lognormal', mean: 90, cv: 1 } as const;

/** Apply `f` to a per-interval value (a number or an array of numbers); anything else is left for validation. */
function mapPerInterval(value: unknown, f: (x: number) => number): unknown {
  if (typeof value === 'number') return f(value);
  if (Array.isArray(value)) return value.map((x) => (typeof x === 'number' ? f(x) : x));
  return value;
}

function scaleDist(d: unknown, f: number): unknown {
  if (Array.isArray(d)) return d.map((x) => scaleDist(x, f));
  if (!isObject(d)) return d;
  const out: Json = { ...d };
  // Every length of every kind (a Weibull's scale, a triangle's mode and bounds, a truncation's
  // window); a mixture's components and a truncation's base are scaled the same way.
  for (const key of ['mean', 'value', 'min', 'mode', 'max', 'scale']) {
    if (typeof out[key] === 'number') out[key] = (out[key] as number) * f;
  }
  if (Array.isArray(out['values'])) out['values'] = (out['values'] as unknown[]).map((x) => (typeof x === 'number' ? x * f : x));
  if (out['dist'] === 'truncated') out['of'] = scaleDist(out['of'], f);
  if (out['dist'] === 'mixture' && Array.isArray(out['of'])) {
    out['of'] = (out['of'] as unknown[]).map((c) => (isObject(c) ? { ...c, dist: scaleDist(c['dist'], f) } : c));
  }
  return out;
}

function setPatienceMean(p: unknown, mean: number): unknown {
  if (isObject(p) && typeof p['mean'] === 'number') return { ...p, mean };
  if (isObject(p) && p['dist'] === 'constant') return { ...p, value: mean };
  return { dist: 'exponential', mean };
}

/**
 * Change a group's agents: its staff per interval, or each of its shifts' count. A shift's
 * `breakGroups` share the new count in proportion to their counts (largest remainder, ties to the
 * earlier group), so they still sum to it.
 */
function changeAgents(group: Json, f: (x: number) => number): void {
  if (group['staff'] !== undefined) group['staff'] = mapPerInterval(group['staff'], f);
  for (const shift of objects(group['shifts'])) {
    if (typeof shift['count'] !== 'number') continue;
    const count = f(shift['count']);
    const breakGroups = objects(shift['breakGroups']);
    const weights = breakGroups.map((g) => g['count']);
    if (breakGroups.length > 0 && weights.every((w): w is number => typeof w === 'number' && Number.isInteger(w) && w >= 0)) {
      const shares = largestRemainder(Math.max(0, count), weights);
      shift['breakGroups'] = breakGroups.map((g, j) => ({ ...g, count: shares[j] }));
    }
    shift['count'] = count;
  }
}

/** Set one of a type's bot fractions; a type without a bot gets one that takes no one until its share says so. */
function setBot(type: Json, key: 'share' | 'containment', value: number): void {
  const bot: Json = isObject(type['bot']) ? { ...type['bot'] } : { share: 0, containment: 0, duration: { ...ADDED_BOT_DURATION } };
  bot[key] = value;
  type['bot'] = bot;
}

const botOf = (type: Json): Json | undefined => (isObject(type['bot']) ? type['bot'] : undefined);

/**
 * Every knob, in the order they are applied, written in links, described and laid out in the
 * form. The multipliers come first: agents added to a group count after its staff multiplier.
 */
export const KNOB_TABLE = [
  multiplier({
    key: 'volume',
    token: 'vol',
    name: 'volume',
    noun: 'volume',
    on: 'contactTypes',
    apply: (type, f) => (type['volume'] = mapPerInterval(type['volume'], (v) => v * f)),
    field: multiplierField('Volume', 'multiplies every contact type’s volume in every interval'),
  }),
  multiplier({
    key: 'handleTime',
    token: 'aht',
    name: 'aht',
    noun: 'handle time',
    on: 'contactTypes',
    // Every length of the distribution: its mean, value, bounds, mode, scale or values.
    apply: (type, f) => (type['handleTime'] = scaleDist(type['handleTime'], f)),
    field: multiplierField('Handle time', 'multiplies every handle-time distribution'),
  }),
  multiplier({
    key: 'staff',
    token: 'staff',
    name: 'staff',
    noun: 'staff',
    on: 'agentGroups',
    apply: (group, f) => changeAgents(group, (x) => Math.round(x * f)),
    field: multiplierField('Staff', 'multiplies every group’s staff in every interval (rounded to whole agents)'),
  }),
  byId({
    key: 'addAgents',
    token: 'add',
    name: 'add',
    on: 'agentGroups',
    legend: 'Agents added per group',
    // Whole agents, like the multiplier's; 0 leaves the group as it is.
    apply: (group, n) => {
      if (n !== 0) changeAgents(group, (x) => Math.round(x) + n);
    },
    describe: (g, n) => `${g} ${n >= 0 ? '+' : ''}${n}`,
    field: (id, group) => {
      const perShift = group['staff'] === undefined && Array.isArray(group['shifts']);
      return {
        label: id,
        unit: perShift ? 'agents per shift' : 'agents per interval',
        placeholder: '0',
        step: '1',
        title: perShift ? `agents added to each shift of ${id} (negative removes)` : `agents added to ${id} in every interval (negative removes)`,
      };
    },
  }),
  byId({
    key: 'patience',
    token: 'pat',
    name: 'patience',
    on: 'contactTypes',
    apply: (type, mean) => (type['patience'] = setPatienceMean(type['patience'], mean)),
    describe: (t, v) => `${t} patience ${v} s`,
    field: (_id, type) => {
      if (type['channel'] === 'email') return null; // email never abandons
      const p = type['patience'];
      const mean = isObject(p) ? (num(p['mean']) ?? num(p['value'])) : undefined;
      // Patience per interval, or a kind without a mean field, still abandons.
      const placeholder = mean !== undefined ? String(mean) : p === undefined ? 'never abandons' : 'as in the scenario';
      return { label: 'Patience mean', unit: 's', placeholder, step: '10', title: 'mean time a contact waits before abandoning, seconds' };
    },
  }),
  byId({
    key: 'slTarget',
    token: 'sl',
    name: 'sl',
    on: 'contactTypes',
    apply: (type, target) => {
      if (isObject(type['serviceLevel'])) type['serviceLevel'] = { ...type['serviceLevel'], target };
    },
    describe: (t, v) => `${t} SL target ${v}`,
    field: (_id, type) => {
      const sl = isObject(type['serviceLevel']) ? type['serviceLevel'] : {};
      const seconds = num(sl['seconds']) ?? '?';
      return fractionField(`SL target (${seconds} s)`, String(num(sl['target']) ?? ''), `fraction to answer within ${seconds} s`);
    },
  }),
  byId({
    key: 'botShare',
    token: 'bot',
    name: 'bot-share',
    on: 'contactTypes',
    apply: (type, share) => setBot(type, 'share', share),
    describe: (t, v) => `${t} bot share ${v}`,
    field: (_id, type) => {
      const bot = botOf(type);
      return fractionField(
        'Bot share',
        String(num(bot?.['share']) ?? 0),
        bot ? 'fraction of arrivals that enter the bot first' : `fraction of arrivals that enter a bot (none today: one with ${ADDED_BOT_DURATION.mean} s sessions is added)`,
      );
    },
  }),
  byId({
    key: 'botContainment',
    token: 'cont',
    name: 'bot-containment',
    on: 'contactTypes',
    apply: (type, containment) => setBot(type, 'containment', containment),
    describe: (t, v) => `${t} containment ${v}`,
    field: (_id, type) => fractionField('Bot containment', String(num(botOf(type)?.['containment']) ?? 0), 'fraction of bot sessions resolved in the bot'),
  }),
] as const;

type Spec = (typeof KNOB_TABLE)[number];
export type MultiplierKey = Extract<Spec, { kind: 'multiplier' }>['key'];
export type ByIdKey = Extract<Spec, { kind: 'byId' }>['key'];

/**
 * Knob values, one property per entry of {@link KNOB_TABLE}: a multiplier, or values by contact
 * type or agent group id. An absent multiplier or id leaves the scenario as it is.
 */
export type Knobs = { [K in MultiplierKey]?: number } & { [K in ByIdKey]: Record<string, number> };

const MULTIPLIERS = KNOB_TABLE.filter((s): s is Extract<Spec, { kind: 'multiplier' }> => s.kind === 'multiplier');
const BY_ID = KNOB_TABLE.filter((s): s is Extract<Spec, { kind: 'byId' }> => s.kind === 'byId');

export function emptyKnobs(): Knobs {
  // Every by-id knob gets its (empty) map, which is all the type asks for.
  return Object.fromEntries(BY_ID.map((spec) => [spec.key, {}])) as Knobs;
}

export function isEmpty(k: Knobs): boolean {
  return MULTIPLIERS.every((spec) => k[spec.key] === undefined) && BY_ID.every((spec) => Object.keys(k[spec.key]).length === 0);
}

/** The value of `spec` in `k` (for entity `id` when it is a knob by id). */
export function knobValue(k: Knobs, spec: Spec, id: string): number | undefined {
  return spec.kind === 'multiplier' ? k[spec.key] : k[spec.key][id];
}

/** Set (or, with undefined, clear) the value of `spec` in `k` (for entity `id` when it is a knob by id). */
export function setKnob(k: Knobs, spec: Spec, id: string, value: number | undefined): void {
  if (spec.kind === 'multiplier') k[spec.key] = value;
  else if (value === undefined) delete k[spec.key][id];
  else k[spec.key][id] = value;
}

interface SetValue {
  readonly spec: Spec;
  /** '' for a multiplier. */
  readonly id: string;
  readonly value: number;
}

/** The knob values set in `k`, in table order. */
function setValues(k: Knobs): SetValue[] {
  return KNOB_TABLE.flatMap((spec): SetValue[] =>
    spec.kind === 'multiplier'
      ? k[spec.key] === undefined
        ? []
        : [{ spec, id: '', value: k[spec.key]! }]
      : Object.entries(k[spec.key]).map(([id, value]) => ({ spec, id, value })),
  );
}

/** A deep copy of the scenario JSON `raw` with the knobs applied. */
export function applyKnobs(raw: unknown, k: Knobs): unknown {
  const s: unknown = structuredClone(raw);
  if (!isObject(s)) return s;
  for (const target of ['contactTypes', 'agentGroups'] as const) {
    for (const entity of objects(s[target])) {
      const id = entity['id'];
      for (const spec of KNOB_TABLE) {
        if (spec.on !== target) continue;
        const value = spec.kind === 'multiplier' ? k[spec.key] : typeof id === 'string' ? k[spec.key][id] : undefined;
        if (value !== undefined) spec.apply(entity, value);
      }
    }
  }
  return s;
}

const times = (f: number) => `×${+f.toFixed(4)}`;

/**
 * Multipliers above this are asked about before a run: "110" is far more often a percentage
 * typed into a × field than a real 110-fold volume.
 */
export const CONFIRM_MULTIPLIER_ABOVE = 10;

/** A multiplier that looks like a percentage, and the multiplier that percentage means. */
export interface MultiplierQuestion {
  readonly knob: MultiplierKey;
  readonly value: number;
  readonly suggested: number;
  /** "×110 multiplies volume by 110: did you mean +10% (×1.1)?" */
  readonly question: string;
}

/** The knobs' multipliers above {@link CONFIRM_MULTIPLIER_ABOVE}, each with what it may have meant. */
export function multiplierQuestions(k: Knobs): MultiplierQuestion[] {
  const out: MultiplierQuestion[] = [];
  for (const spec of MULTIPLIERS) {
    const value = k[spec.key];
    if (value === undefined || !(value > CONFIRM_MULTIPLIER_ABOVE)) continue;
    const suggested = +(value / 100).toFixed(4);
    const change = +(value - 100).toFixed(2);
    const meant = change === 0 ? 'no change' : `${change > 0 ? '+' : '−'}${Math.abs(change)}%`;
    out.push({ knob: spec.key, value, suggested, question: `${times(value)} multiplies ${spec.noun} by ${+value.toFixed(4)}: did you mean ${meant} (${times(suggested)})?` });
  }
  return out;
}

/** A short description of the knobs for the variant's name: "volume ×1.1, voice-team +2". */
export function describeKnobs(k: Knobs): string {
  return setValues(k)
    .map(({ spec, id, value }) => (spec.kind === 'multiplier' ? `${spec.noun} ${times(value)}` : spec.describe(id, value)))
    .join(', ');
}

/** The knobs as `key:value` tokens (URL), and back. Ids are [A-Za-z0-9_-], so "." and ":" are safe. */
export function knobTokens(k: Knobs): string[] {
  return setValues(k).map(({ spec, id, value }) => (spec.kind === 'multiplier' ? `${spec.token}:${value}` : `${spec.token}.${id}:${value}`));
}

/** Parse `knobTokens` output; unknown or malformed tokens are returned in `rejected`. */
export function parseKnobTokens(tokens: readonly string[]): { knobs: Knobs; rejected: string[] } {
  const knobs = emptyKnobs();
  const rejected: string[] = [];
  for (const token of tokens) {
    const m = /^([a-z]+)(?:\.([A-Za-z0-9_-]+))?:(-?[0-9.eE+-]+)$/.exec(token);
    const value = m ? Number(m[3]) : NaN;
    // A multiplier takes no id; a knob by id needs one.
    const spec = m ? KNOB_TABLE.find((s) => s.token === m[1] && (s.kind === 'multiplier') === (m[2] === undefined)) : undefined;
    if (!m || !Number.isFinite(value) || spec === undefined) rejected.push(token);
    else setKnob(knobs, spec, m[2] ?? '', value);
  }
  return { knobs, rejected };
}

const ENTITY = { agentGroups: 'agent group', contactTypes: 'contact type' } as const;

/** Knobs naming a group or contact type the scenario does not have (e.g. from an old link). */
export function unknownKnobIds(raw: unknown, k: Knobs): { path: string; message: string }[] {
  const ids = (key: KnobTarget) => new Set(objects(isObject(raw) ? raw[key] : undefined).map((o) => o['id']));
  const out: { path: string; message: string }[] = [];
  for (const spec of BY_ID) {
    const known = ids(spec.on);
    for (const id of Object.keys(k[spec.key])) if (!known.has(id)) out.push({ path: 'what if', message: `the scenario has no ${ENTITY[spec.on]} "${id}"` });
  }
  return [...new Map(out.map((i) => [i.message, i])).values()];
}
