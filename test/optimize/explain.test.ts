/**
 * `ccsim explain` on constructed days whose one problem is known (CONTRACT section 11,
 * docs/explain.md): one interval understaffed earlier (carry-over), a bot wave, the interval
 * itself understaffed (staff). Each cause must come out first and significant where it is the
 * problem, and exactly zero where its counterfactual changes nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { explain, simulate } from '../../src/node/api.js';
import type { ExplainOutput } from '../../src/optimize/explain.js';

type Json = Record<string, unknown>;

/** One voice type, 180 calls per half hour (30 erlangs); Erlang A asks for 34 agents. */
function carryDay(staff: number[]): Json {
  return {
    name: 'carry-over day',
    start: '08:00',
    intervalMinutes: 30,
    intervals: 8,
    contactTypes: [
      {
        id: 'calls',
        channel: 'voice',
        volume: 180,
        handleTime: { dist: 'exponential', mean: 300 },
        patience: { dist: 'exponential', mean: 600 },
        serviceLevel: { seconds: 20, target: 0.8 },
      },
    ],
    agentGroups: [{ id: 'agents', skills: ['calls'], staff }],
  };
}

/**
 * Calls (60 per half hour) and bot calls that all enter a bot at 10:00-10:30 (90 of them) and all
 * escalate after exactly 10 minutes: a third of them reach the queue in 10:30-10:40, a wave in the
 * first third of 10:30's interval. Staff: Erlang A's plan (11; 26 at 10:00 for the bot calls'
 * planned load), and 15 at 10:30, above its requirement.
 */
function waveDay(): Json {
  const call = (id: string, volume: number | number[]) => ({
    id,
    channel: 'voice',
    volume,
    handleTime: { dist: 'exponential', mean: 240 },
    patience: { dist: 'exponential', mean: 600 },
    serviceLevel: { seconds: 20, target: 0.8 },
  });
  return {
    name: 'bot wave day',
    start: '08:00',
    intervalMinutes: 30,
    intervals: 8,
    contactTypes: [
      call('calls', 60),
      { ...call('botcalls', [0, 0, 0, 0, 90, 0, 0, 0]), bot: { share: 1, containment: 0, duration: { dist: 'constant', value: 600 } } },
    ],
    agentGroups: [{ id: 'agents', skills: ['calls', 'botcalls'], staff: [11, 11, 11, 11, 26, 15, 11, 11] }],
  };
}

const byCause = (out: ExplainOutput) => Object.fromEntries(out.causes.map((c) => [c.cause, c]));
const low = (m: { mean: number | null; ci95: number | null }) => m.mean! - m.ci95!;
const high = (m: { mean: number | null; ci95: number | null }) => m.mean! + m.ci95!;

describe('ccsim explain on days whose only problem is known', () => {
  it('one understaffed interval earlier: the queue carried over is the cause, staff here gains exactly nothing', async () => {
    const out = await explain(carryDay([34, 34, 34, 34, 26, 34, 34, 34]), { interval: '10:30', workers: 1 });
    expect(out.interval).toBe('10:30');
    expect(out.type).toBe('calls');
    expect(out.causes[0]!.cause).toBe('carry-over');
    const c = byCause(out);
    expect(low(c['carry-over']!.deltaPts)).toBeGreaterThan(3);
    // 10:30 has its requirement: the staff counterfactual changes nothing, so its delta is 0 exactly.
    expect(c['staff']!.deltaPts).toEqual({ mean: 0, ci95: 0, n: 50 });
    expect(out.staff['agents']).toEqual({ now: 34, required: 34 });
    // The action names the interval that left the queue behind and what it lacks.
    expect(c['carry-over']!.action).toContain('add 8 agents in agents at 10:00');
    expect(out.summary).toMatch(/pts? from the queue carried over/);
    expect(out.skipped.map((s) => s.cause)).toEqual(['bot-wave', 'volume']);
  });

  it('the same day without the understaffed interval: a carry-over gain clearly below that day\'s', async () => {
    const under = await explain(carryDay([34, 34, 34, 34, 26, 34, 34, 34]), { interval: '10:30', workers: 1 });
    const even = await explain(carryDay([34, 34, 34, 34, 34, 34, 34, 34]), { interval: '10:30', workers: 1 });
    // Staffed to the requirement, 10:00 still leaves a random queue now and then (about 2 points),
    // but its whole interval lies below the understaffed day's.
    expect(high(byCause(even)['carry-over']!.deltaPts)).toBeLessThan(low(byCause(under)['carry-over']!.deltaPts));
  });

  it('the interval itself understaffed: staff is the cause, with the agents it lacks', async () => {
    const out = await explain(carryDay([34, 34, 34, 34, 34, 29, 34, 34]), { interval: '10:30', workers: 1 });
    expect(out.causes[0]!.cause).toBe('staff');
    const c = byCause(out);
    expect(low(c['staff']!.deltaPts)).toBeGreaterThan(10);
    expect(c['staff']!.action).toBe('Staff 10:30 to its Erlang A requirement: +5 in agents (29 -> 34).');
    expect(high(c['carry-over']!.deltaPts)).toBeLessThan(low(c['staff']!.deltaPts));
  });

  it('a bot wave: spreading the escalations is the cause; staff gains exactly nothing, carry-over far less', async () => {
    const out = await explain(waveDay(), { interval: '10:30', workers: 1 });
    // The bot calls have no arrivals at 10:30: the worst type with contacts is the calls.
    expect(out.type).toBe('calls');
    expect(out.causes[0]!.cause).toBe('bot-wave');
    const c = byCause(out);
    expect(low(c['bot-wave']!.deltaPts)).toBeGreaterThan(8);
    expect(c['staff']!.deltaPts).toEqual({ mean: 0, ci95: 0, n: 50 });
    expect(high(c['carry-over']!.deltaPts)).toBeLessThan(low(c['bot-wave']!.deltaPts));
    expect(c['bot-wave']!.action).toMatch(/^Bot escalations reach the queue in a wave within 10:30/);
  });

  it('the first interval of a day without warm-up starts empty: carry-over is exactly 0', async () => {
    const out = await explain(carryDay([30, 34, 34, 34, 34, 34, 34, 34]), { interval: '08:00', workers: 1, replications: 20 });
    expect(byCause(out)['carry-over']!.deltaPts).toEqual({ mean: 0, ci95: 0, n: 20 });
  });

  it("the baseline service level is the run's own for that type and interval; the same answer on 1 or 2 workers", async () => {
    const day = carryDay([34, 34, 34, 34, 26, 34, 34, 34]);
    const one = await explain(day, { interval: '10:40', workers: 1, replications: 20, seed: 7 });
    const two = await explain(day, { interval: '10:30', workers: 2, replications: 20, seed: 7 });
    expect(two).toEqual(one);
    const run = await simulate(day, { workers: 1, replications: 20, seed: 7 });
    expect(one.serviceLevel).toEqual(run.intervals[5]!.byType['calls']!.serviceLevel);
    expect(one.shortfallPts).toBeCloseTo(100 * (0.8 - one.serviceLevel.mean!), 12);
  });

  describe('a replayed date (--history, --staff, --date): volume above the forecast', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccsim-explain-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    /** Two dates of history: 180 calls per half hour, except `peak` calls at 10:30; 34 agents throughout. */
    const files = (peak: number) => {
      const slots = Array.from({ length: 8 }, (_, i) => `${String(8 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 === 0 ? '00' : '30'}`);
      const dates = ['2026-11-02', '2026-11-03'];
      const history = ['date,interval_start,type,offered', ...dates.flatMap((d) => slots.map((t) => `${d},${t},calls,${t === '10:30' ? peak : 180}`))];
      const staff = ['date,interval_start,group,staff', ...dates.flatMap((d) => slots.map((t) => `${d},${t},agents,34`))];
      writeFileSync(join(dir, `history-${peak}.csv`), `${history.join('\n')}\n`);
      writeFileSync(join(dir, `staff-${peak}.csv`), `${staff.join('\n')}\n`);
      return { history: join(dir, `history-${peak}.csv`), staff: join(dir, `staff-${peak}.csv`), date: '2026-11-03' };
    };
    // The forecast: the scenario's own volume, 180 per half hour, for which 34 agents are Erlang A's answer.
    const forecast = carryDay([34, 34, 34, 34, 34, 34, 34, 34]);

    it('240 calls at 10:30 against 180 forecast: the volume cause gains, and says how many agents the excess needed', async () => {
      const out = await explain(forecast, { interval: '10:30', workers: 1, ...files(240) });
      expect(out.date).toBe('2026-11-03');
      const c = byCause(out);
      expect(low(c['volume']!.deltaPts)).toBeGreaterThan(5);
      expect(c['volume']!.action).toMatch(/^10:30 took more contacts than forecast \(calls 240 against 180 forecast\): check the forecast for this interval; Erlang A needs \d+ more agents in agents for the volume that came\.$/);
      // Staffing to the requirement of the volume that came is the other way out: both show.
      expect(low(c['staff']!.deltaPts)).toBeGreaterThan(5);
      expect(out.skipped.map((x) => x.cause)).toEqual(['bot-wave']);
    });

    it('the forecast volume at 10:30: the volume cause is exactly 0 and says so', async () => {
      const out = await explain(forecast, { interval: '10:30', workers: 1, replications: 10, ...files(180) });
      const v = byCause(out)['volume']!;
      expect(v.deltaPts).toEqual({ mean: 0, ci95: 0, n: 10 });
      expect(v.action).toBe('Volume at 10:30 was at or below the forecast for every type (calls 180 against 180 forecast): not the cause.');
    });
  });
});
