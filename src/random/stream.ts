/** A source of independent uniform variates on the open interval (0, 1). */
export interface RandomStream {
  /** Next uniform variate in (0, 1): never exactly 0 or 1, so `log(u)` is always finite. */
  next(): number;
}

/**
 * The seed text of a named stream. Streams are derived from (master seed, replication, name) and
 * never from creation order, so adding a stream changes no other stream, and replication r gives
 * the same numbers in any worker.
 */
export function streamKey(seed: number, replication: number, name: string): string {
  return `ccsim:${seed}:${replication}:${name}`;
}

/** 2^-32 */
const INV_2_32 = 2.3283064365386963e-10;

/** Uniforms drawn ahead per refill. */
const BLOCK = 256;
/** Bytes of one stream's buffers: its block of uniforms, then its 128-word generator state. */
const STREAM_BYTES = BLOCK * 8 + 128 * 4;
/** Streams whose buffers share one ArrayBuffer (see `buffersOf`). */
const SLAB_STREAMS = 32;

/**
 * seedrandom's xor4096 (Brent's xorgens, period 2^4096 - 1). Each uniform is one 32-bit output
 * placed at the centre of its cell, (k + 0.5) / 2^32, so it is never 0 or 1 and `-log(u)` is
 * always finite (an exponential is cut at 22.9 means, a tail of probability 1e-10). One generator
 * step per uniform is 4x cheaper than seedrandom's 53-bit `double()`, which makes two.
 *
 * Uniforms are drawn a block at a time into a typed array, so `next()` is a few bytes of bytecode
 * that the JIT always inlines (see docs/architecture.md, Hot loop rules). The sequence is the
 * same as drawing one at a time.
 *
 * The generator is seeded at the first draw (a model makes streams it may not use, e.g. wrap-up
 * without wrap-up times), by `seedXor4096`: seedrandom's key schedule and 512 mixing steps, the
 * same arithmetic on an Int32Array (so the same numbers, checked against seedrandom in
 * test/random/stream.test.ts), without seedrandom's closures, JS arrays and state copies. The
 * steps themselves are seedrandom's `XorGen.next`, inlined in `refill`. A replication makes a
 * dozen streams: seeding through seedrandom and two typed arrays of their own per stream were
 * about 5 % of a replication of a week-long model (bench/RESULTS.md, issue 17, session 3).
 */
class Xor4096Stream implements RandomStream {
  /** The generator's 128-word circular state, its position and its Weyl counter. */
  private x: Int32Array = EMPTY_STATE;
  private i = 0;
  private w = 0;
  private block: Float64Array = EMPTY_BLOCK;
  private index = BLOCK;
  /** The seed text until the first draw: a stream a replication never draws from is never seeded. */
  private key: string | null;

  constructor(key: string) {
    this.key = key;
  }

  private seed(key: string): void {
    const { block, state } = buffersOf();
    this.block = block;
    this.x = state;
    this.w = seedXor4096(key, state);
    this.i = 127;
    this.key = null;
  }

  next(): number {
    if (this.index === BLOCK) this.refill();
    return this.block[this.index++]!;
  }

  private refill(): void {
    if (this.key !== null) this.seed(this.key);
    const block = this.block;
    const x = this.x;
    let i = this.i;
    let w = this.w;
    for (let k = 0; k < BLOCK; k++) {
      w = (w + 0x61c88647) | 0;
      let v = x[(i + 34) & 127]!;
      i = (i + 1) & 127;
      let t = x[i]!;
      v ^= v << 13;
      t ^= t << 17;
      v ^= v >>> 15;
      t ^= t >>> 12;
      v ^= t;
      x[i] = v;
      block[k] = ((((v + (w ^ (w >>> 16))) | 0) >>> 0) + 0.5) * INV_2_32;
    }
    this.i = i;
    this.w = w;
    this.index = 0;
  }
}

/** Placeholders until the first draw (never read: `index` starts at BLOCK). */
const EMPTY_STATE = new Int32Array(128);
const EMPTY_BLOCK = new Float64Array(BLOCK);

/**
 * seedrandom's xor4096 `init` for a string key: fills `x` (128 words) with the generator's state
 * and returns its Weyl value; the position is then 127. Line by line the arithmetic of
 * seedrandom 3.0.5 (lib/xor4096.js): the key plus a NUL, mixed one UTF-16 unit at a time; an
 * all-zero state made nonzero; 512 warm-up steps without the Weyl generator.
 */
export function seedXor4096(key: string, x: Int32Array): number {
  const seed = key + '\0';
  const limit = Math.max(128, seed.length);
  x.fill(0);
  let v = 0;
  let w = 0;
  let zeros = 0;
  for (let j = -32; j < limit; ++j) {
    v ^= seed.charCodeAt((j + 32) % seed.length);
    if (j === 0) w = v;
    v ^= v << 10;
    v ^= v >>> 15;
    v ^= v << 4;
    v ^= v >>> 13;
    if (j >= 0) {
      w = (w + 0x61c88647) | 0;
      // seedrandom's X starts empty: `undefined ^ n` is `0 ^ n`, as here.
      const t = (x[j & 127] = x[j & 127]! ^ (v + w));
      zeros = t === 0 ? zeros + 1 : 0;
    }
  }
  if (zeros >= 128) x[seed.length & 127] = -1;
  let i = 127;
  for (let j = 4 * 128; j > 0; --j) {
    let s = x[(i + 34) & 127]!;
    i = (i + 1) & 127;
    let t = x[i]!;
    s ^= s << 13;
    t ^= t << 17;
    s ^= s >>> 15;
    t ^= t >>> 12;
    x[i] = s ^ t;
  }
  return w;
}

/**
 * A seeded stream's block and state: views into an ArrayBuffer shared with up to SLAB_STREAMS - 1
 * other streams of this thread, so a replication's streams cost one allocation between them
 * instead of two each (a typed array of its own is an off-heap buffer, slow to make and to
 * collect). A slab lives while any of its streams does.
 */
let slab = new ArrayBuffer(0);
let slabUsed = 0;
function buffersOf(): { block: Float64Array; state: Int32Array } {
  if (slabUsed === slab.byteLength) {
    slab = new ArrayBuffer(SLAB_STREAMS * STREAM_BYTES);
    slabUsed = 0;
  }
  const block = new Float64Array(slab, slabUsed, BLOCK);
  const state = new Int32Array(slab, slabUsed + BLOCK * 8, 128);
  slabUsed += STREAM_BYTES;
  return { block, state };
}

/** The stream named `name` of replication `replication` under master seed `seed`. */
export function createStream(seed: number, replication: number, name: string): RandomStream {
  return new Xor4096Stream(streamKey(seed, replication, name));
}
