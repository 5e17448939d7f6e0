import { describe, expect, it } from 'vitest';
import { erlangA } from '../../src/analytic/index.js';
import { staff } from '../../src/index.js';
import { parseScenario, type ScenarioInput } from '../../src/scenario/index.js';
import { cli } from '../support/cli.js';

/** A stationary single queue over 6 hours; seeds fixed by staff()'s defaults (seed 1). */
const queue = (bot?: { share: number; containment: number }): ScenarioInput => ({
  name: 'stationary queue',
  intervalMinutes: 60,
  intervals: 6,
  warmupMinutes: 60,
  contactTypes: [{
    id: 'calls', channel: 'voice', volume: 720, handleTime: { dist: 'exponential', mean: 240 },
    patience: { dist: 'exponential', mean: 180 }, serviceLevel: { seconds: 20, target: 0.8 },
    ...(bot ? { bot: { ...bot, duration: { dist: 'constant', value: 30 } } } : {}),
  }],
  agentGroups: [{ id: 'team', skills: ['calls'], staff: 50 }],
});

describe('staff(scenario, { method })', () => {
  it('simulation staffing of a stationary queue lands within two agents of Erlang A, and its verification meets the target', async () => {
    const exact = erlangA({ agents: 1, arrivalRate: 0.2, aht: 240, patience: 180, slSeconds: 20 });
    expect(exact.load).toBe(48);
    let needed = 1;
    while (erlangA({ agents: needed, arrivalRate: 0.2, aht: 240, patience: 180, slSeconds: 20 }).serviceLevel < 0.8) needed++;
    const out = await staff(parseScenario(queue()), { replications: 20, workers: 2 });
    for (const agents of out.byGroup.team!.staff.slice(1)) expect(Math.abs(agents - needed)).toBeLessThanOrEqual(2);
    expect(out.verification!.summary.serviceLevel.mean!).toBeGreaterThanOrEqual(0.8);
    expect(out.plan.targets!.share).toBeGreaterThanOrEqual(5 / 6);
  });

  it('with a bot, simulation staffing needs fewer agents, by about the offered-load reduction', async () => {
    const share = 0.5;
    const containment = 0.4;
    const base = await staff(parseScenario(queue()), { replications: 20, workers: 2 });
    const withBot = await staff(parseScenario(queue({ share, containment })), { replications: 20, workers: 2 });
    const hours = (o: typeof base) => o.plan.agentHours;
    const saved = 1 - hours(withBot) / hours(base);
    // Offered load falls by share x containment = 20%; agents fall a little less (economies of scale).
    expect(saved).toBeGreaterThan(0.12);
    expect(saved).toBeLessThan(0.24);
  });

  it('erlang-c: textbook-sized intervals are summed into single-skill groups exactly', async () => {
    const out = await staff(parseScenario({ ...queue(), intervalMinutes: 30, intervals: 2, contactTypes: [{ ...queue().contactTypes[0]!, volume: 100, handleTime: { dist: 'exponential', mean: 180 } }] }), { method: 'erlang-c' });
    expect(out.byGroup.team!.staff).toEqual([14, 14]);
    expect(out.byType.calls!.required).toEqual([14, 14]);
    expect(out.verification).toBeUndefined();
  });
});

describe('ccsim staff', () => {
  it('--write-scenario writes a scenario that ccsim run accepts, with the found staff', async () => {
    const dir = (await import('node:fs')).mkdtempSync('/tmp/ccsim-staff-');
    const file = `${dir}/scenario.json`;
    const plan = `${dir}/plan.json`;
    (await import('node:fs')).writeFileSync(file, JSON.stringify(queue()));
    const staffed = await cli('staff', file, '--method', 'erlang-a', '--write-scenario', plan, '--json');
    expect(staffed.code).toBe(0);
    const out = JSON.parse(staffed.stdout);
    expect(Object.keys(out)).toEqual(['method', 'byGroup', 'byType', 'plan', 'notes']);
    const run = await cli('run', plan, '--replications', '2', '--json');
    expect(run.code).toBe(0);
    const written = JSON.parse((await import('node:fs')).readFileSync(plan, 'utf8'));
    expect(written.agentGroups[0].staff).toEqual(out.byGroup.team.staff);
    (await import('node:fs')).rmSync(dir, { recursive: true, force: true });
  });

  it('a bad method is one line and exit 2', async () => {
    expect(await cli('staff', 'scenarios/retail-day.json', '--method', 'magic')).toMatchObject({ code: 2, stderr: expect.stringContaining('--method: must be one of simulation, erlang-a, erlang-c') });
  });
});
