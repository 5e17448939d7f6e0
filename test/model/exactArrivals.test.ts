import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildModel, runReplication, simulateInThread, TypeMeasure, TYPE_MEASURES } from '../../src/experiment/index.js';
import type { ContactCenterObserver } from '../../src/model/index.js';
import { parseScenario, parseScenarioText, ScenarioError, type ScenarioInput } from '../../src/scenario/index.js';

/** Kolmogorov distribution's 0.999 quantile: P(sqrt(N) D > KS) = 0.001 for large N. */
const KS = 1.9494746;

const COUNTS = [3, 0, 17, 1, 250, 40];

function exactDay(extra: Record<string, unknown> = {}): ScenarioInput {
  return {
    name: 'exact',
    intervalMinutes: 30,
    intervals: COUNTS.length,
    warmupMinutes: 30,
    contactTypes: [
      {
        id: 'calls',
        channel: 'voice',
        arrivals: 'exact',
        volume: COUNTS,
        handleTime: { dist: 'exponential', mean: 200 },
        patience: { dist: 'exponential', mean: 100 },
        serviceLevel: { seconds: 20, target: 0.8 },
        ...extra,
      },
    ],
    agentGroups: [{ id: 'team', skills: ['calls'], staff: 20 }],
  } as ScenarioInput;
}

/** Records every fresh arrival's interval and time. */
class ArrivalLog implements ContactCenterObserver {
  readonly times: { interval: number; time: number }[] = [];
  arrived(_type: number, interval: number, time: number): void {
    this.times.push({ interval, time });
  }
  botEntered(): void {}
  contained(): void {}
  botDroppedOut(): void {}
  retried(): void {}
  repeated(): void {}
  queued(): void {}
  answered(): void {}
  handled(): void {}
  abandoned(): void {}
  unresolved(): void {}
  blocked(): void {}
  disconnected(): void {}
  callbackOffered(): void {}
  outboundDialed(): void {}
  outboundConnected(): void {}
  outboundLevel(): void {}
  callbackMade(): void {}
  transferred(): void {}
  groupLevels(): void {}
  linesLevel(): void {}
  queueLevel(): void {}
  intervalStarted(): void {}
}

describe('contact type "arrivals": "exact"', () => {
  it('gives exactly the volume as arrivals in every interval of every replication, even with volumeUncertainty', () => {
    for (const extra of [{}, { volumeUncertainty: { cv: 0.5 } }]) {
      const config = buildModel(parseScenario(exactDay(extra)));
      for (let r = 0; r < 20; r++) {
        const result = runReplication(config, 3, r);
        const arrivals = COUNTS.map((_, i) => result.types[i * TYPE_MEASURES + TypeMeasure.arrivals]);
        expect(arrivals).toEqual(COUNTS);
      }
    }
  });

  it('spreads the arrivals uniformly within each interval (Kolmogorov-Smirnov at 0.1 %, seed 11)', () => {
    const config = buildModel(parseScenario(exactDay()));
    const positions: number[] = [];
    const firstOf40: number[] = [];
    for (let r = 0; r < 40; r++) {
      const log = new ArrivalLog();
      runReplication(config, 11, r, { observer: log });
      let sawFirst = false;
      for (const { interval, time } of log.times) {
        if (interval < 0) continue;
        const position = (time - config.warmupSeconds - interval * config.intervalSeconds) / config.intervalSeconds;
        expect(position).toBeGreaterThanOrEqual(0);
        expect(position).toBeLessThan(1);
        positions.push(position);
        if (interval === 5 && !sawFirst) {
          firstOf40.push(position);
          sawFirst = true;
        }
      }
    }
    positions.sort((a, b) => a - b);
    const n = positions.length;
    expect(n).toBe(40 * COUNTS.reduce((a, b) => a + b, 0));
    let d = 0;
    positions.forEach((x, i) => (d = Math.max(d, (i + 1) / n - x, x - i / n)));
    expect(d).toBeLessThan(KS / Math.sqrt(n));
    // The first of 40 uniforms is Beta(1, 40): mean 1/41, sd about 0.024; the mean of 40 draws
    // has sd 0.0038, so 1/41 +- 0.015 is a 4-sigma band.
    const mean = firstOf40.reduce((a, b) => a + b, 0) / firstOf40.length;
    expect(Math.abs(mean - 1 / 41)).toBeLessThan(0.015);
  });

  it('keeps the warm-up Poisson at interval 0\'s count (warm-up arrivals are seen, and not counted)', () => {
    const config = buildModel(parseScenario(exactDay()));
    let warm = 0;
    for (let r = 0; r < 200; r++) {
      const log = new ArrivalLog();
      runReplication(config, 5, r, { observer: log });
      warm += log.times.filter((a) => a.interval < 0).length;
    }
    // Poisson mean 3 per warm-up of one interval: 600 over 200 replications, sd 24.5.
    expect(Math.abs(warm - 600)).toBeLessThan(100);
  });

  it('refuses a fractional count, naming the value', () => {
    const input = exactDay() as { contactTypes: { volume: number[] }[] };
    input.contactTypes[0]!.volume = [3, 0, 17.5, 1, 250, 40];
    expect(() => parseScenario(input)).toThrow(ScenarioError);
    expect(() => parseScenario(input)).toThrow(/contactTypes\[0\]\.volume\[2\]: must be a whole number with "arrivals": "exact"/);
  });
});

describe('Poisson arrivals (the default) are unchanged', () => {
  // sha256 of JSON.stringify(simulateInThread(scenario, { replications: 2, seed: 5 })) computed on
  // main at 52d1762, before exact arrivals existed: the default path must draw the same numbers.
  const before: Record<string, string> = {
    'two-skills': '9323207a62c20650b352f37e7f00e77864dc7038a0927a329de8a96230bb7a3d',
    'chatbot-voice': 'f93532cfcfc2a5c529f9b686543bf5b4fa201da4127cd6a83f4139fbe0737362',
  };
  const hash = (text: string) => createHash('sha256').update(text).digest('hex');
  for (const [name, digest] of Object.entries(before)) {
    it(`${name}: the run output is byte-identical, with "arrivals" absent or "poisson"`, () => {
      const text = readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url), 'utf8');
      const scenario = parseScenarioText(text);
      expect(hash(JSON.stringify(simulateInThread(scenario, { replications: 2, seed: 5 })))).toBe(digest);
      const explicit = { ...scenario, contactTypes: scenario.contactTypes.map((t) => ({ ...t, arrivals: 'poisson' as const })) };
      expect(hash(JSON.stringify(simulateInThread(explicit, { replications: 2, seed: 5 })))).toBe(digest);
    });
  }
});
