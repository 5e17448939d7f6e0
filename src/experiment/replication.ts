import { ContactCenter, type ContactCenterConfig, type RouterFactory } from '../model/index.js';
import { createStream } from '../random/index.js';
import type { ReplicationResult } from './measures.js';
import { Recorder } from './recorder.js';

/**
 * Simulate replication `replication` of a day. Its random streams are those of
 * (seed, replication, purpose), so it gives the same result in any thread and in any order.
 */
export function runReplication(
  config: ContactCenterConfig,
  seed: number,
  replication: number,
  options: { router?: RouterFactory } = {},
): ReplicationResult {
  const recorder = new Recorder(config);
  const center = new ContactCenter(config, (name) => createStream(seed, replication, name), recorder, options);
  center.run();
  return recorder.result(replication);
}
