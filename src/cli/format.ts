import type { Metric } from '../stats/index.js';

/** A plain-text table with right-aligned columns except the first. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** "83.2% ±1.4" */
export function percent(m: Metric, digits = 1): string {
  if (m.mean === null) return '-';
  const ci = m.ci95 === null || m.n < 2 ? '' : ` ±${(m.ci95 * 100).toFixed(digits)}`;
  return `${(m.mean * 100).toFixed(digits)}%${ci}`;
}

/** "12.3 s ±0.8" */
export function seconds(m: Metric, digits = 1): string {
  if (m.mean === null) return '-';
  const ci = m.ci95 === null || m.n < 2 ? '' : ` ±${m.ci95.toFixed(digits)}`;
  return `${m.mean.toFixed(digits)} s${ci}`;
}

/** A count's mean, rounded. */
export function count(m: Metric, digits = 0): string {
  return m.mean === null ? '-' : m.mean.toFixed(digits);
}

/**
 * Words of `text` in lines of at most `width` columns (a longer word stands alone), the first
 * line after `first`, the others after `rest` (both counted in the width).
 */
export function wrap(text: string, width: number, first = '', rest = first): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest;
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}
