import { ContactCenter, type ContactCenterConfig, type ContactCenterObserver, type ContactCenterOptions } from '../model/index.js';
import { createStream } from '../random/index.js';
import type { ReplicationResult } from './measures.js';
import { Recorder } from './recorder.js';
import { teeObserver } from './trace.js';

export interface ReplicationOptions extends ContactCenterOptions {
  /** Another observer that sees every model event too (e.g. a TraceRecorder). */
  readonly observer?: ContactCenterObserver;
}

/**
 * Simulate replication `replication` of a day. Its random streams are those of
 * (seed, replication, purpose), so it gives the same result in any thread and in any order.
 */
export function runReplication(
  config: ContactCenterConfig,
  seed: number,
  replication: number,
  options: ReplicationOptions = {},
): ReplicationResult {
  const recorder = new Recorder(config);
  const observer = options.observer === undefined ? recorder : teeObserver(recorder, options.observer);
  const center = new ContactCenter(config, (name) => createStream(seed, replication, name), observer, options);
  center.run();
  return recorder.result(replication);
}
