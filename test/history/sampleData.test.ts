import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sampleFiles } from '../../examples/history/generate.js';

const committed = (name: string) => readFileSync(new URL(`../../examples/history/${name}`, import.meta.url), 'utf8');

describe('examples/history: the sample history is what its generator writes', () => {
  it('regenerating gives the committed files byte for byte (the known truth behind them is center.json)', () => {
    const files = sampleFiles();
    expect(files.history === committed('history.csv')).toBe(true);
    expect(files.staff === committed('staff.csv')).toBe(true);
    expect(files.contacts === committed('contacts.csv')).toBe(true);
    // Eight weeks of Monday to Saturday, 20 intervals, 2 types.
    expect(files.history.trimEnd().split('\n')).toHaveLength(1 + 48 * 20 * 2);
  });
});
