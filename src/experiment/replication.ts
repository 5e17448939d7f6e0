import { ContactCenter, EscalationSpread, type ContactCenterConfig, type ContactCenterObserver, type ContactCenterOptions } from '../model/index.js';
import { createStream } from '../random/index.js';
import type { ReplicationResult } from './measures.js';
import { KpiObserver } from './kpiObserver.js';
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
  const streams = (name: string) => createStream(seed, replication, name);
  const window = config.escalationWindow;
  if (window != null && options.escalations === undefined) {
    // The bot-wave counterfactual runs the replication twice: the first pass notes the
    // escalations of the window (changing nothing), the second spreads them (EscalationSpread).
    // The first pass's recorder is done before the second's starts (one per thread at a time).
    const record = EscalationSpread.record(window.from, window.to);
    const first = new Recorder(config);
    new ContactCenter(config, streams, first, { ...options, escalations: record }).run();
    first.result(replication);
    options = { ...options, escalations: EscalationSpread.spread(window.from, window.to, record.log!) };
  }
  const recorder = new Recorder(config);
  const observer = options.observer === undefined ? recorder : teeObserver(recorder, options.observer);
  const center = new ContactCenter(config, streams, observer, options);
  center.run();
  const result = recorder.result(replication);
  return { ...result, observations: observerOf(config).observe(result) };
}

/** Each model's KPI observer (its scratch rows are reused by every replication of the model). */
const observers = new WeakMap<ContactCenterConfig, KpiObserver>();
function observerOf(config: ContactCenterConfig): KpiObserver {
  let observer = observers.get(config);
  if (observer === undefined) observers.set(config, (observer = new KpiObserver(config)));
  return observer;
}
