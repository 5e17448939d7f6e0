import type { CompareOutput, Kpis, RunOutput } from '../experiment/index.js';
import { mixedTargets, serviceLevelTargets, thresholdText, type Scenario } from '../scenario/index.js';
import type { Metric } from '../stats/index.js';
import { ciNote, count, countChange, percent, pointsChange, seconds, secondsChange, table, wrap } from './format.js';

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

type Kind = 'count' | 'percent' | 'seconds';
/** The rows of a paired comparison: a KPI key of `<kpis>` (or summary), its label and unit. */
type KpiRow = readonly [key: string, label: string, kind: Kind];

const POOLED_ROWS: readonly KpiRow[] = [
  ['arrivals', 'arrivals', 'count'],
  ['contained', 'contained by bot', 'count'],
  ['offered', 'offered to agents', 'count'],
  ['answered', 'answered', 'count'],
  ['abandoned', 'abandoned', 'count'],
  ['serviceLevel', 'service level', 'percent'],
  ['asa', 'ASA', 'seconds'],
  ['abandonRate', 'abandon rate', 'percent'],
  ['occupancy', 'occupancy', 'percent'],
];

const TYPE_ROWS: readonly KpiRow[] = [
  ['offered', 'offered', 'count'],
  ['serviceLevel', 'service level', 'percent'],
  ['asa', 'ASA', 'seconds'],
  ['abandonRate', 'abandon rate', 'percent'],
  ['containmentRate', 'contained by bot', 'percent'],
];

/** "A", "B", ... for the scenarios of a comparison (S27, S28, ... past Z). */
export function scenarioLetter(i: number): string {
  return i < 26 ? String.fromCharCode(65 + i) : `S${i + 1}`;
}

/** A value without its interval (the change columns carry the paired ones). */
export function plainValue(m: Metric | undefined, kind: Kind): string {
  if (m === undefined || m.mean === null) return '-';
  const bare = { ...m, ci95: null };
  return kind === 'percent' ? percent(bare) : kind === 'seconds' ? seconds(bare) : count(m);
}

/**
 * A paired change with its 95% half-width: "+16.9 pts ±2.4", "-11.4 s ±0.9", "+2.1 min ±0.4";
 * `units: false` leaves the percentage-point unit to the header (a duration keeps its unit: it
 * reads in s, min or h as its size fits).
 */
export function changeText(m: Metric | undefined, kind: Kind, units = true): string {
  if (m === undefined) return '-';
  if (kind === 'percent') return units ? pointsChange(m) : pointsChange(m).replace(' pts', '');
  return kind === 'seconds' ? secondsChange(m) : countChange(m);
}

function pick(kpis: object | undefined, key: string): Metric | undefined {
  return (kpis as Record<string, Metric> | undefined)?.[key];
}

/**
 * `ccsim compare`'s readable report: the scenarios named once, as letters (A is the baseline);
 * all types pooled, then each contact type, every figure beside its paired change against A.
 */
export function compareReport(out: CompareOutput, scenarios: readonly Scenario[]): string {
  const base = out.runs[0]!;
  const letters = out.runs.map((_, i) => scenarioLetter(i));
  const width = Math.max(...letters.map((l) => l.length));
  const header = (first: string) => [first, letters[0]!, ...out.deltas.flatMap((_, i) => [letters[i + 1]!, `${letters[i + 1]} - ${letters[0]} (95% CI)`])];
  const lines = [
    wrap(`Paired comparison: ${base.replications} replications, seed ${base.seed}, common random numbers (the same customers in each)`),
    ...out.runs.map((run, i) => `  ${letters[i]!.padEnd(width)}  ${run.scenario}${i === 0 ? '  (baseline)' : ''}`),
    '',
  ];
  const pooled = POOLED_ROWS.map(([key, label, kind]) => [
    label,
    plainValue(pick(base.summary, key), kind),
    ...out.deltas.flatMap((d, i) => [plainValue(pick(out.runs[i + 1]!.summary, key), kind), changeText(pick(d.summary, key), kind)]),
  ]);
  // Each variant's value and its change stay side by side when the table is split to fit.
  const groups = [{ size: 1 }, ...out.deltas.map(() => ({ size: 2 }))];
  lines.push(table(header('all types pooled'), pooled, { groups }));

  const targets = serviceLevelTargets(scenarios);
  if (targets.size > 1) {
    const note = mixedTargets(scenarios);
    if (note !== null) lines.push('', wrap(`${note}: read the per-type rows.`));
    const rows: string[][] = [];
    for (const [type, sl] of targets) {
      for (const [key, label, kind] of TYPE_ROWS) {
        const kpis = out.runs.map((run) => run.byType[type]);
        // No bot for this type in any scenario: "contained by bot" would be a row of dashes.
        if (key === 'containmentRate' && kpis.every((k) => pick(k, key)?.mean == null)) continue;
        rows.push([
          `${type} ${label}${key === 'serviceLevel' ? ` (${thresholdText(sl.seconds)})` : ''}`,
          plainValue(pick(kpis[0], key), kind),
          ...out.deltas.flatMap((d, i) => [plainValue(pick(kpis[i + 1], key), kind), changeText(pick(d.byType[type], key), kind)]),
        ]);
      }
    }
    lines.push('', table(header('by contact type'), rows, { groups }));
  }
  const note = ciNote(base.replications);
  if (note !== null) lines.push('', wrap(note));
  lines.push('', wrap('A change whose interval excludes 0 is a real difference, not noise.'));
  return `${lines.join('\n')}\n`;
}
