import { readFileSync } from 'node:fs';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { buildModel, runReplication } from '../../src/experiment/index.js';
import { decodeResults, encodeResults, packZeros, unpackZeros } from '../../src/node/resultCodec.js';
import { parseScenarioText } from '../../src/scenario/index.js';

/** Every value's bits, so -0 and NaN payloads compare exactly. */
const bits = (a: Float64Array | Uint32Array) => Array.from(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));

describe('the --redis result codec', () => {
  it('zero-run packing gives back every value bit for bit: +0 runs, -0, NaN, Infinity, no zeros at all', () => {
    const cases = [
      [],
      [0],
      [0, 0, 0],
      [-0, 0, -0],
      [1, 0, 0, 2, NaN, 0, Infinity, -Infinity, 0],
      [3.5, 2.25, 1e-300, 5e-324],
      [0, 1, 0, 1, 0, 1, 0],
      Array.from({ length: 1000 }, (_, i) => (i % 37 === 0 ? i / 7 : 0)),
    ].map((c) => Float64Array.from(c));
    for (const values of cases) {
      const packed = packZeros(values);
      expect(bits(unpackZeros(packed))).toEqual(bits(values));
      // Runs of zeros shrink; nothing grows by more than two words (a lone zero costs two).
      expect(packed.length).toBeLessThanOrEqual(values.length + 2);
    }
    expect(packZeros(Float64Array.from({ length: 1000 }, () => 0)).length).toBe(3);
  });

  it('a block of real replications comes back identical, and a long model\'s shrinks', () => {
    const text = readFileSync(new URL('../../bench/bank-week.json', import.meta.url), 'utf8');
    const config = buildModel(parseScenarioText(text, 'bank-week.json'));
    const results = [0, 1, 2].map((r) => runReplication(config, 5, r));
    const bytes = encodeResults(results);
    const back = decodeResults(bytes);
    expect(back).toHaveLength(3);
    back.forEach((r, i) => {
      const a = results[i]!;
      expect(r.replication).toBe(a.replication);
      expect(r.events).toBe(a.events);
      expect(r.lineSeconds).toBe(a.lineSeconds);
      for (const key of ['types', 'groups', 'groupTypeWork', 'waitBins', 'waitCounts'] as const) {
        expect(r[key].constructor).toBe(a[key].constructor);
        expect(bits(r[key])).toEqual(bits(a[key]));
      }
      expect(bits(r.observations.pairs)).toEqual(bits(a.observations.pairs));
      expect([...r.observations.present]).toEqual([...a.observations.present]);
    });
    // The same results serialized without packing (their nights' zeros written out).
    expect(bytes.length).toBeLessThan(0.55 * serialize(results).length);
  });
});
