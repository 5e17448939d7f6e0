import type { CompareOutput, Kpis, RunOutput } from '../experiment/index.js';
import { mixedTargets, serviceLevelTargets, thresholdText, type Scenario } from '../scenario/index.js';
import type { Metric } from '../stats/index.js';
import { percent, seconds, table } from './format.js';

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
  parts.push(`${base.scenario}  vs  ${other.scenario}  (${base.replications} replications each, seed ${base.seed}, same customers in both)`);
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
  const types = Object.keys(base.byType).filter((t) => other.byType[t] !== undefined);
  const intervalRows = base.intervals.map((iv, i) => [
    iv.start,
    ...types.flatMap((t) => [percent(iv.byType[t]!.serviceLevel, 0), percent(other.intervals[i]?.byType[t]?.serviceLevel ?? nothing, 0)]),
  ]);
  parts.push('Service level by interval (baseline | variant):');
  parts.push(table(['start', ...types.flatMap((t) => [`${t}`, `${t} (variant)`])], intervalRows));
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

/** Words wrapped to lines of at most `width` columns (readable output fits 100). */
export function wrap(text: string, width = 100): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.join('\n');
}

/** A value without its interval (the change columns carry the paired ones). */
export function plainValue(m: Metric | undefined, kind: Kind): string {
  if (m === undefined || m.mean === null) return '-';
  return kind === 'percent' ? `${(m.mean * 100).toFixed(1)}%` : kind === 'seconds' ? `${m.mean.toFixed(1)} s` : m.mean.toFixed(0);
}

/** A paired change with its 95% half-width: "+16.9 pts ±2.4"; `units: false` leaves the unit to the header. */
export function changeText(m: Metric | undefined, kind: Kind, units = true): string {
  if (m === undefined || m.mean === null || m.ci95 === null) return '-';
  const sign = m.mean >= 0 ? '+' : '';
  if (kind === 'percent') return `${sign}${(m.mean * 100).toFixed(1)}${units ? ' pts' : ''} ±${(m.ci95 * 100).toFixed(1)}`;
  if (kind === 'seconds') return `${sign}${m.mean.toFixed(1)}${units ? ' s' : ''} ±${m.ci95.toFixed(1)}`;
  return `${sign}${m.mean.toFixed(0)} ±${m.ci95.toFixed(0)}`;
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
    `Paired comparison: ${base.replications} replications, seed ${base.seed}, common random numbers (the same customers in each)`,
    ...out.runs.map((run, i) => `  ${letters[i]!.padEnd(width)}  ${run.scenario}${i === 0 ? '  (baseline)' : ''}`),
    '',
  ];
  const pooled = POOLED_ROWS.map(([key, label, kind]) => [
    label,
    plainValue(pick(base.summary, key), kind),
    ...out.deltas.flatMap((d, i) => [plainValue(pick(out.runs[i + 1]!.summary, key), kind), changeText(pick(d.summary, key), kind)]),
  ]);
  lines.push(table(header('all types pooled'), pooled));

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
    lines.push('', table(header('by contact type'), rows));
  }
  lines.push('', 'A change whose interval excludes 0 is a real difference, not noise.');
  return `${lines.join('\n')}\n`;
}
