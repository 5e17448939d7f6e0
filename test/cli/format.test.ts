import { describe, expect, it } from 'vitest';
import { ciNote, count, countChange, durationUnit, money, percent, pointsChange, seconds, secondsChange, table, wrap } from '../../src/cli/format.js';
import { outputWidth, withOutputWidth } from '../../src/cli/outputWidth.js';
import type { Metric } from '../../src/stats/index.js';

const m = (mean: number | null, ci95: number | null, n: number): Metric => ({ mean, ci95, n });
const longest = (text: string) => Math.max(...text.split('\n').map((l) => l.length));

describe('table(header, rows, options)', () => {
  const header = ['start', ...Array.from({ length: 12 }, (_, k) => `column ${k}`)];
  const rows = ['08:00', '08:30', '09:00'].map((start, r) => [start, ...Array.from({ length: 12 }, (_, k) => `${r}.${k}`)]);

  it('a table that fits is one block: header, rule, rows; first column left-aligned, others right-aligned', () => {
    expect(table(['type', 'n'], [['calls', '5'], ['chat', '12']], { width: 100 })).toBe(
      ['type    n', '-----  --', 'calls   5', 'chat   12'].join('\n'),
    );
  });

  it('a wider table is split into blocks that each fit and repeat the key column', () => {
    const text = table(header, rows, { width: 40 });
    expect(longest(text)).toBeLessThanOrEqual(40);
    const blocks = text.split('\n\n');
    expect(blocks.length).toBeGreaterThan(1);
    for (const block of blocks) {
      const lines = block.split('\n');
      expect(lines[0]).toMatch(/^start /);
      expect(lines.slice(2).map((l) => l.slice(0, 5))).toEqual(['08:00', '08:30', '09:00']);
    }
    // Every cell is printed exactly once (the key column once per block).
    for (const row of rows) for (const cell of row.slice(1)) expect(text.split(/\s+/).filter((t) => t === cell)).toHaveLength(1);
    for (const h of header.slice(1)) expect(text.match(new RegExp(`${h}(?!\\d)`, 'g'))).toHaveLength(1);
  });

  it('keeps each column group in one block and prints its label above it', () => {
    const text = table(header, rows, { width: 50, groups: [4, 4, 4].map((size, k) => ({ size, label: `type${k}` })) });
    expect(longest(text)).toBeLessThanOrEqual(50);
    const blocks = text.split('\n\n');
    expect(blocks).toHaveLength(3);
    blocks.forEach((block, k) => {
      const [labels, head] = block.split('\n');
      expect(labels!.trim()).toBe(`type${k}`);
      expect(head).toContain(`column ${4 * k}`);
      expect(head).toContain(`column ${4 * k + 3}`);
    });
  });

  it('a label longer than its columns widens them instead of running into the next group', () => {
    const text = table(['start', 'a', 'b'], [['08:00', '1', '2']], { width: 100, groups: [{ size: 1, label: 'a long label' }, { size: 1, label: 'x' }] });
    const [labels, head] = text.split('\n');
    expect(labels).toBe('       a long label  x');
    expect(head!.indexOf('b')).toBe(labels!.indexOf('x'));
  });

  it('a group too wide on its own is split column by column; a single too-wide column is printed whole', () => {
    const text = table(header, rows, { width: 30, groups: [{ size: 12, label: 'all' }] });
    expect(longest(text)).toBeLessThanOrEqual(30);
    const wide = table(['k', 'x'.repeat(50)], [['a', '1']], { width: 20 });
    expect(wide).toContain('x'.repeat(50));
  });

  it('uses the running command width by default (outputWidth), 100 outside a command', () => {
    expect(outputWidth()).toBe(100);
    const text = withOutputWidth(40, () => table(header, rows));
    expect(longest(text)).toBeLessThanOrEqual(40);
    expect(longest(table(header, rows))).toBeGreaterThan(40);
  });
});

describe('wrap(text, width)', () => {
  it('breaks long lines between words, continuation indented two more spaces; short lines unchanged', () => {
    expect(wrap('short line\n  one two three four five six', 15)).toBe('short line\n  one two three\n    four five\n    six');
  });

  it('cuts a word longer than the width', () => {
    const text = wrap(`see ${'x'.repeat(25)}`, 10);
    expect(longest(text)).toBeLessThanOrEqual(10);
    expect(text.replace(/\s/g, '')).toBe(`see${'x'.repeat(25)}`);
  });
});

describe('metric cells', () => {
  it('percent and seconds show the half-width from 5 replications, "±n/a" below', () => {
    expect(percent(m(0.821, 0.02163, 5))).toBe('82.1% ±2.2');
    expect(percent(m(0.821, 2.163, 2))).toBe('82.1% ±n/a');
    expect(percent(m(0.821, 0, 1))).toBe('82.1% ±n/a');
    expect(seconds(m(12.34, 0.81, 10))).toBe('12.3 s ±0.8');
    expect(seconds(m(12.34, 0.81, 4))).toBe('12.3 s ±n/a');
    expect(percent(m(null, null, 2))).toBe('-');
  });

  it('ciNote says once why half-widths are missing, and nothing from 5 replications', () => {
    expect(ciNote(2)).toMatch(/^±n\/a: with 2 replications a 95% confidence interval is not meaningful/);
    expect(ciNote(1)).toMatch(/with 1 replication a/);
    expect(ciNote(5)).toBeNull();
  });

  it('durations are shown in s below a minute, min below an hour, h above, the half-width in the same unit', () => {
    expect(seconds(m(12106.8, 720, 10))).toBe('3.4 h ±0.2');
    expect(seconds(m(185, 30, 10), 0)).toBe('3.1 min ±0.5');
    expect(seconds(m(59.4, 1, 10))).toBe('59.4 s ±1.0');
    expect(durationUnit(60).unit).toBe('min');
    expect(durationUnit(3600).unit).toBe('h');
    expect(secondsChange(m(-7200, 360, 10))).toBe('-2.0 h ±0.1');
  });

  it('changes carry a sign and their half-width, or "n/a" below 5 replications', () => {
    expect(pointsChange(m(0.123, 0.004, 10))).toBe('+12.3 pts ±0.4');
    expect(pointsChange(m(-0.123, 0.004, 3))).toBe('-12.3 pts ±n/a');
    expect(countChange(m(-1150, 32, 10))).toBe('-1150 ±32');
  });

  it('money is "-" when the scenario sets no cost, the mean otherwise', () => {
    expect(money(m(0, 0, 10), false)).toBe('-');
    expect(money(m(1234.5, 10, 10), true)).toBe('1235');
    expect(count(m(2.345, 0, 10), 2)).toBe('2.35');
  });
});
