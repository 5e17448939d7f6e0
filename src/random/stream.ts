import seedrandom from 'seedrandom';

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
 * seedrandom seeds the generator (its key schedule and 512 mixing steps), at the first draw (a
 * model makes streams it may not use, e.g. wrap-up without wrap-up times); the steps themselves
 * run here on a copy of its state in an Int32Array, the same arithmetic as seedrandom's
 * `XorGen.next` (so the same numbers), without a closure call and a JS array per step.
 */
class Xor4096Stream implements RandomStream {
  /** The generator's 128-word circular state, its position and its Weyl counter. */
  private readonly x = new Int32Array(128);
  private i = 0;
  private w = 0;
  private readonly block = new Float64Array(BLOCK);
  private index = BLOCK;
  /** The seed text until the first draw: a stream a replication never draws from is never seeded. */
  private key: string | null;

  constructor(key: string) {
    this.key = key;
  }

  private seed(key: string): void {
    const state = seedrandom.xor4096(key, { state: true }).state();
    this.x.set(state.X);
    this.i = state.i;
    this.w = state.w;
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

/** The stream named `name` of replication `replication` under master seed `seed`. */
export function createStream(seed: number, replication: number, name: string): RandomStream {
  return new Xor4096Stream(streamKey(seed, replication, name));
}
