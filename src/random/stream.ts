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

/**
 * A named, seeded stream: seedrandom's xor4096 (Brent's xorgens, period 2^4096 - 1) seeded from
 * `streamKey(seed, replication, name)`, returning 53-bit doubles.
 */
export function createStream(seed: number, replication: number, name: string): RandomStream {
  const prng = seedrandom.xor4096(streamKey(seed, replication, name));
  // double() combines two 32-bit outputs into a 53-bit uniform and never returns 0, so
  // inverse-transform samplers never see log(0).
  return { next: prng.double };
}
