/** Everything shown after a run: summary line, downloads, KPI tables and the charts. */
import { intervalLinesChart, type LineSeries } from '../charts/intervalLines.js';
import { occupancyHeatmap } from '../charts/occupancyHeatmap.js';
import { outcomeStackChart } from '../charts/outcomeStack.js';
import { OKABE_ITO, scenarioColour, scenarioDash } from '../charts/palette.js';
import type { Results } from '../run/runExperiment.js';
import { el } from './dom.js';
import { intervalLabels } from '../model/intervals.js';
import { groupTable, typeTable } from './detailTables.js';
import { exportBar } from './exportBar.js';
import { kpiTable } from './kpiTable.js';
import { staffingSection } from './staffingView.js';

export interface ResultsViewOptions {
  readonly width: number;
  /** Contact type for the per-interval charts (null or unknown: the first). */
  readonly type: string | null;
  readonly onType: (type: string) => void;
  readonly shareLink: () => string;
  /** Search scenario i's staffing by simulation (the button is left out when absent). */
  readonly onFindStaffing?: (i: number) => void;
  /** A staffing search is under way (its buttons are disabled). */
  readonly busy?: boolean;
  /** "Why does an interval miss?" (explain/explainFlow.ts): its section, and the service-level chart's click. */
  readonly explain?: ExplainHook;
}

/** What the results need of the explain flow. */
export interface ExplainHook {
  section(r: Results, width: number): HTMLElement;
  pick(interval: number, type: string): void;
}

export function typesOf(r: Results): string[] {
  return [...new Set(r.runs.flatMap((run) => Object.keys(run.byType)))];
}

export function resultsView(r: Results, o: ResultsViewOptions): HTMLElement {
  const root = el('div', { class: 'results', 'data-testid': 'results' });
  const n = r.runs[0]?.replications ?? 0;
  const names = r.runs.map((run) => run.scenario);
  root.appendChild(el('h2', {}, r.runs.length > 1 ? 'Comparison' : 'Results'));
  root.appendChild(
    el(
      'p',
      // The wall time to full precision, for bench/browser.ts (the text rounds it).
      { class: 'run-summary', 'data-testid': 'run-summary', 'data-seconds': String(r.seconds) },
      `${names.join(' vs ')} · ${n} replications each · seed ${r.runs[0]?.seed ?? ''} · ${r.workers} Web Worker${r.workers === 1 ? '' : 's'} · ${r.seconds.toFixed(1)} s`,
    ),
  );
  root.appendChild(exportBar(r, o.shareLink));
  root.appendChild(kpiTable(r));

  const types = typesOf(r);
  const type = o.type !== null && types.includes(o.type) ? o.type : (types[0] ?? '');
  const baseScenario = r.scenarios[0]!;
  const labels = intervalLabels(baseScenario.start, baseScenario.intervalMinutes, r.runs[0]?.intervals.length ?? 0);
  const intervalMinutes = baseScenario.intervalMinutes;

  const typeSelect = el('select', { id: 'chart-type', 'data-testid': 'type-select' });
  for (const t of types) typeSelect.appendChild(el('option', { value: t }, t));
  typeSelect.value = type;
  typeSelect.addEventListener('change', () => o.onType(typeSelect.value));
  root.appendChild(el('h2', {}, 'Interval by interval'));
  root.appendChild(
    el('div', { class: 'chart-controls' }, el('label', { for: 'chart-type' }, 'Contact type in the charts below '), typeSelect),
  );

  const charts = el('div', { class: 'charts' });
  root.appendChild(charts);
  const sameIntervals = r.scenarios.every((s) => s.intervals === baseScenario.intervals && s.start === baseScenario.start && s.intervalMinutes === intervalMinutes);
  if (!sameIntervals) {
    charts.appendChild(el('p', { class: 'note' }, 'The scenarios have different planning intervals; the charts use the baseline’s interval labels.'));
  }
  const series = (pick: (i: number, iv: number) => LineSeries['values'][number]): LineSeries[] =>
    r.runs.map((run, i) => ({
      label: run.scenario,
      colour: scenarioColour(i),
      dash: scenarioDash(i),
      values: labels.map((_, iv) => pick(i, iv)),
    }));
  const at = (i: number, iv: number) => r.runs[i]?.intervals[iv]?.byType[type];

  // Service level with each scenario's target for this type (one line when they agree).
  const targets = r.scenarios.map((s) => s.contactTypes.find((c) => c.id === type)?.serviceLevel);
  const thresholds = targets.filter((t) => t !== undefined);
  const distinct = [...new Map(thresholds.map((t) => [`${t.target}/${t.seconds}`, t])).values()];
  const targetLines =
    distinct.length <= 1
      ? distinct.map((t) => ({ value: t.target, label: `Target ${Math.round(t.target * 100)}% in ${t.seconds} s`, colour: OKABE_ITO.black }))
      : targets.flatMap((t, i) => (t ? [{ value: t.target, label: `Target of ${r.runs[i]!.scenario}: ${Math.round(t.target * 100)}% in ${t.seconds} s`, colour: scenarioColour(i) }] : []));
  const seconds = distinct.length === 1 ? `${distinct[0]!.seconds} s` : 'the threshold';
  intervalLinesChart(charts, {
    testId: 'chart-service-level',
    title: `Service level per interval · ${type}`,
    description: `Share of ${type} contacts answered within ${seconds} of joining the queue (answered + abandoned in the denominator), by arrival interval. Lines are means, bands 95% confidence intervals; the dotted line is the target. Hover or focus the chart and use ←/→ for exact values.`,
    fileName: `service-level-${type}`,
    width: o.width,
    labels,
    intervalMinutes,
    series: series((i, iv) => at(i, iv)?.serviceLevel),
    unit: 'percent',
    yTitle: `Service level (% answered within ${seconds})`,
    yDomain: [0, 1],
    targets: targetLines,
    context: type,
    ...(o.explain === undefined ? {} : { pick: { onPick: (col: number) => o.explain?.pick(col, type), hint: 'Click or press Enter: why does it miss?' } }),
  });
  intervalLinesChart(charts, {
    testId: 'chart-asa',
    title: `Average speed of answer per interval · ${type}`,
    description: `Mean wait in queue of answered ${type} contacts, seconds, by arrival interval, with 95% confidence bands.`,
    fileName: `asa-${type}`,
    width: o.width,
    labels,
    intervalMinutes,
    series: series((i, iv) => at(i, iv)?.asa),
    unit: 'seconds',
    yTitle: 'ASA (seconds)',
    context: type,
  });
  intervalLinesChart(charts, {
    testId: 'chart-abandonment',
    title: `Abandonment per interval · ${type}`,
    description: `Abandoned ${type} contacts as a share of answered + abandoned, by arrival interval, with 95% confidence bands.`,
    fileName: `abandonment-${type}`,
    width: o.width,
    labels,
    intervalMinutes,
    series: series((i, iv) => at(i, iv)?.abandonRate),
    unit: 'percent',
    yTitle: 'Abandoned (% of answered + abandoned)',
    context: type,
  });
  outcomeStackChart(charts, {
    width: o.width,
    labels,
    intervalMinutes,
    context: type,
    panels: r.runs.map((run, i) => ({ label: run.scenario, colour: scenarioColour(i), intervals: labels.map((_, iv) => run.intervals[iv]?.byType[type]) })),
  });
  occupancyHeatmap(charts, {
    width: o.width,
    labels,
    intervalMinutes,
    blocks: r.runs.map((run, i) => ({
      label: run.scenario,
      colour: scenarioColour(i),
      rows: Object.keys(run.byGroup).map((group) => ({ group, values: labels.map((_, iv) => run.intervals[iv]?.byGroup[group]?.occupancy) })),
    })),
  });

  if (o.explain !== undefined) root.appendChild(o.explain.section(r, o.width));
  root.appendChild(
    staffingSection(r.scenarios, {
      width: o.width,
      labels,
      intervalMinutes,
      names,
      onFind: o.onFindStaffing,
      busy: o.busy === true,
    }),
  );

  root.appendChild(el('h2', {}, 'Details'));
  root.appendChild(typeTable(r));
  root.appendChild(groupTable(r));
  return root;
}
