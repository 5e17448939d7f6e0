import { formatClock, parseClock } from './clock.js';
import type { ScenarioIssue } from './issues.js';
import { isNumber, isObject, list, type Loose } from './loose.js';
import { parseCsv } from './csv.js';

/** Columns of a forecast file; `aht` is optional (and a cell may be empty: keep the scenario's handle time). */
const REQUIRED = ['interval_start', 'type', 'volume'] as const;
const COLUMNS = [...REQUIRED, 'aht'] as const;
type Column = (typeof COLUMNS)[number];
/** The 80% band that `ccsim forecast --out` writes beside each volume (CONTRACT section 6): read past. */
const IGNORED = ['volume_lo', 'volume_hi'];

/**
 * Merges a forecast CSV (columns interval_start,type,volume,aht) into raw scenario data, in place:
 * every contact type the file names gets `volume` as one value per interval and, where `aht` is
 * given, `handleTime` as one distribution per interval with that mean (same family and cv as the
 * scenario's). Rows are numbered as lines of the file (the header is row 1). `interval_start` is
 * an interval's clock label "HH:MM", or "<day> HH:MM" (day 0 = the day the scenario starts) when
 * the horizon passes the same clock time more than once. Returns the problems found; the scenario
 * is changed only when there are none.
 */
export function mergeForecast(scenario: Loose, csv: string, file: string): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const at = (row: number, column: string | undefined, message: string) =>
    issues.push({ path: 'forecast', message: `${file} row ${row}${column === undefined ? '' : `, column "${column}"`}: ${message}` });
  const labels = intervalClock(scenario);
  if (labels === undefined) return issues; // intervals, intervalMinutes or start are invalid: reported by the schema
  const types = new Map<string, Loose>();
  for (const t of list(scenario['contactTypes'])) if (isObject(t) && typeof t['id'] === 'string') types.set(t['id'], t);

  const rows = parseCsv(csv);
  const header = rows[0];
  if (header === undefined || header.cells.every((c) => c.trim() === '')) {
    at(1, undefined, `empty file: expected the header ${COLUMNS.join(',')}`);
    return issues;
  }
  // A spreadsheet set to a European locale writes "interval_start;type;volume;aht": one cell.
  if (header.cells.length === 1 && header.cells[0]!.includes(';')) {
    at(header.line, undefined, `looks semicolon-separated: ccsim reads comma-separated CSV (expected the header ${COLUMNS.join(',')})`);
    return issues;
  }
  const index = new Map<Column, number>();
  header.cells.forEach((raw, k) => {
    const name = raw.trim().toLowerCase();
    if (IGNORED.includes(name)) return;
    if (!(COLUMNS as readonly string[]).includes(name)) at(header.line, raw, `unknown column (expected ${COLUMNS.join(', ')})`);
    else if (index.has(name as Column)) at(header.line, raw, 'column given twice');
    else index.set(name as Column, k);
  });
  for (const name of REQUIRED) if (!index.has(name)) at(header.line, name, 'missing column');
  if (issues.length > 0) return issues;

  const n = labels.length;
  const found = new Map<string, { volume: number[]; aht: (number | undefined)[]; rowOf: number[] }>();
  for (const { line, cells } of rows.slice(1)) {
    if (cells.length === 1 && cells[0]!.trim() === '') continue; // blank line
    if (cells.length !== header.cells.length) {
      at(line, undefined, `has ${cells.length} fields, expected ${header.cells.length}`);
      continue;
    }
    const cell = (c: Column) => cells[index.get(c)!]!.trim();
    const interval = intervalOf(cell('interval_start'), labels);
    if (typeof interval === 'string') at(line, 'interval_start', interval);
    const typeId = cell('type');
    if (!types.has(typeId)) at(line, 'type', `unknown contact type ${JSON.stringify(typeId)}`);
    const volume = Number(cell('volume'));
    if (cell('volume') === '' || !Number.isFinite(volume) || volume < 0) {
      at(line, 'volume', `must be a number >= 0, not ${JSON.stringify(cell('volume'))}`);
    }
    const ahtText = index.has('aht') ? cell('aht') : '';
    const aht = ahtText === '' ? undefined : Number(ahtText);
    if (aht !== undefined && !(Number.isFinite(aht) && aht > 0)) at(line, 'aht', `must be a number > 0 (seconds) or empty, not ${JSON.stringify(ahtText)}`);
    if (typeof interval === 'string' || !types.has(typeId)) continue;
    let entry = found.get(typeId);
    if (entry === undefined) {
      entry = { volume: new Array<number>(n).fill(NaN), aht: new Array<number | undefined>(n).fill(undefined), rowOf: new Array<number>(n).fill(0) };
      found.set(typeId, entry);
    }
    const before = entry.rowOf[interval]!;
    if (before > 0) at(line, 'interval_start', `type "${typeId}" at ${cell('interval_start')} is already given in row ${before}`);
    entry.rowOf[interval] = line;
    entry.volume[interval] = volume;
    entry.aht[interval] = aht;
  }
  if (issues.length > 0) return issues; // rows in error would be reported again as missing
  // A header alone would leave every volume as the scenario has it: surely not what was meant.
  if (found.size === 0) {
    at(header.line, undefined, 'has a header but no rows: expected one row per interval and contact type');
    return issues;
  }
  for (const [typeId, entry] of found) {
    const missing = entry.rowOf.flatMap((row, i) => (row === 0 ? [labels[i]!.label] : []));
    if (missing.length > 0) {
      const shown = missing.slice(0, 5).join(', ') + (missing.length > 5 ? `, ... (${missing.length} in all)` : '');
      issues.push({ path: 'forecast', message: `${file}: type "${typeId}" has no row for interval ${shown}` });
    }
  }
  if (issues.length > 0) return issues;
  for (const [typeId, entry] of found) {
    const type = types.get(typeId)!;
    type['volume'] = entry.volume;
    if (entry.aht.some((a) => a !== undefined)) {
      const base = type['handleTime'];
      const perInterval = Array.isArray(base) ? base : new Array<unknown>(n).fill(base);
      if (perInterval.length === n) type['handleTime'] = perInterval.map((d, i) => withMean(d, entry.aht[i]));
    }
  }
  return issues;
}

/** Clock label and absolute minute (from midnight of day 0) of every interval start. */
function intervalClock(scenario: Loose): { label: string; minute: number }[] | undefined {
  const { intervals, intervalMinutes } = scenario;
  const start = scenario['start'] ?? '00:00';
  if (!isNumber(intervals) || !Number.isInteger(intervals) || intervals <= 0 || intervals > 1e6) return undefined;
  if (!isNumber(intervalMinutes) || intervalMinutes <= 0 || typeof start !== 'string') return undefined;
  let from: number;
  try {
    from = parseClock(start);
  } catch {
    return undefined;
  }
  return Array.from({ length: intervals }, (_, i) => {
    const minute = from + i * intervalMinutes;
    const day = Math.floor(minute / 1440);
    return { label: day === 0 ? formatClock(minute) : `${day} ${formatClock(minute)}`, minute };
  });
}

/** The interval an `interval_start` cell names, or why it names none. */
function intervalOf(text: string, labels: readonly { minute: number }[]): number | string {
  const m = /^(?:(\d+)\s+)?(\d{1,2}:\d{2})$/.exec(text);
  let clock: number | undefined;
  try {
    clock = m === null ? undefined : parseClock(m[2]!.padStart(5, '0'));
  } catch {
    clock = undefined;
  }
  if (m === null || clock === undefined) return `must be a clock time "HH:MM" or "<day> HH:MM", not ${JSON.stringify(text)}`;
  if (m[1] !== undefined) {
    const minute = Number(m[1]) * 1440 + clock;
    const i = labels.findIndex((l) => l.minute === minute);
    return i >= 0 ? i : `${JSON.stringify(text)} is not the start of a simulated interval`;
  }
  const matches = labels.flatMap((l, i) => (((l.minute % 1440) + 1440) % 1440 === clock ? [i] : []));
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) return `${JSON.stringify(text)} is not the start of a simulated interval`;
  return `${JSON.stringify(text)} starts ${matches.length} intervals of the horizon: write "<day> ${text}" (day 0 is the first)`;
}

/** A distribution like `dist` (raw data) with its mean moved to `mean` (same family and cv). */
export function withMean(dist: unknown, mean: number | undefined): unknown {
  if (mean === undefined || !isObject(dist)) return dist;
  switch (dist['dist']) {
    case 'exponential':
    case 'lognormal':
    case 'gamma':
      return { ...dist, mean };
    case 'constant':
      return { ...dist, value: mean };
    case 'weibull': {
      const { shape } = dist;
      return isNumber(shape) && shape > 0 ? { ...dist, scale: mean / Math.exp(lnGammaOnePlus(1 / shape)) } : dist;
    }
    case 'uniform': {
      const { min, max } = dist;
      if (!isNumber(min) || !isNumber(max)) return dist;
      const centre = (min + max) / 2;
      return centre > 0 ? { ...dist, min: (min * mean) / centre, max: (max * mean) / centre } : { ...dist, min: mean, max: mean };
    }
    case 'empirical': {
      const values = dist['values'];
      if (!Array.isArray(values) || values.length === 0 || !values.every(isNumber)) return dist;
      const avg = values.reduce((s: number, v: number) => s + v, 0) / values.length;
      return { ...dist, values: values.map((v: number) => (avg > 0 ? (v * mean) / avg : mean)) };
    }
    case 'triangular': {
      const { min, mode, max } = dist;
      if (!isNumber(min) || !isNumber(mode) || !isNumber(max)) return dist;
      const centre = (min + mode + max) / 3;
      return centre > 0 ? { ...dist, min: (min * mean) / centre, mode: (mode * mean) / centre, max: (max * mean) / centre } : { ...dist, min: mean, mode: mean, max: mean };
    }
    case 'mixture': {
      // Each component's mean moved by the same factor: the weights, and so the shape, stay.
      const of = dist['of'];
      const current = meanOf(dist);
      if (!Array.isArray(of) || current === undefined || !(current > 0)) return dist;
      return { ...dist, of: of.map((c: Record<string, unknown>) => ({ ...c, dist: withMean(c['dist'], (meanOf(c['dist'])! * mean) / current) })) };
    }
    default:
      // A truncated distribution's mean has no closed form here: it is kept as written (docs/forecast.md).
      return dist;
  }
}

/** The mean of a distribution (raw data) where the scenario layer can compute it; else undefined. */
function meanOf(dist: unknown): number | undefined {
  if (!isObject(dist)) return undefined;
  const num = (key: string) => (isNumber(dist[key]) ? dist[key] : undefined);
  const sum = (...xs: (number | undefined)[]) => (xs.every(isNumber) ? (xs as number[]).reduce((s, x) => s + x, 0) : undefined);
  switch (dist['dist']) {
    case 'exponential':
    case 'lognormal':
    case 'gamma':
      return num('mean');
    case 'constant':
      return num('value');
    case 'weibull': {
      const [shape, scale] = [num('shape'), num('scale')];
      return shape !== undefined && scale !== undefined && shape > 0 ? scale * Math.exp(lnGammaOnePlus(1 / shape)) : undefined;
    }
    case 'uniform': {
      const total = sum(num('min'), num('max'));
      return total === undefined ? undefined : total / 2;
    }
    case 'triangular': {
      const total = sum(num('min'), num('mode'), num('max'));
      return total === undefined ? undefined : total / 3;
    }
    case 'empirical': {
      const values = dist['values'];
      return Array.isArray(values) && values.length > 0 && values.every(isNumber) ? values.reduce((s: number, v: number) => s + v, 0) / values.length : undefined;
    }
    case 'mixture': {
      const of = dist['of'];
      if (!Array.isArray(of)) return undefined;
      let total = 0;
      for (const c of of) {
        const m = isObject(c) && isNumber(c['weight']) ? meanOf(c['dist']) : undefined;
        if (m === undefined) return undefined;
        total += (c['weight'] as number) * m;
      }
      return total;
    }
    default:
      return undefined;
  }
}

/**
 * ln Γ(1 + x) for x >= 0 (Stirling's series after shifting up to 12; error below 1e-14). The
 * scenario layer imports nothing, so it keeps this copy of src/random/gammaFunction.ts's lnGamma.
 */
function lnGammaOnePlus(x: number): number {
  let z = 1 + x;
  let shift = 0;
  while (z < 12) {
    shift += Math.log(z);
    z += 1;
  }
  const inv = 1 / z;
  const inv2 = inv * inv;
  const series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 / 1188))));
  return (z - 0.5) * Math.log(z) - z + 0.5 * Math.log(2 * Math.PI) + series - shift;
}
