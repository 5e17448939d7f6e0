/**
 * The form's "what if" knobs and how they change a scenario. They act on the scenario's JSON
 * value (before validation), so the result is validated like any file and a bad value is
 * reported at its field path, exactly as the CLI would.
 */

/** Knob values; an absent entry leaves the scenario as it is. */
export interface Knobs {
  /** Multiplies every contact type's volume. */
  volume?: number;
  /** Multiplies every handle-time distribution (its mean; constant value; uniform bounds; empirical values). */
  handleTime?: number;
  /** Multiplies every group's staff (or shift counts), rounded to whole agents. */
  staff?: number;
  /** Agents added to a group in every interval (or to each of its shifts), after the multiplier; by group id. */
  addAgents: Record<string, number>;
  /** Patience mean, seconds, by contact type id. */
  patience: Record<string, number>;
  /** Service-level target (fraction answered within the threshold), by contact type id. */
  slTarget: Record<string, number>;
  /** Fraction of arrivals that enter the bot, by contact type id. */
  botShare: Record<string, number>;
  /** Fraction of bot sessions the bot resolves, by contact type id. */
  botContainment: Record<string, number>;
}

/** Session length of a bot added by the knobs to a type that has none (the bundled voice bot's). */
export const ADDED_BOT_DURATION = { dist: 'lognormal', mean: 90, cv: 1 } as const;

export function emptyKnobs(): Knobs {
  return { addAgents: {}, patience: {}, slTarget: {}, botShare: {}, botContainment: {} };
}

export function isEmpty(k: Knobs): boolean {
  return (
    k.volume === undefined &&
    k.handleTime === undefined &&
    k.staff === undefined &&
    [k.addAgents, k.patience, k.slTarget, k.botShare, k.botContainment].every((m) => Object.keys(m).length === 0)
  );
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const objects = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);

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
  for (const key of ['mean', 'value', 'min', 'max']) {
    if (typeof out[key] === 'number') out[key] = (out[key] as number) * f;
  }
  if (Array.isArray(out['values'])) out['values'] = (out['values'] as unknown[]).map((x) => (typeof x === 'number' ? x * f : x));
  return out;
}

function setPatienceMean(p: unknown, mean: number): unknown {
  if (isObject(p) && typeof p['mean'] === 'number') return { ...p, mean };
  if (isObject(p) && p['dist'] === 'constant') return { ...p, value: mean };
  return { dist: 'exponential', mean };
}

/** A deep copy of the scenario JSON `raw` with the knobs applied. */
export function applyKnobs(raw: unknown, k: Knobs): unknown {
  const s: unknown = structuredClone(raw);
  if (!isObject(s)) return s;
  for (const type of objects(s['contactTypes'])) {
    const id = type['id'];
    if (k.volume !== undefined) type['volume'] = mapPerInterval(type['volume'], (v) => v * k.volume!);
    if (k.handleTime !== undefined) type['handleTime'] = scaleDist(type['handleTime'], k.handleTime);
    if (typeof id !== 'string') continue;
    const patience = k.patience[id];
    if (patience !== undefined) type['patience'] = setPatienceMean(type['patience'], patience);
    const target = k.slTarget[id];
    if (target !== undefined && isObject(type['serviceLevel'])) type['serviceLevel'] = { ...type['serviceLevel'], target };
    const share = k.botShare[id];
    const containment = k.botContainment[id];
    if (share !== undefined || containment !== undefined) {
      const bot: Json = isObject(type['bot']) ? { ...type['bot'] } : { share: 0, containment: 0, duration: { ...ADDED_BOT_DURATION } };
      if (share !== undefined) bot['share'] = share;
      if (containment !== undefined) bot['containment'] = containment;
      type['bot'] = bot;
    }
  }
  for (const group of objects(s['agentGroups'])) {
    const id = group['id'];
    const add = typeof id === 'string' ? (k.addAgents[id] ?? 0) : 0;
    const change = (x: number) => Math.round(x * (k.staff ?? 1)) + add;
    if (k.staff === undefined && add === 0) continue;
    if (group['staff'] !== undefined) group['staff'] = mapPerInterval(group['staff'], change);
    for (const shift of objects(group['shifts'])) {
      if (typeof shift['count'] === 'number') shift['count'] = change(shift['count']);
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
  readonly knob: 'volume' | 'handleTime' | 'staff';
  readonly value: number;
  readonly suggested: number;
  /** "×110 multiplies volume by 110: did you mean +10% (×1.1)?" */
  readonly question: string;
}

const MULTIPLIED = { volume: 'volume', handleTime: 'handle time', staff: 'staff' } as const;

/** The knobs' multipliers above {@link CONFIRM_MULTIPLIER_ABOVE}, each with what it may have meant. */
export function multiplierQuestions(k: Knobs): MultiplierQuestion[] {
  const out: MultiplierQuestion[] = [];
  for (const knob of ['volume', 'handleTime', 'staff'] as const) {
    const value = k[knob];
    if (value === undefined || !(value > CONFIRM_MULTIPLIER_ABOVE)) continue;
    const suggested = +(value / 100).toFixed(4);
    const change = +(value - 100).toFixed(2);
    const meant = change === 0 ? 'no change' : `${change > 0 ? '+' : '−'}${Math.abs(change)}%`;
    out.push({ knob, value, suggested, question: `${times(value)} multiplies ${MULTIPLIED[knob]} by ${+value.toFixed(4)}: did you mean ${meant} (${times(suggested)})?` });
  }
  return out;
}

/** A short description of the knobs for the variant's name: "volume ×1.1, voice-team +2". */
export function describeKnobs(k: Knobs): string {
  const parts: string[] = [];
  if (k.volume !== undefined) parts.push(`volume ${times(k.volume)}`);
  if (k.handleTime !== undefined) parts.push(`handle time ${times(k.handleTime)}`);
  if (k.staff !== undefined) parts.push(`staff ${times(k.staff)}`);
  for (const [g, n] of Object.entries(k.addAgents)) parts.push(`${g} ${n >= 0 ? '+' : ''}${n}`);
  for (const [t, v] of Object.entries(k.patience)) parts.push(`${t} patience ${v} s`);
  for (const [t, v] of Object.entries(k.slTarget)) parts.push(`${t} SL target ${v}`);
  for (const [t, v] of Object.entries(k.botShare)) parts.push(`${t} bot share ${v}`);
  for (const [t, v] of Object.entries(k.botContainment)) parts.push(`${t} containment ${v}`);
  return parts.join(', ');
}

/** The knobs as `key:value` tokens (URL), and back. Ids are [A-Za-z0-9_-], so "." and ":" are safe. */
export function knobTokens(k: Knobs): string[] {
  const out: string[] = [];
  if (k.volume !== undefined) out.push(`vol:${k.volume}`);
  if (k.handleTime !== undefined) out.push(`aht:${k.handleTime}`);
  if (k.staff !== undefined) out.push(`staff:${k.staff}`);
  const each = (prefix: string, m: Record<string, number>) => Object.entries(m).forEach(([id, v]) => out.push(`${prefix}.${id}:${v}`));
  each('add', k.addAgents);
  each('pat', k.patience);
  each('sl', k.slTarget);
  each('bot', k.botShare);
  each('cont', k.botContainment);
  return out;
}

const MAPS = { add: 'addAgents', pat: 'patience', sl: 'slTarget', bot: 'botShare', cont: 'botContainment' } as const;

/** Parse `knobTokens` output; unknown or malformed tokens are returned in `rejected`. */
export function parseKnobTokens(tokens: readonly string[]): { knobs: Knobs; rejected: string[] } {
  const knobs = emptyKnobs();
  const rejected: string[] = [];
  for (const token of tokens) {
    const m = /^([a-z]+)(?:\.([A-Za-z0-9_-]+))?:(-?[0-9.eE+-]+)$/.exec(token);
    const value = m ? Number(m[3]) : NaN;
    if (!m || !Number.isFinite(value)) {
      rejected.push(token);
      continue;
    }
    const [, key, id] = m;
    if (id === undefined && key === 'vol') knobs.volume = value;
    else if (id === undefined && key === 'aht') knobs.handleTime = value;
    else if (id === undefined && key === 'staff') knobs.staff = value;
    else if (id !== undefined && key !== undefined && key in MAPS) knobs[MAPS[key as keyof typeof MAPS]][id] = value;
    else rejected.push(token);
  }
  return { knobs, rejected };
}

/** Knobs naming a group or contact type the scenario does not have (e.g. from an old link). */
export function unknownKnobIds(raw: unknown, k: Knobs): { path: string; message: string }[] {
  const ids = (key: string) => new Set(objects(isObject(raw) ? raw[key] : undefined).map((o) => o['id']));
  const groups = ids('agentGroups');
  const types = ids('contactTypes');
  const out: { path: string; message: string }[] = [];
  for (const g of Object.keys(k.addAgents)) if (!groups.has(g)) out.push({ path: 'what if', message: `the scenario has no agent group "${g}"` });
  for (const m of [k.patience, k.slTarget, k.botShare, k.botContainment]) {
    for (const t of Object.keys(m)) if (!types.has(t)) out.push({ path: 'what if', message: `the scenario has no contact type "${t}"` });
  }
  return [...new Map(out.map((i) => [i.message, i])).values()];
}
