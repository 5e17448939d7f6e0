/**
 * Scenario mutations for the fuzz tests: the bundled scenarios, shrunk to a short horizon so the
 * valid ones simulate in milliseconds, and fast-check arbitraries that break them in the ways
 * hand-edited files break: wrong types, non-finite and negative numbers, empty and huge arrays,
 * wrong lengths, unknown and duplicate ids, `__proto__` / `constructor` keys, deep nesting.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';

export type Doc = Record<string, unknown>;
type Step = string | number;

const scenarioDir = new URL('../../../scenarios/', import.meta.url);

const clockOf = (text: unknown) => {
  const m = typeof text === 'string' ? /^(\d\d):(\d\d)$/.exec(text) : null;
  return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
};

/**
 * A bundled scenario cut to its first `intervals` intervals: per-interval arrays sliced, warm-up
 * at most 30 minutes, shifts outside the new horizon dropped (a group left with none gets `staff`).
 */
export function shrink(source: Doc, intervals = 2): Doc {
  const s = structuredClone(source);
  const n = s['intervals'] as number;
  const cut = (v: unknown) => (Array.isArray(v) && v.length === n ? v.slice(0, intervals) : v);
  s['intervals'] = intervals;
  s['warmupMinutes'] = Math.min(30, (s['warmupMinutes'] as number | undefined) ?? 0);
  for (const t of s['contactTypes'] as Doc[]) {
    t['volume'] = cut(t['volume']);
    t['handleTime'] = cut(t['handleTime']);
  }
  const from = clockOf(s['start']);
  const to = from + intervals * (s['intervalMinutes'] as number);
  for (const g of s['agentGroups'] as Doc[]) {
    g['staff'] = cut(g['staff']);
    if (Array.isArray(g['shifts'])) {
      const kept = (g['shifts'] as Doc[]).filter((sh) => {
        const start = ((sh['day'] as number | undefined) ?? 0) * 1440 + clockOf(sh['start']);
        return start < to && start + (sh['minutes'] as number) > from;
      });
      if (kept.length > 0) g['shifts'] = kept;
      else {
        delete g['shifts'];
        delete g['shrinkage'];
        g['staff'] = 5;
      }
    }
  }
  return s;
}

/** Every bundled scenario (scenarios/*.json), shrunk. */
export const baseScenarios: { file: string; doc: Doc }[] = readdirSync(scenarioDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => ({ file, doc: shrink(JSON.parse(readFileSync(new URL(file, scenarioDir), 'utf8')) as Doc) }));

/** Numbers a spreadsheet or a script can produce. */
const hostileNumber = fc.constantFrom(
  0, -0, -1, 0.5, 1.5, 7, 30, 1440, 1e-300, 5e-324, 1e9, 1e300, Number.MAX_VALUE, 2 ** 53 + 2, 2 ** 31, -(2 ** 31), 1e6,
);
/** Values JSON can carry, hostile ones first. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileNumber },
  { weight: 2, arbitrary: fc.constantFrom('', ' ', 'x', '0', '30', '1e3', 'NaN', 'Infinity', '-1', '__proto__', 'constructor', '08:00', '24:00', 'voice', 'exponential', '\u0000', '\uD800', '<script>alert(1)</script>') },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null) },
  { weight: 1, arbitrary: fc.constantFrom([], {}, [1], [[]], { dist: 'exponential' }, { dist: 'exponential', mean: 1 }, { dist: 'empirical', values: [] }, { dist: 'uniform', min: 5, max: 1 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);
/** Values only code can pass (parseScenario on an object): non-finite numbers, undefined, functions... */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileJson },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      NaN, Infinity, -Infinity, undefined, 10n, Symbol('s'), () => 1, new Date(0), new Map([['a', 1]]), /x/, new Uint8Array(3),
      Object.create(null), [, 1], new Number(5), new String('x'),
    ),
  },
);

/** Keys that must never reach a prototype, and near-misses of real keys. */
export const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'patiance', 'Volume', 'staff ', '', '$schema', 'forecast', 'id');

export type Mutation =
  | { op: 'set'; at: number; value: unknown }
  | { op: 'delete'; at: number }
  | { op: 'addKey'; at: number; key: string; value: unknown }
  | { op: 'duplicate'; at: number }
  | { op: 'empty'; at: number }
  | { op: 'resize'; at: number; length: number }
  | { op: 'wrap'; at: number }
  | { op: 'stringify'; at: number }
  | { op: 'scale'; at: number; factor: number }
  | { op: 'nest'; at: number; depth: number };

/** One mutation; `at` picks a node (index modulo the number of nodes, so it always lands). */
export function mutationArb(value: fc.Arbitrary<unknown>): fc.Arbitrary<Mutation> {
  const at = fc.nat();
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ op: fc.constant('set' as const), at, value }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('addKey' as const), at, key: fc.oneof(hostileKey, fc.string({ maxLength: 8 })), value: fc.oneof(value, fc.constant({ polluted: 'yes' }), fc.constant({ prototype: { polluted: 'yes' } })) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('empty' as const), at }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('resize' as const), at, length: fc.constantFrom(0, 1, 3, 25, 1000, 100_000) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('wrap' as const), at }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('stringify' as const), at }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('scale' as const), at, factor: fc.constantFrom(-1, 0, 1e-9, 0.5, 2, 10, 1e9, 1e300) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('nest' as const), at, depth: fc.constantFrom(10, 100, 1000) }) },
  );
}

/** Paths of every node of a JSON-like document (the root is []). */
function nodes(value: unknown, path: Step[] = [], out: Step[][] = []): Step[][] {
  out.push(path);
  if (path.length >= 12) return out; // deep nests (the 'nest' mutation) are picked whole
  if (Array.isArray(value)) {
    if (value.length <= 50) value.forEach((v, i) => nodes(v, [...path, i], out));
  } else if (typeof value === 'object' && value !== null && !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
    // A boxed primitive (new String("x"), a value JSON cannot carry) is a leaf: its index keys cannot be redefined.
    for (const key of Object.keys(value)) nodes((value as Doc)[key], [...path, key], out);
  }
  return out;
}

/** Length of a value's JSON text (0 for what JSON cannot write). */
const jsonSize = (v: unknown): number => {
  try {
    return JSON.stringify(v)?.length ?? 0;
  } catch {
    return 0;
  }
};

const own = (o: object, key: string, v: unknown) => Object.defineProperty(o, key, { value: v, enumerable: true, writable: true, configurable: true });

/** A copy of `doc` with the mutations applied in turn (each picks its node in the document as it is then). */
export function applyMutations(doc: Doc, mutations: readonly Mutation[]): unknown {
  let root: unknown = structuredClone(doc);
  for (const m of mutations) {
    const all = nodes(root);
    const path = all[m.at % all.length]!;
    const parent = path.slice(0, -1).reduce<unknown>((n, step) => (n as Doc)[step as string], root);
    const last = path[path.length - 1];
    const current = path.length === 0 ? root : (parent as Doc)[last as string];
    const replace = (v: unknown) => {
      if (path.length === 0) root = v;
      else if (Array.isArray(parent)) parent[last as number] = v;
      else own(parent as object, last as string, v);
    };
    switch (m.op) {
      case 'set':
        replace(m.value);
        break;
      case 'delete':
        if (path.length === 0) break;
        if (Array.isArray(parent)) parent.splice(last as number, 1);
        else delete (parent as Doc)[last as string];
        break;
      case 'addKey':
        if (typeof current === 'object' && current !== null && !Array.isArray(current)) own(current, m.key, m.value);
        break;
      case 'duplicate':
        if (Array.isArray(current) && current.length > 0 && jsonSize(current[0]) < 1e6) current.push(structuredClone(current[0]));
        break;
      case 'empty':
        replace(Array.isArray(current) ? [] : typeof current === 'object' && current !== null ? {} : current);
        break;
      case 'resize':
        if (Array.isArray(current)) {
          const last = current.length > 0 ? current[current.length - 1] : 0;
          // Keep a case under ~10 MB of JSON: copies of a big element would multiply (1e5 x 1e5).
          const fill = m.length * jsonSize(last) > 1e7 ? 0 : last;
          replace(Array.from({ length: m.length }, (_, i) => (i < current.length ? current[i] : structuredClone(fill))));
        }
        break;
      case 'wrap':
        replace([current]);
        break;
      case 'stringify':
        if (typeof current === 'number') replace(String(current));
        break;
      case 'scale':
        if (typeof current === 'number') replace(current * m.factor);
        else if (Array.isArray(current) && current.every((x) => typeof x === 'number')) replace(current.map((x: number) => x * m.factor));
        break;
      case 'nest': {
        let v: unknown = current;
        for (let d = 0; d < m.depth; d++) v = [v];
        replace(v);
        break;
      }
    }
  }
  return root;
}

/** A forecast CSV for a (shrunk) scenario: one row per interval and type, volumes and AHTs from the scenario. */
export function forecastCsv(doc: Doc): string {
  const n = doc['intervals'] as number;
  const minutes = doc['intervalMinutes'] as number;
  const start = clockOf(doc['start']);
  const rows = ['interval_start,type,volume,aht'];
  for (const t of doc['contactTypes'] as Doc[]) {
    for (let i = 0; i < n; i++) {
      const m = (start + i * minutes) % 1440;
      const label = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      const v = Array.isArray(t['volume']) ? (t['volume'] as number[])[i] : t['volume'];
      rows.push(`${label},${String(t['id'])},${String(v)},${i % 2 === 0 ? 200 : ''}`);
    }
  }
  return `${rows.join('\n')}\n`;
}

/** Text-level damage to a CSV: cells replaced, rows dropped or doubled, quotes, columns. */
export const csvMutationArb = fc.oneof(
  fc.record({ op: fc.constant('cell' as const), row: fc.nat(), col: fc.nat(), text: fc.oneof(fc.constantFrom('', '-1', 'NaN', 'Infinity', '1e400', 'x', '"', '"a,b"', '25:00', '9 08:00', '0', '1e-300', '__proto__', 'constructor', ' 30 ', '\u0000'), fc.string({ maxLength: 6 })) }),
  fc.record({ op: fc.constant('dropRow' as const), row: fc.nat() }),
  fc.record({ op: fc.constant('doubleRow' as const), row: fc.nat() }),
  fc.record({ op: fc.constant('header' as const), text: fc.constantFrom('interval_start,type,volume,aht,extra', 'type,volume', 'INTERVAL_START, Type ,VOLUME', 'interval_start,type,volume,volume', '', '\uFEFFinterval_start,type,volume,aht') }),
  fc.record({ op: fc.constant('lineEnds' as const), crlf: fc.boolean() }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
);
export type CsvMutation = typeof csvMutationArb extends fc.Arbitrary<infer T> ? T : never;

export function mutateCsv(csv: string, mutations: readonly CsvMutation[]): string {
  let lines = csv.replace(/\n$/, '').split('\n');
  for (const m of mutations) {
    const pick = (k: number) => (lines.length === 0 ? -1 : k % lines.length);
    switch (m.op) {
      case 'cell': {
        const r = pick(m.row);
        if (r < 0) break;
        const cells = lines[r]!.split(',');
        cells[m.col % cells.length] = m.text;
        lines[r] = cells.join(',');
        break;
      }
      case 'dropRow': {
        const r = pick(m.row);
        if (r >= 0) lines.splice(r, 1);
        break;
      }
      case 'doubleRow': {
        const r = pick(m.row);
        if (r >= 0) lines.splice(r, 0, lines[r]!);
        break;
      }
      case 'header':
        lines[0] = m.text;
        break;
      case 'lineEnds':
        return `${lines.join(m.crlf ? '\r\n' : '\r')}`;
      case 'truncate': {
        const text = lines.join('\n');
        lines = text.slice(0, m.at % (text.length + 1)).split('\n');
        break;
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
