/** The page's staffing-against-requirement model (no browser): agents present and the analytic requirement. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { staff } from '../../src/node/api.js';
import { parseScenario, parseScenarioText, type Scenario } from '../../src/scenario/index.js';
import { MAX_STAFFING_PAIRS, planSegments, presentPerInterval, staffingAgainstRequirement, staffingSummary, staffingTooltipLines, totalOfGroups } from '../../web/src/model/staffing.js';

const file = (name: string) => fileURLToPath(new URL(`../../scenarios/${name}.json`, import.meta.url));
const load = (name: string): Scenario => parseScenarioText(readFileSync(file(name), 'utf8'), `${name}.json`);
const clock = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Agents present at minute t after the start of interval 0, straight from the scenario's shifts. */
function presentFromShifts(s: Scenario, group: number, t: number): number {
  const g = s.agentGroups[group]!;
  let n = 0;
  for (const shift of g.shifts ?? []) {
    const start = (shift.day ?? 0) * 1440 + clock(shift.start) - clock(s.start);
    if (t < start || t >= start + shift.minutes) continue;
    if ((shift.breaks ?? []).some((b) => 'offsetMinutes' in b && t >= start + b.offsetMinutes && t < start + b.offsetMinutes + b.minutes)) continue;
    n += Math.round(shift.count * (1 - (g.shrinkage ?? 0)));
  }
  return n;
}

describe('staffing against requirement', () => {
  test('the requirement per group is the plan of ccsim staff --method erlang-a (Erlang C for email: no patience)', async () => {
    for (const name of ['retail-day', 'two-skills', 'ai-deflection', 'chatbot-voice']) {
      const plan = staffingAgainstRequirement(load(name));
      const cli = await staff(file(name), { method: 'erlang-a' });
      for (const g of plan.groups) expect(g.required, `${name} ${g.id}`).toEqual(cli.byGroup[g.id]!.staff);
      // The real-valued requirement of a group is that of its assigned types, summed.
      for (const g of plan.groups) {
        g.requiredExact.forEach((x, i) => expect(x).toBeCloseTo(g.types.reduce((sum, t) => sum + cli.byType[t]!.requiredExact[i]!, 0), 9));
        g.requiredExact.forEach((x, i) => expect(x).toBeLessThanOrEqual(g.required[i]! + 1e-9));
      }
    }
    const retail = staffingAgainstRequirement(load('retail-day'));
    expect(retail.method).toEqual({ calls: 'Erlang A', chat: 'Erlang A', email: 'Erlang C' });
    expect(retail.groups.map((g) => [g.id, g.types, g.alsoServes])).toEqual([
      ['voice-team', ['calls'], []],
      ['digital-team', ['chat', 'email'], ['calls']],
    ]);
    // A cross-trained pool gets no type: both count in their specialist groups.
    const flex = staffingAgainstRequirement(load('two-skills')).groups.find((g) => g.id === 'flex')!;
    expect(flex.types).toEqual([]);
    expect(flex.required.every((r) => r === 0)).toBe(true);
  });

  test('an overflow group that answers only after the service-level threshold gets no requirement (issue 12)', () => {
    // voice-team (34/h) and a cheaper backup (30/h) that takes calls after 60 s; threshold 20 s.
    const s = parseScenario({
      name: 'late backup', intervalMinutes: 30, intervals: 2,
      contactTypes: [{ id: 'calls', channel: 'voice', volume: 300, handleTime: { dist: 'exponential', mean: 240 }, patience: { dist: 'exponential', mean: 180 }, serviceLevel: { seconds: 20, target: 0.8 } }],
      agentGroups: [
        { id: 'voice-team', skills: ['calls'], staff: 40, costPerHour: 34 },
        { id: 'backup', skills: [{ type: 'calls', afterSeconds: 60 }], staff: 5, costPerHour: 30 },
      ],
    });
    const plan = staffingAgainstRequirement(s);
    expect(plan.groups.map((g) => [g.id, g.types])).toEqual([['voice-team', ['calls']], ['backup', []]]);
    expect(plan.groups[0]!.required.every((r) => r > 40)).toBe(true);
    expect(plan.groups[1]!.required).toEqual([0, 0]);
  });

  test('staff per interval: the scenario’s staff array, constant within each interval', () => {
    const s = load('retail-day');
    const plan = staffingAgainstRequirement(s);
    plan.groups.forEach((g, gi) => {
      expect(g.source).toBe('staff');
      expect(g.present.map((p) => p.mean)).toEqual(s.agentGroups[gi]!.staff);
      expect(g.present.every((p) => p.min === p.max && p.min === p.mean)).toBe(true);
      expect(g.segments[0]!.from).toBe(0);
      expect(g.segments[g.segments.length - 1]!.to).toBe(s.intervals * s.intervalMinutes);
    });
  });

  test('shifts: agents present minute by minute, breaks taken out and shrinkage applied, as the scenario says', () => {
    for (const name of ['ai-deflection', 'email-backlog']) {
      const s = load(name);
      const plan = staffingAgainstRequirement(s);
      plan.groups.forEach((g, gi) => {
        expect(g.source).toBe('shifts');
        expect(g.shrinkage).toBe(s.agentGroups[gi]!.shrinkage ?? 0);
        for (let i = 0; i < s.intervals; i++) {
          const minutes = Array.from({ length: s.intervalMinutes }, (_, m) => presentFromShifts(s, gi, i * s.intervalMinutes + m));
          const p = g.present[i]!;
          expect(p.mean, `${name} ${g.id} interval ${i}`).toBeCloseTo(minutes.reduce((a, b) => a + b, 0) / minutes.length, 9);
          expect([p.min, p.max]).toEqual([Math.min(...minutes), Math.max(...minutes)]);
        }
      });
      // Somewhere a break moves the line inside an interval.
      if (name === 'ai-deflection') expect(plan.groups[0]!.present.some((p) => p.min < p.max)).toBe(true);
    }
  });

  test('plan segments: warm-up folded into interval 0, changes after the horizon dropped', () => {
    // 30 min warm-up, 30-minute intervals: 5 agents, 7 from interval 1, 4 from 1 h 15 min.
    const segments = planSegments({ times: [0, 1800 + 1800, 1800 + 4500], levels: [5, 7, 4] }, 1800, 90);
    expect(segments).toEqual([
      { from: 0, to: 30, agents: 5 },
      { from: 30, to: 75, agents: 7 },
      { from: 75, to: 90, agents: 4 },
    ]);
    expect(presentPerInterval(segments, 3, 30)).toEqual([
      { mean: 5, min: 5, max: 5 },
      { mean: 7, min: 7, max: 7 },
      { mean: 5.5, min: 4, max: 7 },
    ]);
  });

  test('all groups: staff and requirements summed', () => {
    const plan = staffingAgainstRequirement(load('ai-deflection'));
    const total = totalOfGroups(plan);
    for (let i = 0; i < plan.intervals; i++) {
      expect(total.present[i]!.mean).toBeCloseTo(plan.groups.reduce((a, g) => a + g.present[i]!.mean, 0), 9);
      expect(total.required[i]).toBe(plan.groups.reduce((a, g) => a + g.required[i]!, 0));
    }
    expect(total.types).toEqual(['calls', 'chats']);
  });

  test('tooltip lines and panel summary give exact values with units', () => {
    const plan = staffingAgainstRequirement(load('retail-day'));
    const voice = plan.groups[0]!;
    const lines = staffingTooltipLines({ label: 'Retail day', colour: '#000', group: voice }, 0, 'Erlang A');
    expect(lines).toEqual(['Retail day', `   Staff: ${voice.present[0]!.mean} agents`, `   Required (Erlang A): ${voice.required[0]} agents (${voice.requiredExact[0]!.toFixed(2)} real-valued)`, `   Short: −${voice.required[0]! - voice.present[0]!.mean} agents`]);
    const shifts = staffingAgainstRequirement(load('ai-deflection')).groups[0]!;
    const i = shifts.present.findIndex((p) => p.min < p.max);
    expect(staffingTooltipLines({ label: 'AI', colour: '#000', group: shifts }, i, 'Erlang A')[1]).toMatch(/^ {3}Staff: \d+\.\d agents on average \(\d+ to \d+ as shifts and breaks change\)$/);
    expect(staffingTooltipLines({ label: 'X', colour: '#000', group: null }, 0, 'Erlang A')).toEqual(['X', '   no such group in this scenario']);
    expect(staffingSummary(voice, 30).text).toMatch(/^[\d,.]+ agent h staffed, [\d,.]+ required · short in \d+ of 24 intervals$/);
  });

  test('a horizon too long for the page is refused with how to get the plan instead', () => {
    const s = load('erlang-check');
    const n = MAX_STAFFING_PAIRS + 1;
    const huge = { ...s, intervals: n, contactTypes: s.contactTypes.map((t) => ({ ...t, volume: 10 })), agentGroups: s.agentGroups.map((g) => ({ ...g, staff: 5 })) } as Scenario;
    expect(() => staffingAgainstRequirement(huge)).toThrow(/more than the page computes .*ccsim staff --method erlang-a/);
  });
});
