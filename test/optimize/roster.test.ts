/**
 * `rosterScenario` (CONTRACT section 10): every hard rule holds on the roster (an independent
 * checker), coverage recomputed minute by minute equals the reported one, the cost equals brute
 * force on small instances, and rules that cannot hold are named with the agent and the rule.
 */
import { describe, expect, it } from 'vitest';
import { rosteredScenario, rosterScenario, rosterCsv } from '../../src/optimize/rosterScenario.js';
import { ScheduleInputError } from '../../src/optimize/scheduleScenario.js';
import { buildModel } from '../../src/experiment/index.js';
import { parseScenario } from '../../src/scenario/index.js';
import { brokenRules, coverageOf, type RosterScenario } from '../support/rosterChecker.js';

const calls = { id: 'calls', channel: 'voice', volume: 20, handleTime: { dist: 'exponential', mean: 180 }, serviceLevel: { seconds: 20, target: 0.8 } };

function scenarioOf(over: Partial<RosterScenario> & Record<string, unknown>): RosterScenario & Record<string, unknown> {
  return {
    name: 'roster test',
    intervalMinutes: 360,
    intervals: 28,
    start: '00:00',
    contactTypes: [calls],
    agentGroups: [{ id: 'team', skills: ['calls'], staff: 0, costPerHour: 1 }],
    shiftTemplates: [],
    agents: [],
    ...over,
  } as RosterScenario & Record<string, unknown>;
}

async function rosterOf(s: RosterScenario, gap = 0) {
  return rosterScenario(parseScenario(s), { mipRelGap: gap });
}

/** Roster checks every test makes: no broken rule; coverage and shortfall as recomputed. */
function expectSound(s: RosterScenario, r: Awaited<ReturnType<typeof rosterOf>>): void {
  expect(brokenRules(s, r)).toEqual([]);
  const cover = coverageOf(s, r);
  for (const [id, g] of Object.entries(r.byGroup)) {
    g.coverage.forEach((c, i) => expect(c).toBeCloseTo(cover[id]?.[i] ?? NaN, 9));
    g.shortfall.forEach((x, i) => expect(x).toBeCloseTo(Math.max(0, (g.required[i] ?? 0) - (g.coverage[i] ?? 0)), 9));
  }
}

describe('rosterScenario: a week in 6-hour intervals against brute force', () => {
  // Templates: 'day' 06:00-18:00 (2 intervals, cost 12), 'am' 06:00-12:00 (cost 6 + 2 = 8: dearer per hour).
  const templates = [
    { id: 'day', start: '06:00', minutes: 720, cost: 12 },
    { id: 'am', start: '06:00', minutes: 360, cost: 8 },
  ];
  const staff = [0, 2, 1, 0, 0, 1, 2, 0, 0, 2, 2, 0, 0, 1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0];
  const agents = [
    { id: 'ann', group: 'team', minutesPerWeek: [1440, 2160], daysOff: 2, consecutiveDaysOff: true },
    { id: 'bob', group: 'team', minutesPerWeek: [0, 2160], daysOff: 3, availability: [['06:00', '18:00'], ['06:00', '18:00'], null, ['06:00', '12:00'], ['06:00', '18:00'], ['06:00', '18:00'], null] },
  ];
  const s = scenarioOf({ agentGroups: [{ id: 'team', skills: ['calls'], staff, costPerHour: 1 }], shiftTemplates: templates, agents });

  /** Every week of each agent that keeps their rules (the checker decides), then the cheapest pair. */
  function bruteForce(): number {
    const choices = [null, 'day', 'am'] as const;
    const weeksOf = (agent: (typeof agents)[number]) => {
      const out: { cover: number[]; cost: number }[] = [];
      const pick = new Array<number>(7).fill(0);
      for (let code = 0; code < 3 ** 7; code += 1) {
        let c = code;
        for (let d = 0; d < 7; d += 1) { pick[d] = c % 3; c = Math.floor(c / 3); }
        const shifts = pick.flatMap((k, day) => {
          const id = choices[k];
          if (id === null || id === undefined) return [];
          const t = templates.find((x) => x.id === id)!;
          return [{ agent: agent.id, day, start: t.start, end: id === 'day' ? '18:00' : '12:00', breaks: [] as [string, string][] }];
        });
        const alone = { ...s, agents: [agent] } as RosterScenario;
        if (brokenRules(alone, { shifts, byGroup: {} }).length > 0) continue;
        const cover = coverageOf(alone, { shifts, byGroup: {} }).team ?? [];
        out.push({ cover, cost: shifts.reduce((sum, x) => sum + (x.end === '18:00' ? 12 : 8), 0) });
      }
      return out;
    };
    const [a, b] = agents.map(weeksOf) as [ReturnType<typeof weeksOf>, ReturnType<typeof weeksOf>];
    const penalty = 10 * 12; // the default: 10 x the dearest template, per agent-interval
    let best = Infinity;
    for (const x of a) for (const y of b) {
      const short = staff.reduce((sum, r, i) => sum + Math.max(0, r - (x.cover[i] ?? 0) - (y.cover[i] ?? 0)), 0);
      best = Math.min(best, x.cost + y.cost + penalty * short);
    }
    return best;
  }

  it('keeps every rule, and its cost plus shortfall penalty equals the brute-force optimum', async () => {
    const r = await rosterOf(s);
    expectSound(s, r);
    const g = r.byGroup['team']!;
    expect(g.status).toBe('optimal');
    const objective = r.cost + 120 * g.shortfall.reduce((a, b) => a + b, 0);
    expect(objective).toBeCloseTo(bruteForce(), 9);
    // ann's minimum (1440 minutes) binds: she works although the requirement alone would not need it.
    expect(r.agents.find((a) => a.agent === 'ann')?.minutesPerWeek[0]).toBeGreaterThanOrEqual(1440);
  });

  it('the CSV has one row per shift in the contract columns', async () => {
    const r = await rosterOf(s);
    const lines = rosterCsv(r).trimEnd().split('\n');
    expect(lines[0]).toBe('agent,day,start,end,breaks');
    expect(lines).toHaveLength(r.shifts.length + 1);
    expect(lines[1]).toMatch(/^(ann|bob),\d,06:00,(18|12):00,$/);
  });
});

describe('rosterScenario: break windows placed per person', () => {
  it('3 people on one template take their 15-minute breaks apart: 2 at work in every quarter hour', async () => {
    const s = scenarioOf({
      intervalMinutes: 30, intervals: 16, start: '08:00',
      agentGroups: [{ id: 'team', skills: ['calls'], staff: 2, costPerHour: 20 }],
      shiftTemplates: [{ id: 'day', start: '08:00', minutes: 480, breaks: [{ earliestOffsetMinutes: 60, latestOffsetMinutes: 120, minutes: 15 }, { earliestOffsetMinutes: 210, latestOffsetMinutes: 270, minutes: 30 }] }],
      agents: ['a', 'b', 'c', 'd'].map((id) => ({ id, group: 'team', minutesPerWeek: [0, 2400], daysOff: 0 })),
    });
    const r = await rosterOf(s);
    expectSound(s, r);
    expect(r.shifts).toHaveLength(3);
    expect(r.unassigned).toEqual([{ agent: expect.any(String), why: 'not needed: the requirement is covered without them (their minutesPerWeek minimum is 0)' }]);
    // Minute by minute, through the simulator's own staff plan of the rostered scenario.
    const simulated = parseScenario(rosteredScenario(parseScenario(s), r));
    const plan = buildModel(simulated).groups[0]!.staffPlan;
    for (let m = 0; m < 480; m += 1) expect(plan.levels[plan.times.findLastIndex((t) => t <= m * 60)]).toBeGreaterThanOrEqual(2);
  });
});

describe('rosterScenario: rules that cannot hold are named', () => {
  const base = {
    intervalMinutes: 60, intervals: 168,
    agentGroups: [{ id: 'team', skills: ['calls'], staff: 1, costPerHour: 20 }],
    shiftTemplates: [{ id: 'day', start: '08:00', minutes: 480 }],
  };

  it('minutes a person cannot reach with their days off: the agent, the rule and the values', async () => {
    const s = scenarioOf({ ...base, agents: [
      { id: 'ok', group: 'team', minutesPerWeek: [0, 2400], daysOff: 2 },
      { id: 'ann', group: 'team', minutesPerWeek: [2400, 2400], daysOff: 3 },
    ] });
    const run = rosterOf(s);
    await expect(run).rejects.toThrow(ScheduleInputError);
    await expect(run).rejects.toThrow(/^agents\[1\]\.minutesPerWeek: agent "ann" \(minutesPerWeek \[2400, 2400\]; daysOff 3\): minutesPerWeek, daysOff cannot all hold together/);
  });

  it('availability that leaves too few days for the minimum names both rules', async () => {
    const s = scenarioOf({ ...base, agents: [
      { id: 'bo', group: 'team', minutesPerWeek: [1440, 2400], daysOff: 1, availability: [['08:00', '16:00'], null, null, null, null, null, ['08:00', '16:00']] },
    ] });
    await expect(rosterOf(s)).rejects.toThrow(/^agents\[0\]\.minutesPerWeek: agent "bo" .*: minutesPerWeek, availability cannot all hold together/);
  });

  it('template min counts no set of people can meet name the group', async () => {
    const s = scenarioOf({ ...base, shiftTemplates: [{ id: 'day', start: '08:00', minutes: 480, min: 3 }], agents: [
      { id: 'a', group: 'team', minutesPerWeek: [0, 2400], daysOff: 2 },
      { id: 'b', group: 'team', minutesPerWeek: [0, 2400], daysOff: 2 },
    ] });
    await expect(rosterOf(s)).rejects.toThrow(/^agentGroups\[0\] \(team\): the templates' min\/max counts/);
  });

  it('no agents at all is an input error naming the field', async () => {
    const s = scenarioOf(base);
    delete (s as Record<string, unknown>)['agents'];
    await expect(rosterOf(s)).rejects.toThrow(/^agents: missing/);
  });

  it('an agent of an unknown group is a scenario error', () => {
    expect(() => parseScenario(scenarioOf({ ...base, agents: [{ id: 'x', group: 'nobody', minutesPerWeek: [0, 60], daysOff: 0 }] })))
      .toThrow(/agents\[0\]\.group: no agent group "nobody"/);
  });

  it('too few people is shortfall, not an error', async () => {
    const s = scenarioOf({ ...base, agentGroups: [{ id: 'team', skills: ['calls'], staff: 2, costPerHour: 20 }], agents: [
      { id: 'solo', group: 'team', minutesPerWeek: [0, 2400], daysOff: 2 },
    ] });
    const r = await rosterOf(s);
    expectSound(s, r);
    expect(r.byGroup['team']!.shortfall.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});

describe('rosterScenario: rest between days', () => {
  it('a night that runs into the morning is never followed by that morning\'s shift; minRestMinutes holds', async () => {
    // Two nights 23:00-07:00 and early shifts 01:00-07:00 / 06:00-14:00 every day: three people who
    // each work 4 of 7 days must chain them without overlap.
    const hourly = (h: number) => (h < 7 || h >= 23 ? 2 : h < 14 ? 1 : 0);
    const s = scenarioOf({
      intervalMinutes: 60, intervals: 168,
      agentGroups: [{ id: 'team', skills: ['calls'], staff: Array.from({ length: 168 }, (_, i) => hourly(i % 24)), costPerHour: 20 }],
      shiftTemplates: [
        { id: 'night', start: '23:00', minutes: 480 },
        { id: 'small', start: '01:00', minutes: 360 },
        { id: 'early', start: '06:00', minutes: 480 },
      ],
      agents: ['a', 'b', 'c', 'd'].map((id) => ({ id, group: 'team', minutesPerWeek: [1440, 2400], daysOff: 2 })),
      scheduling: { minRestMinutes: 600 },
    });
    const r = await rosterOf(s, 0.001);
    expectSound(s, r);
    expect(r.shifts.length).toBeGreaterThan(0);
  });
});

describe('rosterScenario: weekends and preferences', () => {
  it('maxWeekendsPerMonth over 4 weeks, and a preference steers the choice at equal cost', async () => {
    const weekday = new Array<number>(24).fill(0).map((_, h) => (h >= 8 && h < 16 ? 1 : 0));
    const s = scenarioOf({
      intervalMinutes: 60, intervals: 24 * 28,
      agentGroups: [{ id: 'team', skills: ['calls'], staff: Array.from({ length: 28 }, () => weekday).flat(), costPerHour: 20 }],
      shiftTemplates: [{ id: 'day', start: '08:00', minutes: 480 }],
      agents: [
        { id: 'w', group: 'team', minutesPerWeek: [0, 2400], daysOff: 2, maxWeekendsPerMonth: 1 },
        { id: 'x', group: 'team', minutesPerWeek: [0, 2400], daysOff: 2, preferences: { daysOff: [0] } },
        { id: 'y', group: 'team', minutesPerWeek: [0, 2400], daysOff: 2 },
      ],
    });
    const r = await rosterOf(s, 0.001);
    expectSound(s, r);
    const weekends = new Set(r.shifts.filter((x) => x.agent === 'w' && (x.day % 7 === 5 || x.day % 7 === 6)).map((x) => Math.floor(x.day / 7)));
    expect(weekends.size).toBeLessThanOrEqual(1);
    expect(r.shifts.filter((x) => x.agent === 'x' && x.day % 7 === 0)).toEqual([]);
    expect(r.byGroup['team']!.wishCost).toBe(0);
  });
});
