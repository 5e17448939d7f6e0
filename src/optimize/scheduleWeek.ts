/**
 * A realistic week-long scheduling instance for tests and the benchmark (issue 6: "a 7-day week of
 * 30-minute intervals with 50+ templates"): 48 intervals per day (24 h from 00:00), 7 days, a
 * two-peak weekday requirement with a quiet night and a lighter weekend, and 96 templates (a start
 * every 30 minutes, each in a short 4-6 h and a long 7-9 h variant; shifts of 6 h or more have a
 * 30-minute break in the middle; night starts cost 25% more).
 */
import type { ScheduleProblem, ShiftTemplate } from './scheduleModel.js';

/** Agents required at clock hour `h` (0..24, fractional) on a weekday, before weekend scaling. */
function weekdayLoad(h: number): number {
  const peak = (centre: number, width: number, height: number): number => height * Math.exp(-(((h - centre) / width) ** 2));
  return 2 + peak(10.5, 2, 30) + peak(15, 2.2, 26) + peak(19, 2.5, 10);
}

/**
 * The week instance. Requirement per interval: round(weekday load x day factor), day factors
 * Mon..Sun = 1, 0.95, 0.95, 1, 1.1, 0.6, 0.45. Costs: hours x `costPerHour` (x 1.25 for starts
 * from 20:00 to 05:30). All templates may be used on every day.
 *
 * @param costPerHour cost of one agent hour (default 20)
 */
export function weekScheduleProblem(costPerHour = 20): ScheduleProblem {
  const intervalsPerDay = 48;
  const dayFactors = [1, 0.95, 0.95, 1, 1.1, 0.6, 0.45];
  const required = dayFactors.flatMap((f) =>
    Array.from({ length: intervalsPerDay }, (_, i) => Math.round(weekdayLoad((i + 0.5) / 2) * f)),
  );
  const allDays = dayFactors.map((_, d) => d);
  const templates: ShiftTemplate[] = [];
  for (let start = 0; start < intervalsPerDay; start += 1) {
    const night = start >= 40 || start < 12;
    for (const [kind, hours] of [['s', 4 + (start % 3)], ['l', 7 + (start % 3)]] as const) {
      const lengthIntervals = hours * 2;
      const middle = Math.floor(lengthIntervals / 2);
      const breaks = hours >= 6 ? [{ earliest: middle, latest: middle, length: 1 }] : [];
      const hh = String(Math.floor(start / 2)).padStart(2, '0');
      const mm = start % 2 === 0 ? '00' : '30';
      templates.push({
        id: `${kind}${hours}h-${hh}${mm}`,
        start,
        length: lengthIntervals,
        breaks,
        cost: hours * costPerHour * (night ? 1.25 : 1),
        days: allDays,
      });
    }
  }
  return { intervalsPerDay, days: dayFactors.length, required, templates };
}
