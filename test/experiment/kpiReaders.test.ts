import { describe, expect, it } from 'vitest';
import { KPI_READERS, ROW } from '../../src/experiment/kpiReaders.js';

describe('KPI readers', () => {
  it("a reader's `measure` (KpiObserver copies it instead of calling x and y) is exactly what x and y return", () => {
    const counts = KPI_READERS.filter((r) => r.measure !== undefined);
    expect(counts.length).toBeGreaterThan(5);
    const row = new Float64Array(ROW);
    for (let trial = 0; trial < 50; trial++) {
      for (let m = 0; m < ROW; m++) row[m] = trial === 0 ? 0 : Math.random() * 1000 - (m % 5 === 0 ? 500 : 0);
      for (const reader of counts) {
        expect(reader.ratio).toBe(false);
        expect(Object.is(reader.x(row), row[reader.measure!])).toBe(true);
        expect(Object.is(reader.y(row), 0)).toBe(true);
      }
    }
  });
});
