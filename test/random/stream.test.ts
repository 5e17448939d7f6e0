import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { createStream, streamKey } from '../../src/random/index.js';

describe('createStream', () => {
  it("draws seedrandom xor4096's int32 sequence, each output at the centre of its 2^-32 cell", () => {
    // Short and long keys (seedrandom mixes max(128, length + 1) units), keys of 127-129 units with the NUL
    // around that edge, and UTF-16 beyond ASCII: the seeding is ours (seedXor4096), the
    // reference is seedrandom's.
    const names = ['handle:calls', 'arrivals:chat', 'x'.repeat(300), 'y'.repeat(116), 'y'.repeat(117), 'y'.repeat(118), 'appels:équipe-été', 'chat:客服🙂'];
    for (const name of names) {
      const reference = seedrandom.xor4096(streamKey(7, 3, name)).int32;
      const stream = createStream(7, 3, name);
      // Several blocks of 256, so the generator state carries across refills.
      for (let n = 0; n < 2000; n++) {
        const expected = ((reference() >>> 0) + 0.5) * 2 ** -32;
        expect(stream.next()).toBe(expected);
      }
    }
  });

  it('seeds as seedrandom does for many seeds and replications (first draws and the state after 256)', () => {
    for (let seed = 0; seed < 5; seed++) {
      for (let r = 0; r < 40; r++) {
        const reference = seedrandom.xor4096(streamKey(seed * 7919, r, `patience:t${r % 3}`)).int32;
        const stream = createStream(seed * 7919, r, `patience:t${r % 3}`);
        for (let n = 0; n < 260; n++) expect(stream.next()).toBe(((reference() >>> 0) + 0.5) * 2 ** -32);
      }
    }
  });

  it('keeps the streams of one thread apart though their buffers share memory', () => {
    // More streams than one shared buffer holds, drawn interleaved across several refills.
    const streams = Array.from({ length: 70 }, (_, k) => createStream(1, k, 'arrivals:calls'));
    const references = Array.from({ length: 70 }, (_, k) => seedrandom.xor4096(streamKey(1, k, 'arrivals:calls')).int32);
    for (let n = 0; n < 600; n++) {
      for (let k = 0; k < streams.length; k++) expect(streams[k]!.next()).toBe(((references[k]!() >>> 0) + 0.5) * 2 ** -32);
    }
  });
});
