import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { erlangA } from '../../src/analytic/index.js';
import { staff } from '../../src/index.js';
import { parseScenario, type ScenarioInput } from '../../src/scenario/index.js';
import { buildModel } from '../../src/experiment/buildModel.js';
import { RunTooLargeError } from '../../src/experiment/runSize.js';
import { staffScenario } from '../../src/optimize/staffScenario.js';
import { cli } from '../support/cli.js';

/**
 * The case: calls served by voice-team (34/h) and by a cheaper backup (30/h) that takes
 * a call only after it has waited 60 s, with a 20 s service-level threshold. Two hours, 60-min
 * intervals, 0.2 calls/s x 240 s = 48 Erlangs.
 */
const overflow = (extra: { backupAfter?: number; voiceMax?: number; backupMin?: number; types?: Partial<ScenarioInput['contactTypes'][number]> } = {}): ScenarioInput => ({
  name: 'voice with a late backup',
  intervalMinutes: 60,
  intervals: 2,
  warmupMinutes: 30,
  contactTypes: [{
    id: 'calls', channel: 'voice', volume: 720, handleTime: { dist: 'exponential', mean: 240 },
    patience: { dist: 'exponential', mean: 180 }, serviceLevel: { seconds: 20, target: 0.8 },
    ...extra.types,
  }],
  agentGroups: [
    { id: 'voice-team', skills: ['calls'], staff: 10, costPerHour: 34, ...(extra.voiceMax === undefined ? {} : { maxStaff: extra.voiceMax }) },
    { id: 'backup', skills: [{ type: 'calls', afterSeconds: extra.backupAfter ?? 60 }], staff: 10, costPerHour: 30, ...(extra.backupMin === undefined ? {} : { minStaff: extra.backupMin }) },
  ],
});

/** Fewest agents meeting 80% in 20 s for the overflow scenario's calls alone (Erlang A). */
function erlangANeeded(): number {
  let agents = 1;
  while (erlangA({ agents, arrivalRate: 0.2, aht: 240, patience: 180, slSeconds: 20 }).serviceLevel < 0.8) agents++;
  return agents;
}

function withFile<T>(input: ScenarioInput, use: (file: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync('/tmp/ccsim-staff-rules-');
  const file = `${dir}/scenario.json`;
  writeFileSync(file, JSON.stringify(input));
  return use(file).finally(() => rmSync(dir, { recursive: true, force: true }));
}

describe('staff with an overflow group that answers after the service-level threshold', () => {
  it('erlang-a puts the requirement on the group that answers in time, none on the late backup, and says why', async () => {
    const out = await staff(parseScenario(overflow()), { method: 'erlang-a' });
    expect(out.byGroup['voice-team']!.staff).toEqual([erlangANeeded(), erlangANeeded()]);
    expect(out.byGroup.backup!.staff).toEqual([0, 0]);
    expect(out.plan.met).toBe(true);
    expect(out.notes.join('\n')).toContain('backup answers calls only after 60 s, at or past its 20 s service-level threshold');
  });

  it('simulation staffs voice-team near Erlang A, leaves the backup empty, and its verification meets the target', async () => {
    const out = await staff(parseScenario(overflow()), { replications: 10, workers: 2 });
    for (const agents of out.byGroup['voice-team']!.staff) expect(Math.abs(agents - erlangANeeded())).toBeLessThanOrEqual(3);
    expect(out.byGroup.backup!.staff).toEqual([0, 0]);
    expect(out.plan.met).toBe(true);
    expect(out.plan.evaluations!).toBeLessThan(30);
  });

  it('a backup that answers in time (afterSeconds below the threshold) still counts', async () => {
    const out = await staff(parseScenario(overflow({ backupAfter: 10 })), { method: 'erlang-a' });
    // Both single-skill: the cheaper one takes the requirement (cost breaks the tie on skills).
    expect(out.byGroup.backup!.staff).toEqual([erlangANeeded(), erlangANeeded()]);
    expect(out.byGroup['voice-team']!.staff).toEqual([0, 0]);
  });

  it('maxStaff: erlang-a spills the rest to the next group that answers in time', async () => {
    const out = await staff(parseScenario(overflow({ backupAfter: 10, voiceMax: 100 })), { method: 'erlang-a' });
    expect(out.byGroup.backup!.staff).toEqual([erlangANeeded(), erlangANeeded()]);
    const capped = await staff(parseScenario({ ...overflow({ backupAfter: 10 }), agentGroups: overflow({ backupAfter: 10 }).agentGroups.map((g) => (g.id === 'backup' ? { ...g, maxStaff: 20 } : g)) }), { method: 'erlang-a' });
    expect(capped.byGroup.backup!.staff).toEqual([20, 20]);
    expect(capped.byGroup['voice-team']!.staff).toEqual([erlangANeeded() - 20, erlangANeeded() - 20]);
    expect(capped.plan.met).toBe(true);
  });

  it('minStaff is kept in every interval, by both methods', async () => {
    const analytic = await staff(parseScenario(overflow({ backupMin: 3 })), { method: 'erlang-a' });
    expect(analytic.byGroup.backup!.staff).toEqual([3, 3]);
    expect(analytic.notes.join('\n')).not.toContain('backup gets no agents');
    const simulated = await staff(parseScenario(overflow({ backupMin: 3 })), { replications: 6, workers: 2 });
    expect(simulated.byGroup.backup!.staff.every((x) => x >= 3)).toBe(true);
  });
});

describe('a plan that cannot meet its targets', () => {
  it('erlang-a with no group answering in time: plan.met false, misses say why, exit 3 and the first line says it', async () => {
    const input: ScenarioInput = { ...overflow(), agentGroups: [overflow().agentGroups[1]!] };
    const out = await staff(parseScenario(input), { method: 'erlang-a' });
    expect(out.plan.met).toBe(false);
    expect(out.plan.misses).toHaveLength(2);
    expect(out.plan.misses[0]).toMatchObject({ at: '00:00', type: 'calls', kpi: 'serviceLevel', why: expect.stringContaining('no group answers calls within 20 s') });
    // The other targets are still planned for: enough agents to keep up with the load.
    expect(out.byGroup.backup!.staff.every((x) => x > 48)).toBe(true);
    await withFile(input, async (file) => {
      const r = await cli('staff', file, '--method', 'erlang-a');
      expect(r.code).toBe(3);
      expect(r.stdout.split('\n')[0]).toContain('THE PLAN MISSES TARGETS:');
      expect(r.stdout.replace(/\n +/g, ' ')).toContain('THE PLAN MISSES TARGETS: calls service level in 2 intervals');
      for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    });
  });

  it('simulation: maxStaff too low gives the miss up as max-staff, verifies, and exits 3 with the misses listed', async () => {
    const input = overflow({ voiceMax: 40 });
    await withFile(input, async (file) => {
      const r = await cli('staff', file, '--replications', '6', '--json');
      expect(r.code).toBe(3);
      const out = JSON.parse(r.stdout);
      expect(out.byGroup['voice-team'].staff).toEqual([40, 40]);
      expect(out.plan.met).toBe(false);
      expect(out.plan.misses.map((m: { at: string; kpi: string }) => [m.at, m.kpi])).toEqual([['00:00', 'serviceLevel'], ['01:00', 'serviceLevel']]);
      expect(out.plan.misses[0].why).toContain('at maxStaff');
      const readable = await cli('staff', file, '--replications', '6');
      expect(readable.code).toBe(3);
      expect(readable.stdout.split('\n')[0]).toContain('THE PLAN MISSES TARGETS');
      expect(readable.stdout).toContain('given up by the search: at maxStaff (voice-team)');
    });
  });

  it('reports when the evaluation budget ended the search', async () => {
    const out = await staff(parseScenario(overflow()), { replications: 4, workers: 2, maxEvaluations: 1 });
    expect(out.plan.budget).toEqual({ maxEvaluations: 1, exhausted: true });
    expect(out.notes.join('\n')).toContain('the search stopped at its budget of 1 simulations');
  });
});

describe('candidate plans and the run-size limits', () => {
  it('a candidate plan above the agent limit is refused before it is simulated, like any run', async () => {
    // Two types of 600,000 Erlangs each: the Erlang start alone has about 1.2e6 agents (limit 1e6).
    const big = (id: string) => ({ id, channel: 'voice' as const, volume: 6e6, handleTime: { dist: 'exponential' as const, mean: 180 }, serviceLevel: { seconds: 20, target: 0.8 } });
    const scenario = parseScenario({
      name: 'huge', intervalMinutes: 30, intervals: 1,
      contactTypes: [big('a'), big('b')],
      agentGroups: [{ id: 'ga', skills: ['a'], staff: 1 }, { id: 'gb', skills: ['b'], staff: 1 }],
    });
    let simulated = 0;
    const run = async () => {
      simulated++;
      throw new Error('must not be simulated');
    };
    await expect(staffScenario(scenario, buildModel(scenario), run, { replications: 1 })).rejects.toThrow(RunTooLargeError);
    await expect(staffScenario(scenario, buildModel(scenario), run, { replications: 1 })).rejects.toThrow(/up to 1\.2e6 agents present at once \(limit 1e6/);
    expect(simulated).toBe(0);
  });
});

describe('staff output', () => {
  it('onProgress: the total never grows during a search and the last call is total of total', async () => {
    const calls: [number, number][] = [];
    await staff(parseScenario(overflow()), { replications: 4, workers: 2, onProgress: (done, total) => calls.push([done, total]) });
    const totals = new Set(calls.map(([, total]) => total));
    expect(totals.size).toBe(1);
    const [total] = [...totals];
    expect(calls.at(-1)).toEqual([total, total]);
    for (let k = 1; k < calls.length; k++) expect(calls[k]![0]).toBeGreaterThanOrEqual(calls[k - 1]![0]);
  });

  it("the readable table names the analytic requirement 'req', not 'Erlang'", async () => {
    const r = await cli('staff', 'scenarios/two-skills.json', '--method', 'erlang-c');
    expect(r.code).toBe(0);
    const header = r.stdout.split('\n').find((l) => l.startsWith('start'))!;
    expect(header).toContain('sales req');
    expect(header).not.toContain('Erlang');
  });
});

describe('scenario checks of minStaff / maxStaff', () => {
  it('maxStaff below minStaff is refused with its path', async () => {
    const input = overflow({ voiceMax: 2 });
    input.agentGroups[0] = { ...input.agentGroups[0]!, minStaff: 5 };
    expect(() => parseScenario(input)).toThrow(/agentGroups\[0\]\.maxStaff: is 2, below minStaff 5/);
  });

  it('the check does not loop over `intervals` (a fuzzed 1e9 would hang the parser)', () => {
    const input = { ...overflow({ voiceMax: 2 }), intervals: 1e9 };
    input.agentGroups[0] = { ...input.agentGroups[0]!, minStaff: 5 };
    expect(() => parseScenario(input)).toThrow(/agentGroups\[0\]\.maxStaff: is 2, below minStaff 5/);
  }, 5_000);

  it('a per-interval maxStaff must have one value per interval', () => {
    const input = overflow();
    input.agentGroups[0] = { ...input.agentGroups[0]!, maxStaff: [1, 2, 3] };
    expect(() => parseScenario(input)).toThrow(/agentGroups\[0\]\.maxStaff: has 3 values, expected 2/);
  });
});

describe('staff on the bundled two-skills scenario', () => {
  it('says when the rule leaves a multi-skill team with no agents, and minStaff keeps it', async () => {
    const out = await staff('scenarios/two-skills.json', { method: 'erlang-a' });
    expect(out.byGroup.flex!.staff.every((x) => x === 0)).toBe(true);
    expect(out.notes.join('\n')).toContain('flex gets no agents in any interval: sales, support are staffed in other groups');
  });
});
