import type { Kpis, RunOutput } from '../experiment/index.js';
import type { Metric } from '../stats/index.js';
import { ciNote, percent, seconds, table, wrap } from './format.js';

type Row = [label: string, pick: (k: Kpis) => Metric, format: (m: Metric) => string];
const ROWS: readonly Row[] = [
  ['offered', (k) => k.offered, (m) => (m.mean === null ? '-' : m.mean.toFixed(0))],
  ['service level', (k) => k.serviceLevel, (m) => percent(m)],
  ['ASA', (k) => k.asa, (m) => seconds(m)],
  ['abandoned', (k) => k.abandonRate, (m) => percent(m)],
  ['contained by bot', (k) => k.containmentRate, (m) => percent(m)],
];

/**
 * Two runs side by side, the way a planner reads a what-if: KPIs per channel, occupancy per
 * group, and the service level of every type interval by interval.
 */
export function comparisonReport(base: RunOutput, other: RunOutput): string {
  const parts: string[] = [];
  parts.push(wrap(`${base.scenario}  vs  ${other.scenario}  (${base.replications} replications each, seed ${base.seed}, same customers in both)`));
  const rows: string[][] = [];
  for (const type of Object.keys(base.byType)) {
    const a = base.byType[type]!;
    const b = other.byType[type];
    if (b === undefined) continue;
    for (const [label, pick, format] of ROWS) {
      if (label === 'contained by bot' && pick(a).mean === null && pick(b).mean === null) continue;
      rows.push([`${type} ${label}`, format(pick(a)), format(pick(b))]);
    }
  }
  for (const group of Object.keys(base.byGroup)) {
    const b = other.byGroup[group];
    if (b !== undefined) rows.push([`${group} occupancy`, percent(base.byGroup[group]!.occupancy), percent(b.occupancy)]);
  }
  parts.push(table(['', base.scenario, other.scenario], rows));
  const note = ciNote(base.replications);
  if (note !== null) parts.push(wrap(note));
  const types = Object.keys(base.byType).filter((t) => other.byType[t] !== undefined);
  const intervalRows = base.intervals.map((iv, i) => [
    iv.start,
    ...types.flatMap((t) => [percent(iv.byType[t]!.serviceLevel, 0), percent(other.intervals[i]?.byType[t]?.serviceLevel ?? nothing, 0)]),
  ]);
  parts.push('Service level by interval (baseline | variant):');
  // A type's baseline and variant columns stay together when the table is split to fit.
  parts.push(table(['start', ...types.flatMap(() => ['baseline', 'variant'])], intervalRows, { groups: types.map((label) => ({ label, size: 2 })) }));
  return `${parts.join('\n\n')}\n`;
}

const nothing: Metric = { mean: null, ci95: null, n: 0 };
