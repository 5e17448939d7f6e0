import type { Metric } from '../stats/index.js';
import { outputWidth } from './outputWidth.js';

/** Columns that belong together (e.g. one type's offered, SL and ASA), with a label printed above them. */
export interface ColumnGroup {
  readonly size: number;
  readonly label?: string;
}

/** How table() lays a table out. */
export interface TableOptions {
  /** Widest line allowed, in characters (default: the running command's width, outputWidth()). */
  readonly width?: number;
  /** Leading columns that identify a row (e.g. `start`): repeated in every block (default 1). */
  readonly keys?: number;
  /**
   * The columns after the keys, in runs that a split keeps together (sizes sum to the columns
   * after the keys). Default: every column on its own, unlabelled.
   */
  readonly groups?: readonly ColumnGroup[];
}

const GAP = 2;

/**
 * A plain-text table, key columns left-aligned and the others right-aligned. When it is wider
 * than the width, its columns are split into blocks printed one under the other, each repeating
 * the key columns, so every line fits and no cell is cut. A column group wider than the width
 * on its own is split column by column; a single column that still does not fit is printed whole.
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[], options: TableOptions = {}): string {
  const width = options.width ?? outputWidth();
  const keys = Math.min(Math.max(options.keys ?? 1, 0), header.length);
  const cells = (r: readonly string[], c: number) => r[c] ?? '';
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => cells(r, c).length)));
  const groups: readonly ColumnGroup[] = options.groups ?? header.slice(keys).map(() => ({ size: 1 }));
  let next = keys;
  const spans = groups.map((g) => {
    const cols = Array.from({ length: g.size }, (_, k) => next + k);
    next += g.size;
    return { label: g.label, cols };
  });
  if (next !== header.length) throw new Error(`table: column groups cover ${next - keys} columns, the header has ${header.length - keys} after the keys`);
  const spanWidth = (cols: readonly number[]) => cols.reduce((w, c) => w + widths[c]!, 0) + GAP * Math.max(cols.length - 1, 0);
  for (const s of spans) {
    const short = (s.label?.length ?? 0) - spanWidth(s.cols);
    if (short > 0 && s.cols.length > 0) widths[s.cols[0]!]! += short;
  }
  const keyCols = Array.from({ length: keys }, (_, c) => c);
  const keyWidth = spanWidth(keyCols);
  const blocks: (typeof spans)[] = [];
  let block: typeof spans = [];
  let used = keyWidth;
  const place = (s: (typeof spans)[number]): boolean => {
    const w = spanWidth(s.cols) + (used === 0 ? 0 : GAP);
    if (used + w <= width) {
      block.push(s);
      used += w;
      return true;
    }
    return false;
  };
  const flush = () => {
    if (block.length > 0) blocks.push(block);
    block = [];
    used = keyWidth;
  };
  for (const s of spans) {
    if (place(s)) continue;
    flush();
    if (place(s)) continue;
    // Too wide even alone: one column at a time (the label stays on the first).
    s.cols.forEach((c, k) => {
      const piece = { label: k === 0 ? s.label : undefined, cols: [c] };
      if (place(piece)) return;
      flush();
      if (!place(piece)) {
        block.push(piece);
        flush();
      }
    });
  }
  flush();
  if (blocks.length === 0) blocks.push([]);
  return blocks.map((b) => renderBlock(header, rows, widths, keyCols, b)).join('\n\n');
}

function renderBlock(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  widths: readonly number[],
  keyCols: readonly number[],
  spans: readonly { label: string | undefined; cols: readonly number[] }[],
): string {
  const cols = [...keyCols, ...spans.flatMap((s) => s.cols)];
  const keys = keyCols.length;
  const line = (cells: readonly string[]) =>
    cols
      .map((c, k) => {
        const cell = cells[c] ?? '';
        return k < keys || k === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!);
      })
      .join(' '.repeat(GAP))
      .trimEnd();
  const lines: string[] = [];
  if (spans.some((s) => s.label !== undefined)) {
    const parts = keyCols.map((c) => ' '.repeat(widths[c]!));
    for (const s of spans) {
      const span = s.cols.reduce((w, c) => w + widths[c]!, 0) + GAP * (s.cols.length - 1);
      parts.push((s.label ?? '').padEnd(span));
    }
    lines.push(parts.join(' '.repeat(GAP)).trimEnd());
  }
  lines.push(line(header), cols.map((c) => '-'.repeat(widths[c]!)).join(' '.repeat(GAP)), ...rows.map(line));
  return lines.join('\n');
}

/**
 * Prose fitted to the width: a longer line is broken between words, its continuation lines
 * indented two spaces more than the line; a word longer than the width is cut.
 */
export function wrap(text: string, width = outputWidth()): string {
  return text
    .split('\n')
    .map((line) => wrapLine(line, width))
    .join('\n');
}

function wrapLine(line: string, width: number): string {
  if (line.length <= width) return line;
  const lead = /^ */.exec(line)![0];
  const indent = lead.length + 3 > width ? '' : lead;
  const hang = indent.length + 3 > width ? indent : `${indent}  `;
  const out: string[] = [];
  let current = '';
  const prefix = () => (out.length === 0 ? indent : hang);
  // Each word with the spaces before it, so spacing inside a line survives where it is not broken.
  for (const chunk of line.slice(lead.length).match(/ *\S+/g) ?? []) {
    let rest = chunk;
    while (rest.length > 0) {
      const candidate = current === '' ? prefix() + rest.trimStart() : current + rest;
      if (candidate.length <= width) {
        current = candidate;
        rest = '';
      } else if (current !== '') {
        out.push(current);
        current = '';
        rest = rest.trimStart();
      } else {
        const word = rest.trimStart();
        const room = Math.max(width - prefix().length, 1);
        out.push(prefix() + word.slice(0, room));
        rest = word.slice(room);
      }
    }
  }
  if (current !== '') out.push(current);
  return out.join('\n');
}

/**
 * Below this many replications a 95% half-width is shown as "n/a": the Student-t interval of 2-4
 * replications is so wide and so unstable (its own error is large) that it misleads more than it
 * tells (docs/decisions.md, "Readable output"). JSON always carries the number.
 */
export const MIN_REPLICATIONS_FOR_CI = 5;

/** The line said once under a table whose half-widths are "n/a", or null when they are shown. */
export function ciNote(replications: number): string | null {
  if (replications >= MIN_REPLICATIONS_FOR_CI) return null;
  return `±n/a: with ${replications} replication${replications === 1 ? '' : 's'} a 95% confidence interval is not meaningful; ` +
    `run ${MIN_REPLICATIONS_FOR_CI} or more (--replications) to see it`;
}

function plusMinus(m: Metric, show: (ci: number) => string): string {
  if (m.ci95 === null) return '';
  return m.n < MIN_REPLICATIONS_FOR_CI ? ' ±n/a' : ` ±${show(m.ci95)}`;
}

/** "83.2% ±1.4" (a fraction shown in percent). */
export function percent(m: Metric, digits = 1): string {
  if (m.mean === null) return '-';
  return `${(m.mean * 100).toFixed(digits)}%${plusMinus(m, (ci) => (ci * 100).toFixed(digits))}`;
}

const DURATION_UNITS = [
  { unit: 's', seconds: 1, below: 60 },
  { unit: 'min', seconds: 60, below: 3600 },
  { unit: 'h', seconds: 3600, below: Infinity },
] as const;

/** The unit a duration of `seconds` reads best in: s below a minute, min below an hour, else h. */
export function durationUnit(seconds: number): (typeof DURATION_UNITS)[number] {
  return DURATION_UNITS.find((u) => Math.abs(seconds) < u.below) ?? DURATION_UNITS[2];
}

/**
 * A duration given in seconds, in s, min or h as its mean fits ("12.3 s ±0.8", "3.4 h ±0.2");
 * the half-width is in the same unit. Minutes and hours keep at least one decimal.
 */
export function seconds(m: Metric, digits = 1): string {
  if (m.mean === null) return '-';
  const u = durationUnit(m.mean);
  const d = u.seconds === 1 ? digits : Math.max(digits, 1);
  return `${(m.mean / u.seconds).toFixed(d)} ${u.unit}${plusMinus(m, (ci) => (ci / u.seconds).toFixed(d))}`;
}

/** A change of a duration with its half-width, "+2.1 min ±0.4", in the unit its size fits. */
export function secondsChange(m: Metric, digits = 1): string {
  if (m.mean === null || m.ci95 === null) return '-';
  const u = durationUnit(m.mean);
  const d = u.seconds === 1 ? digits : Math.max(digits, 1);
  return `${m.mean >= 0 ? '+' : ''}${(m.mean / u.seconds).toFixed(d)} ${u.unit}${plusMinus(m, (ci) => (ci / u.seconds).toFixed(d))}`;
}

/** A change of a fraction in percentage points with its half-width, "+1.2 pts ±0.4". */
export function pointsChange(m: Metric, digits = 1): string {
  if (m.mean === null || m.ci95 === null) return '-';
  return `${m.mean >= 0 ? '+' : ''}${(m.mean * 100).toFixed(digits)} pts${plusMinus(m, (ci) => (ci * 100).toFixed(digits))}`;
}

/** A change of a count with its half-width, "+12 ±3". */
export function countChange(m: Metric, digits = 0): string {
  if (m.mean === null || m.ci95 === null) return '-';
  return `${m.mean >= 0 ? '+' : ''}${m.mean.toFixed(digits)}${plusMinus(m, (ci) => ci.toFixed(digits))}`;
}

/** A count's mean, rounded. */
export function count(m: Metric, digits = 0): string {
  return m.mean === null ? '-' : m.mean.toFixed(digits);
}

/** A cost's mean; "-" when the scenario sets no cost at all (a 0 there would read as "free"). */
export function money(m: Metric, costed: boolean, digits = 0): string {
  return costed ? count(m, digits) : '-';
}
