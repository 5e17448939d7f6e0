import { describe, expect, it } from 'vitest';
import { TypedLayout } from '../../src/engine/index.js';

describe('TypedLayout', () => {
  it('hands out disjoint views of one buffer, in any order of kinds, each of the (rounded) length', () => {
    const layout = new TypedLayout(13, 2, 2, 2);
    expect(layout.length).toBe(16);
    const views = [layout.u8(), layout.f64(), layout.i32(), layout.u8(), layout.f64(), layout.i32()];
    const buffer = views[0]!.buffer;
    for (const v of views) {
      expect(v.buffer).toBe(buffer);
      expect(v.length).toBe(16);
      expect(v.byteOffset % 8).toBe(0);
    }
    // Fill each view with its own number: no write reaches another view.
    views.forEach((v, k) => v.fill(k + 1));
    views.forEach((v, k) => expect([...v].every((x) => x === k + 1)).toBe(true));
    expect(buffer.byteLength).toBe(16 * (2 * 8 + 2 * 4 + 2));
  });

  it('refuses a view beyond what it was sized for', () => {
    const layout = new TypedLayout(8, 1, 0);
    layout.f64();
    expect(() => layout.i32()).toThrow(RangeError);
  });
});
