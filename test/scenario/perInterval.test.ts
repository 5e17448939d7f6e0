import { describe, expect, it } from 'vitest';
import { formatClock, formatPath, parseClock, perInterval } from '../../src/scenario/index.js';

describe('perInterval(value, intervals)', () => {
  it('repeats a number once per interval', () => {
    expect(perInterval(5, 3)).toEqual([5, 5, 5]);
  });
  it('copies an array of the right length', () => {
    const values = [1, 2, 3];
    const out = perInterval(values, 3);
    expect(out).toEqual(values);
    expect(out).not.toBe(values);
  });
  it('throws RangeError on a length mismatch', () => {
    expect(() => perInterval([1, 2], 3)).toThrow(RangeError);
  });
});

describe('parseClock(text) and formatClock(minutes)', () => {
  it('convert between "HH:MM" and minutes after midnight', () => {
    expect(parseClock('08:30')).toBe(510);
    expect(formatClock(510)).toBe('08:30');
    expect(formatClock(1440 + 60)).toBe('01:00');
    expect(() => parseClock('24:00')).toThrow(RangeError);
  });
});

describe('formatPath(path)', () => {
  it('writes dots and [index]', () => {
    expect(formatPath(['contactTypes', 0, 'handleTime', 'mean'])).toBe('contactTypes[0].handleTime.mean');
    expect(formatPath([])).toBe('(root)');
    expect(formatPath(['a', 'b-c'])).toBe('a["b-c"]');
  });
});
