/**
 * CONTRACT section 8's identity in every replication with every model-breadth-II field at once:
 * lines, queue caps and closing, callbacks, outbound dialing, transfers with a conference, random
 * and group-order routing with weights, per-interval patience (a mixture with 10% zero
 * patience), retrials keeping their patience, a shared busyness factor, group wrap-up and the
 * new distributions.
 */
import { describe, expect, it } from 'vitest';
import { TypeMeasure } from '../../src/experiment/index.js';
import { parseScenario } from '../../src/scenario/index.js';
import { expectConservation } from '../support/conservation.js';

const exp = (mean: number) => ({ dist: 'exponential' as const, mean });
const sl = { seconds: 20, target: 0.8 };

describe('conservation with every section-8 field together', () => {
  it('arrivals + retrials + repeats + transfers = every outcome, in each of 30 replications', () => {
    const impatient = (mean: number) => ({ dist: 'mixture' as const, of: [{ weight: 0.1, dist: { dist: 'constant' as const, value: 0 } }, { weight: 0.9, dist: exp(mean) }] });
    const scenario = parseScenario({
      name: 'everything',
      intervalMinutes: 60,
      intervals: 4,
      start: '09:00',
      warmupMinutes: 20,
      lines: 22,
      closeQueueAt: ['11:00', 'end'],
      contactTypes: [
        {
          id: 'sales', channel: 'voice', volume: [120, 160, 150, 110],
          handleTime: { dist: 'triangular', min: 60, mode: 150, max: 400 },
          patience: [impatient(90), impatient(120), impatient(120), impatient(60)],
          serviceLevel: sl, routing: 'random', retrial: { probability: 0.5, delay: exp(300), samePatience: true },
          repeat: { probability: 0.1, delay: exp(900) }, volumeUncertainty: { cv: 0.2, group: 'day' },
          callback: { offerAfterSeconds: 40, acceptance: 0.4, window: 1800 },
          transfer: { probability: 0.15, to: 'care', conferenceSeconds: 20 },
          bot: { share: 0.4, containment: 0.3, dropout: 0.1, duration: exp(60) },
        },
        {
          id: 'care', channel: 'voice', volume: [60, 80, 80, 60],
          handleTime: { dist: 'truncated', of: { dist: 'lognormal', mean: 240, cv: 1.2 }, max: 1800 },
          patience: exp(150), maxQueue: 6, serviceLevel: sl, routing: 'group-order',
          volumeUncertainty: { cv: 0.2, group: 'day' },
        },
      ],
      agentGroups: [
        { id: 'front', skills: [{ type: 'sales', weight: 2 }, 'care'], staff: 9, wrapUp: exp(20), outbound: { whenIdleAbove: 1, connectRate: 0.3, handleTime: exp(200) } },
        { id: 'back', skills: [{ type: 'sales', weight: 1 }, 'care'], staff: 5 },
      ],
    });
    const sum = expectConservation(scenario, 30);
    for (const m of ['blocked', 'disconnected', 'transfers', 'callbacksMade', 'retrials', 'repeats', 'contained', 'abandoned'] as const) {
      expect(sum[TypeMeasure[m]], `${m} happened`).toBeGreaterThan(0);
    }
  });
});
