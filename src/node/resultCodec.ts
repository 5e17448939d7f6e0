import { deserialize, serialize } from 'node:v8';
import type { ReplicationResult } from '../experiment/index.js';
import type { Scenario } from '../scenario/index.js';

/**
 * A block of replication results as bytes for Redis: V8's structured-clone serialization (typed
 * arrays bit for bit, NaN and -0 included, which JSON would lose) of the results with their
 * Float64Arrays zero-run packed. A long model's tables and observations are mostly zeros (the
 * night's empty intervals): packing them is about 20 times cheaper than deflate for the same
 * order of size (bank-week: about 300 KB a replication raw; deflate cost 1 ms to write and
 * 0.6 ms to read per replication, more than the reducing itself).
 */
export function encodeResults(results: readonly ReplicationResult[]): Buffer {
  return serialize(
    results.map((r) => ({
      ...r,
      types: packZeros(r.types),
      groups: packZeros(r.groups),
      groupTypeWork: packZeros(r.groupTypeWork),
      observations: { pairs: packZeros(r.observations.pairs), present: r.observations.present },
    })),
  );
}

export function decodeResults(bytes: Buffer): ReplicationResult[] {
  const value: unknown = deserialize(bytes);
  if (!Array.isArray(value)) throw new Error('a queue result is not a list of replications');
  return (value as PackedResult[]).map((r) => ({
    ...r,
    types: unpackZeros(r.types),
    groups: unpackZeros(r.groups),
    groupTypeWork: unpackZeros(r.groupTypeWork),
    observations: { pairs: unpackZeros(r.observations.pairs), present: r.observations.present },
  }));
}

type PackedResult = Omit<ReplicationResult, 'types' | 'groups' | 'groupTypeWork'> & {
  readonly types: Float64Array;
  readonly groups: Float64Array;
  readonly groupTypeWork: Float64Array;
};

/**
 * `values` with every run of +0 written as the pair (+0, run length); any other value (-0, NaN
 * included) as itself. First element: the length of `values`.
 */
export function packZeros(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length + 2);
  let n = 0;
  out[n++] = values.length;
  for (let i = 0; i < values.length; ) {
    const v = values[i]!;
    if (isPlusZero(v)) {
      let j = i + 1;
      while (j < values.length && isPlusZero(values[j]!)) j++;
      if (n + 2 > out.length) return withLength(values);
      out[n++] = 0;
      out[n++] = j - i;
      i = j;
    } else {
      if (n + 1 > out.length) return withLength(values);
      out[n++] = v;
      i++;
    }
  }
  return out.slice(0, n);
}

/** +0 (not -0, whose reciprocal is -Infinity). */
const isPlusZero = (v: number): boolean => v === 0 && 1 / v > 0;

/** No gain from packing: a marker length of -1 and the values as they are. */
function withLength(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length + 1);
  out[0] = -1;
  out.set(values, 1);
  return out;
}

export function unpackZeros(packed: Float64Array): Float64Array {
  if (packed[0] === -1) return packed.slice(1);
  const out = new Float64Array(packed[0]!);
  let at = 0;
  for (let i = 1; i < packed.length; i++) {
    const v = packed[i]!;
    if (isPlusZero(v)) at += packed[++i]!;
    else out[at++] = v;
  }
  if (at !== out.length) throw new Error('a queue result is damaged (packed values do not add up)');
  return out;
}

/**
 * A validated scenario as bytes, exactly as the client holds it (JSON would turn an Infinity
 * into null): the client has parsed and defaulted it, so a worker uses it as it is.
 */
export function encodeScenario(scenario: Scenario): Buffer {
  return serialize(scenario);
}

export function decodeScenario(bytes: Buffer): Scenario {
  return deserialize(bytes) as Scenario;
}
