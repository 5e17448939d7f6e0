import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

const root = new URL('../../', import.meta.url).pathname;
const retailWeek = join(root, 'scenarios/retail-week.json');
const scratchDirs: string[] = [];
afterAll(() => scratchDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function scenarioFile(body: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'ccsim-schedule-'));
  scratchDirs.push(dir);
  const file = join(dir, 'scenario.json');
  writeFileSync(file, JSON.stringify(body));
  return file;
}

interface ShiftTemplate { id: string; start: string; minutes: number; days?: number[]; breaks?: { offsetMinutes: number; minutes: number }[] }
interface GroupDoc {
  shifts: { template: string; day: number; count: number }[];
  cost: number;
  required: number[];
  coverage: number[];
  shortfall: number[];
  net: number[];
  present: number[];
  presentHours: number;
  agentHours: number;
  costBasis: string;
  solveMs: number;
  mipGap: number | null;
  status: string;
}

const calls = { id: 'calls', channel: 'voice', volume: 30, handleTime: { dist: 'exponential', mean: 180 }, serviceLevel: { seconds: 20, target: 0.8 } };

/** A day from 00:00 in hours: agents needed around the clock, and only daytime templates. */
const nightUncovered = {
  name: 'night nobody can cover',
  intervalMinutes: 60,
  intervals: 24,
  contactTypes: [calls],
  agentGroups: [{ id: 'team', skills: ['calls'], staff: 2, shrinkage: 0.2, costPerHour: 30 }],
  shiftTemplates: [
    { id: 'day', start: '08:00', minutes: 480, breaks: [{ offsetMinutes: 240, minutes: 60 }] },
    { id: 'eve', start: '12:00', minutes: 480 },
  ],
};

describe('ccsim schedule', () => {
  it('retail-week --json: one document with the contract keys, arrays of `intervals` values, coverage >= required', async () => {
    const t0 = performance.now();
    const { code, stdout, stderr } = await cli('schedule', retailWeek, '--json');
    const ms = performance.now() - t0;
    console.log(`ccsim schedule retail-week --json: ${ms.toFixed(0)} ms end to end (HiGHS load included)`);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as GroupDoc;
    for (const key of ['shifts', 'cost', 'required', 'coverage', 'shortfall']) expect(doc, key).toHaveProperty(key);
    expect(doc.required).toHaveLength(336);
    expect(doc.coverage).toHaveLength(336);
    expect(doc.shortfall).toHaveLength(336);
    expect(doc.net).toHaveLength(336);
    doc.coverage.forEach((c, i) => expect(c, `interval ${i}`).toBeGreaterThanOrEqual(doc.required[i] ?? Infinity));
    expect(doc.shortfall.every((x) => x === 0)).toBe(true);
    // required is the gross-up of the scenario's staff.
    const scenario = JSON.parse(readFileSync(retailWeek, 'utf8')) as { agentGroups: { staff: number[] }[]; shiftTemplates: ShiftTemplate[] };
    expect(doc.required).toEqual(scenario.agentGroups[0]!.staff.map((n) => Math.ceil(n / 0.7 - 1e-9)));
    for (const s of doc.shifts) {
      expect(s).toEqual({ template: expect.any(String), day: expect.any(Number), count: expect.any(Number) });
      expect(s.count).toBeGreaterThan(0);
    }
    expect(doc.costBasis).toBe('costPerHour');
    expect(doc.status).toBe('optimal');
    expect(doc.cost).toBeGreaterThan(0);
  });

  it('the readable report: hired shifts, cost, hours, solve time and gap, per-interval coverage', async () => {
    const { code, stdout } = await cli('schedule', retailWeek);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^template\s+day\s+start\s+length\s+breaks\s+count\s+cost$/m);
    expect(stdout).toMatch(/^ft8-\d{4}\s+d0\s+\d\d:\d\d\s+8h00\s+30m at 4h00\s+\d+\s+[\d,.]+$/m);
    // The line is wrapped to the output width: read it as one.
    expect(stdout.replace(/\n {2}/g, ' ')).toMatch(/total cost [\d,.]+; [\d,]+ shifts, [\d,.]+ agent hours paid .*solved in \d+\.\d\d s, MIP gap \d+\.\d\d%/);
    expect(stdout).toContain('coverage >= required in every interval');
    // 16 intervals (8 h) to a line: the most that fits 100 columns and divides the 24 of the widest line.
    expect(stdout).toMatch(/^d6 16:00-23:30\s+net(\s+\d+){16}$/m);
    expect(stdout).toMatch(/^\s+shortfall(\s+\.){16}$/m);
  });

  it('an impossible requirement comes back as shortfall with exit 0', async () => {
    const { code, stdout } = await cli('schedule', scenarioFile(nightUncovered), '--json');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as GroupDoc;
    expect(doc.required).toEqual(new Array<number>(24).fill(3));
    // 'day' works 08-12 and 13-16; 'eve' 12-20: 00-08 and 20-24 nobody can cover.
    doc.shortfall.forEach((x, h) => expect(x, `hour ${h}`).toBe(h < 8 || h >= 20 ? 3 : 0));
    for (let h = 8; h < 20; h++) expect(doc.coverage[h]).toBeGreaterThanOrEqual(3);
    expect(doc.shifts.length).toBeGreaterThan(0);
    const readable = await cli('schedule', scenarioFile(nightUncovered));
    expect(readable.code).toBe(0);
    expect(readable.stdout).toContain('SHORTFALL in 12 intervals (36 agent-intervals; first at d0 00:00)');
  });

  it('several groups: { byGroup }; a group without costPerHour is costed in agent hours', async () => {
    const body = {
      ...nightUncovered,
      agentGroups: [
        { id: 'a', skills: ['calls'], staff: [...new Array<number>(8).fill(0), ...new Array<number>(12).fill(2), 0, 0, 0, 0], costPerHour: 30 },
        { id: 'b', skills: ['calls'], staff: [...new Array<number>(8).fill(0), ...new Array<number>(12).fill(1), 0, 0, 0, 0] },
      ],
    };
    const { code, stdout } = await cli('schedule', scenarioFile(body), '--json');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as { byGroup: Record<string, GroupDoc> };
    expect(Object.keys(doc)).toEqual(['byGroup']);
    expect(doc.byGroup['a']?.costBasis).toBe('costPerHour');
    expect(doc.byGroup['b']?.costBasis).toBe('agentHours');
    expect(doc.byGroup['b']?.cost).toBe(doc.byGroup['b']?.agentHours);
    const readable = await cli('schedule', scenarioFile(body));
    expect(readable.stdout).toContain('== group b  (shrinkage 0%, no costPerHour: cost is in agent hours');
  });

  it('--verify simulates the roster: staffed hours = shift hours - breaks - shrinkage (per shift, rounded); SL per interval beside the target', async () => {
    const { code, stdout } = await cli('schedule', retailWeek, '--verify', '--replications', '2', '--workers', '1', '--seed', '3', '--json');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as GroupDoc & { verification: { replications: number; seed: number; intervals: unknown[]; byGroup: Record<string, { staffedHours: { mean: number } }> } };
    expect(doc.verification.replications).toBe(2);
    expect(doc.verification.seed).toBe(3);
    expect(doc.verification.intervals).toHaveLength(336);
    // Planned from the shifts and the templates alone: round(count x 0.7) agents, each worked
    // minute inside the week (shift minus its breaks, cut at the end of day 6).
    const scenario = JSON.parse(readFileSync(retailWeek, 'utf8')) as { shiftTemplates: ShiftTemplate[] };
    const byId = new Map(scenario.shiftTemplates.map((t) => [t.id, t]));
    let plannedMinutes = 0;
    for (const s of doc.shifts) {
      const t = byId.get(s.template)!;
      const [hh, mm] = t.start.split(':').map(Number) as [number, number];
      const from = s.day * 1440 + hh * 60 + mm;
      const inside = (a: number, b: number) => Math.max(0, Math.min(b, 7 * 1440) - Math.max(a, 0));
      const worked = inside(from, from + t.minutes) - (t.breaks ?? []).reduce((sum, b) => sum + inside(from + b.offsetMinutes, from + b.offsetMinutes + b.minutes), 0);
      plannedMinutes += Math.round(s.count * 0.7) * worked;
    }
    const planned = plannedMinutes / 60;
    expect(doc.presentHours).toBeCloseTo(planned, 6);
    const staffed = doc.verification.byGroup['voice-team']!.staffedHours.mean;
    console.log(`retail-week verify: planned present ${planned} h, simulated staffed ${staffed.toFixed(1)} h`);
    // Agents finish the call in hand before a break or the end of a shift, so a little more.
    expect(staffed).toBeGreaterThanOrEqual(planned - 1e-6);
    expect(staffed).toBeLessThan(planned * 1.01);

    const readable = await cli('schedule', retailWeek, '--verify', '--replications', '2', '--workers', '1');
    expect(readable.code).toBe(0);
    expect(readable.stdout).toContain('== verification: the schedule simulated (2 replications, seed 1');
    // 2 replications: the half-width is "n/a" (format.ts MIN_REPLICATIONS_FOR_CI).
    expect(readable.stdout).toMatch(/^calls\s+\d+\.\d% ±n\/a\s+80% in 20 s\s+\d+ \/ 336/m);
    expect(readable.stdout).toContain('calls: service level per interval, % (target 80% in 20 s; * below target');
    expect(readable.stdout).toMatch(/^d0 00:00-07:30\s+SL(\s+(\d+\*?|-)){16}$/m);
  }, 60_000);

  it('a scenario without shiftTemplates: exit 2, one line naming the field, nothing on stdout', async () => {
    const { shiftTemplates: _drop, ...rest } = nightUncovered;
    const { code, stdout, stderr } = await cli('schedule', scenarioFile(rest), '--json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^ccsim schedule: shiftTemplates: missing: .*"shiftTemplates"/);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a group with shifts instead of staff: exit 2 naming agentGroups[i].shifts', async () => {
    const body = {
      ...nightUncovered,
      agentGroups: [
        { id: 'ok', skills: ['calls'], staff: 1 },
        { id: 'rostered', skills: ['calls'], shifts: [{ start: '08:00', minutes: 480, count: 4 }] },
      ],
    };
    const { code, stdout, stderr } = await cli('schedule', scenarioFile(body), '--verify');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^ccsim schedule: agentGroups\[1\]\.shifts: group "rostered" has shifts, but ccsim schedule needs its net requirement per interval in "staff"/);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it.each([
    [['--time-limit', '0'], /--time-limit: must be a number of seconds > 0/],
    [['--gap', '1'], /--gap: must be a fraction in \[0, 1\)/],
    [['--replications', '0'], /--replications: must be an integer >= 1/],
    [['--seed', 'x'], /--seed: must be an integer >= 0/],
    [['--bogus'], /Unknown option '--bogus'/],
  ])('bad flags %j: exit 2, one line, nothing on stdout', async (flags, message) => {
    const { code, stdout, stderr } = await cli('schedule', retailWeek, ...flags);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('no scenario, a missing file, --help', async () => {
    expect((await cli('schedule')).code).toBe(2);
    const missing = await cli('schedule', join(root, 'scenarios/nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
    const help = await cli('schedule', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: ccsim schedule <scenario.json>');
    expect((await cli('--help')).stdout).toContain('ccsim schedule <scenario.json> [--verify]');
  });
});
