import type { RunOutput } from '../experiment/index.js';
import { count, percent, seconds, table } from './format.js';

/** The readable report of a run: the day by contact type, by group, then interval by interval. */
export function runReport(out: RunOutput, options: { intervals?: boolean } = {}): string {
  const parts: string[] = [];
  parts.push(`${out.scenario}  (${out.replications} replications, seed ${out.seed}; ± is the 95% confidence half-width)`);
  const typeRows = Object.entries(out.byType).map(([id, k]) => [
    id,
    count(k.arrivals),
    count(k.offered),
    count(k.answered),
    count(k.abandoned),
    count(k.unresolved),
    percent(k.serviceLevel),
    seconds(k.asa),
    percent(k.abandonRate),
    percent(k.containmentRate),
  ]);
  const s = out.summary;
  typeRows.push(['ALL', count(s.arrivals), count(s.offered), count(s.answered), count(s.abandoned), count(s.unresolved),
    percent(s.serviceLevel), seconds(s.asa), percent(s.abandonRate), percent(s.containmentRate)]);
  parts.push(table(['type', 'arrivals', 'offered', 'answered', 'abandoned', 'unresolved', 'service level', 'ASA', 'abandon', 'contained'], typeRows));
  // Model-breadth KPIs (CONTRACT section 4).
  const moreRows = [...Object.entries(out.byType), ['ALL', s] as const].map(([id, k]) => [
    id, seconds(k.waitP90), count(k.retrials), count(k.repeats), count(k.botDropouts), count(k.workHours, 1), count(k.cost), count(k.costPerContact, 2),
  ]);
  parts.push(table(['type', 'wait p90', 'retrials', 'repeats', 'bot dropouts', 'work h', 'cost', 'cost/contact'], moreRows));
  const groupRows = Object.entries(out.byGroup).map(([id, g]) => [id, percent(g.occupancy), percent(g.slotUtilization), count(g.busyHours, 1), count(g.staffedHours, 1)]);
  groupRows.push(['ALL', percent(s.occupancy), percent(s.slotUtilization), count(s.busyHours, 1), count(s.staffedHours, 1)]);
  parts.push(table(['group', 'occupancy', 'slot use', 'busy h', 'staffed h'], groupRows));
  if (options.intervals !== false) {
    const types = Object.keys(out.byType);
    const groups = Object.keys(out.byGroup);
    const rows = out.intervals.map((iv) => [
      iv.start,
      ...types.flatMap((t) => {
        const k = iv.byType[t]!;
        return [count(k.offered), percent(k.serviceLevel, 0), seconds(k.asa, 0)];
      }),
      ...groups.map((g) => percent(iv.byGroup[g]!.occupancy, 0)),
    ]);
    const header = ['start', ...types.flatMap((t) => [`${t} offered`, 'SL', 'ASA']), ...groups.map((g) => `${g} occ`)];
    parts.push(table(header, rows));
  }
  return parts.join('\n\n') + '\n';
}
