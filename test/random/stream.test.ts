import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { createStream, streamKey } from '../../src/random/index.js';

describe('createStream', () => {
  it("draws seedrandom xor4096's int32 sequence, each output at the centre of its 2^-32 cell", () => {
    for (const name of ['handle:calls', 'arrivals:chat', 'x'.repeat(300)]) {
      const reference = seedrandom.xor4096(streamKey(7, 3, name)).int32;
      const stream = createStream(7, 3, name);
      // Several blocks of 256, so the generator state carries across refills.
      for (let n = 0; n < 2000; n++) {
        const expected = ((reference() >>> 0) + 0.5) * 2 ** -32;
        expect(stream.next()).toBe(expected);
      }
    }
  });
});
