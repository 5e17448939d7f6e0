import { describe, expect, it } from 'vitest';
import { schedule, ScheduleInputError, simulate } from '../../src/index.js';
import { cli } from '../support/cli.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const calls = { id: 'calls', channel: 'voice', volume: 30, handleTime: { dist: 'exponential', mean: 180 }, serviceLevel: { seconds: 20, target: 0.8 } };
const day = {
  name: 'two groups to schedule',
  intervalMinutes: 60,
  intervals: 12,
  start: '07:00',
  contactTypes: [calls],
  agentGroups: [
    { id: 'team', skills: ['calls'], staff: [2, 3, 4, 4, 4, 3, 3, 4, 4, 3, 2, 2], shrinkage: 0.2, costPerHour: 30 },
    { id: 'backup', skills: ['calls'], staff: [0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0], costPerHour: 25 },
  ],
  shiftTemplates: [
    { id: 'early', start: '07:00', minutes: 480, breaks: [{ offsetMinutes: 240, minutes: 60 }] },
    { id: 'late', start: '11:00', minutes: 480 },
  ],
};

/** solveMs is wall-clock time: the one field two solves may differ in. */
const withoutTimes = (groups: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(groups).map(([id, g]) => [id, { ...(g as object), solveMs: 0 }]));

describe('schedule(source, options)', () => {
  it('gives what ccsim schedule --json gives, for every group, with the horizon', async () => {
    const out = await schedule(day);
    expect(out.horizon).toMatchObject({ intervals: 12, intervalMinutes: 60, start: '07:00', days: 1 });
    expect(Object.keys(out.byGroup)).toEqual(['team', 'backup']);
    const dir = mkdtempSync(join(tmpdir(), 'ccsim-schedule-api-'));
    try {
      writeFileSync(join(dir, 's.json'), JSON.stringify(day));
      const { code, stdout } = await cli('schedule', join(dir, 's.json'), '--json');
      expect(code).toBe(0);
      const doc = JSON.parse(stdout) as { byGroup: Record<string, unknown> };
      expect(withoutTimes(out.byGroup as Record<string, unknown>)).toEqual(withoutTimes(doc.byGroup));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const team = out.byGroup['team']!;
    team.required.forEach((r, i) => expect(team.coverage[i]!).toBeGreaterThanOrEqual(r));
    expect(out.verification).toBeUndefined();
  });

  it('verify: true adds the simulated schedule, the same run as simulating the hired shifts', async () => {
    const out = await schedule(day, { verify: true, replications: 2, seed: 5, workers: 1 });
    expect(out.verification?.replications).toBe(2);
    const shifts = out.byGroup['team']!.shifts;
    expect(shifts.length).toBeGreaterThan(0);
    const byId = new Map(day.shiftTemplates.map((t) => [t.id, t]));
    const rostered = {
      ...day,
      agentGroups: day.agentGroups.map(({ staff: _staff, ...g }) => ({
        ...g,
        shifts: out.byGroup[g.id]!.shifts.map((s) => {
          const t = byId.get(s.template)!;
          return { start: t.start, minutes: t.minutes, count: s.count, day: s.day, ...(t.breaks ? { breaks: t.breaks } : {}) };
        }),
      })),
    };
    expect(out.verification).toEqual(await simulate(rostered, { replications: 2, seed: 5, workers: 1 }));
  });

  it('a scenario that cannot be scheduled as written throws a ScheduleInputError naming the field', async () => {
    const { shiftTemplates: _t, ...noTemplates } = day;
    await expect(schedule(noTemplates)).rejects.toThrow(ScheduleInputError);
    await expect(schedule(noTemplates)).rejects.toThrow(/shiftTemplates/);
  });
});
