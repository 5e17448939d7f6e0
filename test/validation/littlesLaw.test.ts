/**
 * Little's law L = lambda W, with L from the model's time-weighted queue-length accumulator
 * (clock time) and lambda W from the per-contact wait tallies: two independent code paths.
 * Seed 4242; an overloaded Erlang A queue so that the queue is never trivially empty (about 2.6 waiting on average).
 * Edge effects (warm-up contacts still waiting at the start, contacts waiting past the end)
 * are a few contacts' waits out of ~50,000, so the two sides must agree within 0.5%.
 */
import { describe, expect, it } from 'vitest';
import { buildModel, GROUP_MEASURES, GroupMeasure, runReplication, TYPE_MEASURES, TypeMeasure } from '../../src/experiment/index.js';
import { singleQueue } from '../support/scenarios.js';

describe("Little's law on the simulated queue", () => {
  it('time-average number waiting equals offered rate x mean wait (answered and abandoned)', () => {
    const config = buildModel(singleQueue({ agents: 30, load: 39, aht: 200, patience: 60, slSeconds: 20 }));
    const seconds = config.intervals * config.intervalSeconds;
    for (let r = 0; r < 3; r++) {
      const result = runReplication(config, 4242, r);
      let area = 0;
      let waits = 0;
      let offered = 0;
      for (let i = 0; i < config.intervals; i++) {
        const at = i * TYPE_MEASURES;
        area += result.types[at + TypeMeasure.queueArea]!;
        waits += result.types[at + TypeMeasure.waitAnswered]! + result.types[at + TypeMeasure.waitAbandoned]!;
        offered += result.types[at + TypeMeasure.offered]!;
      }
      const L = area / seconds;
      const lambda = offered / seconds;
      const W = waits / offered;
      expect(L).toBeGreaterThan(2);
      expect(Math.abs(L - lambda * W) / L, `replication ${r}: L=${L}, lambda W=${lambda * W}`).toBeLessThan(0.005);
    }
  });

  it('busy agents on average equal answered rate x mean handle time (within the run\'s noise)', () => {
    // Occupancy accumulator (clock time) vs contacts answered: L = lambda W for the servers.
    const config = buildModel(singleQueue({ agents: 50, load: 45, aht: 240, slSeconds: 20 }));
    const seconds = config.intervals * config.intervalSeconds;
    let busyAgents = 0;
    let workload = 0;
    const R = 10;
    for (let r = 0; r < R; r++) {
      const result = runReplication(config, 4242, r);
      for (let i = 0; i < config.intervals; i++) {
        busyAgents += result.groups[i * GROUP_MEASURES + GroupMeasure.busy]! / seconds / R;
        workload += (result.types[i * TYPE_MEASURES + TypeMeasure.answered]! * 240) / seconds / R;
      }
    }
    expect(Math.abs(busyAgents - workload) / workload).toBeLessThan(0.01);
  });
});
