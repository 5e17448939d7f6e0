/**
 * The roster benchmark's instance (issue 19): 300 agents, 7 days of 15-minute intervals, 40 shift
 * templates with break windows. Deterministic (no random numbers): starts every 30 minutes from
 * 06:00 to 15:30 in two lengths, 8 h (a 15-minute break in hours 1.5-3, a 30-minute lunch in
 * hours 3.5-5, a 15-minute break in hours 5.5-7) and 6 h (a 15-minute break in hours 2-4, part
 * time); 200 full-time agents (2400 minutes, 2 adjacent days off), 100 part-time (1080-1800
 * minutes, 3 days off), a quarter of them available mornings or evenings only; a two-peak
 * weekday requirement and a lighter weekend, tight for the agents at the peaks.
 */
import type { ScenarioInput } from '../src/scenario/index.js';

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * @param agentCount people (default 300)
 * @param personal give every person their own availability window (start between 05:00 and
 *   10:30, 13 or 17 hours long) and a preferred day off: 84 classes instead of six
 * @param demand scale of the requirement: 1.2 (default) needs about 8,000 agent-hours a week at
 *   work and 158 agents at the peak, which the 300 can just cover; 1.25 is tighter
 */
export function rosterWeek(agentCount = 300, personal = false, demand = 1.2): ScenarioInput {
  const templates = [];
  for (let start = 360; start <= 930; start += 30) {
    templates.push({
      id: `ft8-${hhmm(start).replace(':', '')}`, start: hhmm(start), minutes: 480,
      breaks: [
        { earliestOffsetMinutes: 90, latestOffsetMinutes: 165, minutes: 15 },
        { earliestOffsetMinutes: 210, latestOffsetMinutes: 270, minutes: 30 },
        { earliestOffsetMinutes: 330, latestOffsetMinutes: 405, minutes: 15 },
      ],
    });
    templates.push({
      id: `pt6-${hhmm(start).replace(':', '')}`, start: hhmm(start), minutes: 360, partTime: true, cost: 6 * 24 * 1.1,
      breaks: [{ earliestOffsetMinutes: 120, latestOffsetMinutes: 225, minutes: 15 }],
    });
  }
  const agents = Array.from({ length: agentCount }, (_, k) => {
    const fullTime = k % 3 !== 2;
    const mornings = k % 8 === 3;
    const evenings = k % 8 === 5;
    const own = 300 + 30 * (k % 12);
    const hours: [string, string] | null = personal
      ? [hhmm(own), hhmm(Math.min(own + (k % 2 === 0 ? 13 : 17) * 60, 1439))]
      : mornings ? ['06:00', '15:00'] : evenings ? ['10:00', '23:59'] : null;
    return {
      id: `a${String(k + 1).padStart(3, '0')}`,
      group: 'team',
      minutesPerWeek: (fullTime ? [2400, 2400] : [1080, 1800]) as [number, number],
      daysOff: fullTime ? 2 : 3,
      ...(fullTime ? { consecutiveDaysOff: true } : {}),
      ...(hours === null ? {} : { availability: Array.from({ length: 7 }, () => hours) }),
      ...(personal ? { preferences: { daysOff: [k % 7] } } : {}),
    };
  });
  // Agents at work per 15 minutes: two weekday peaks, weekend at 60%.
  const dayFactors = [1, 0.95, 0.95, 1, 1.05, 0.6, 0.55];
  const load = (h: number) => {
    const peak = (c: number, w: number, a: number) => a * Math.exp(-(((h - c) / w) ** 2));
    return h < 6.5 || h > 22.5 ? 0 : 20 + peak(10.5, 2, 95) + peak(15, 2.5, 80) + peak(19, 2, 25);
  };
  const staff = dayFactors.flatMap((f) => Array.from({ length: 96 }, (_, i) => Math.round(load((i + 0.5) / 4) * f * demand)));
  return {
    name: 'Roster benchmark week',
    description: 'issue 19 scale benchmark: 300 agents, 7 days of 15-minute intervals, 40 templates with break windows',
    intervalMinutes: 15,
    intervals: 7 * 96,
    start: '00:00',
    contactTypes: [{ id: 'calls', channel: 'voice', volume: 10, handleTime: { dist: 'exponential', mean: 300 }, serviceLevel: { seconds: 20, target: 0.8 } }],
    agentGroups: [{ id: 'team', skills: ['calls'], staff, costPerHour: 24 }],
    shiftTemplates: templates,
    agents,
  };
}
