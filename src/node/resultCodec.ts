import { deserialize, serialize } from 'node:v8';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ReplicationResult } from '../experiment/index.js';
import type { Scenario } from '../scenario/index.js';

/**
 * A block of replication results as bytes for Redis: V8's structured-clone serialization (typed
 * arrays bit for bit, NaN and -0 included, which JSON would lose), deflated (a long model's
 * results are mostly repeated constants).
 */
export function encodeResults(results: readonly ReplicationResult[]): Buffer {
  return deflateRawSync(serialize(results), { level: 1 });
}

export function decodeResults(bytes: Buffer): ReplicationResult[] {
  const value: unknown = deserialize(inflateRawSync(bytes));
  if (!Array.isArray(value)) throw new Error('a queue result is not a list of replications');
  return value as ReplicationResult[];
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
