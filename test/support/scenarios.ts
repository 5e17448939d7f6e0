import { parseScenario, type Scenario } from '../../src/scenario/index.js';

/** A stationary single-queue scenario: one voice type, one group, exponential times. */
export function singleQueue(p: {
  agents: number;
  /** Offered load in Erlangs (arrival rate x aht). */
  load: number;
  aht: number;
  patience?: number;
  slSeconds: number;
  hours?: number;
  warmupMinutes?: number;
}): Scenario {
  const hours = p.hours ?? 8;
  return parseScenario({
    name: `M/M/${p.agents}${p.patience ? '+M' : ''} load ${p.load}`,
    intervalMinutes: 60,
    intervals: hours,
    warmupMinutes: p.warmupMinutes ?? 60,
    contactTypes: [
      {
        id: 'calls',
        channel: 'voice',
        volume: (p.load / p.aht) * 3600,
        handleTime: { dist: 'exponential', mean: p.aht },
        ...(p.patience ? { patience: { dist: 'exponential', mean: p.patience } } : {}),
        serviceLevel: { seconds: p.slSeconds, target: 0.8 },
      },
    ],
    agentGroups: [{ id: 'agents', skills: ['calls'], staff: p.agents }],
  });
}
