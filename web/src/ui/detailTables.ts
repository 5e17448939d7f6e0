/** KPIs by contact type and occupancy by agent group, scenario by scenario. */
import type { Kpis } from '../../../src/experiment/index.js';
import type { Metric } from '../../../src/stats/index.js';
import { formatHalfWidth, formatValue, type Unit } from '../model/format.js';
import type { Results } from '../run/runExperiment.js';
import { el } from './dom.js';

const TYPE_COLUMNS: readonly { key: keyof Kpis; label: string; unit: Unit }[] = [
  { key: 'arrivals', label: 'Arrivals (per day)', unit: 'count' },
  { key: 'contained', label: 'Contained (per day)', unit: 'count' },
  { key: 'answered', label: 'Answered (per day)', unit: 'count' },
  { key: 'abandoned', label: 'Abandoned (per day)', unit: 'count' },
  { key: 'serviceLevel', label: 'Service level (%)', unit: 'percent' },
  { key: 'asa', label: 'ASA (s)', unit: 'seconds' },
  { key: 'abandonRate', label: 'Abandon rate (%)', unit: 'percent' },
];

/**
 * "81.2% ± 1.3 pts" (formatMetric's text), with the half-width free to go under the mean when
 * the column is narrow, so the tables fit a laptop's results column without scrolling.
 */
function metricCell(m: Metric | undefined, unit: Unit): HTMLTableCellElement {
  if (m === undefined || m.mean === null) return el('td', {}, '—');
  return el('td', { class: 'metric' }, el('span', {}, formatValue(m.mean, unit)), ' ', el('span', {}, `± ${formatHalfWidth(m.ci95, unit)}`));
}

export function typeTable(r: Results): HTMLElement {
  const types = [...new Set(r.runs.flatMap((run) => Object.keys(run.byType)))];
  const head = el('tr', {}, el('th', { scope: 'col' }, 'Contact type'), el('th', { scope: 'col' }, 'Scenario'), ...TYPE_COLUMNS.map((c) => el('th', { scope: 'col' }, c.label)));
  const body = el('tbody', {});
  for (const type of types) {
    const runs = r.runs.filter((run) => run.byType[type] !== undefined);
    runs.forEach((run, i) => {
      const kpis = run.byType[type]!;
      const row = el('tr', { 'data-type': type });
      if (i === 0) row.appendChild(el('th', { scope: 'rowgroup', rowspan: runs.length }, type));
      row.appendChild(el('td', { class: 'scenario-name' }, run.scenario));
      for (const c of TYPE_COLUMNS) row.appendChild(metricCell(kpis[c.key], c.unit));
      body.appendChild(row);
    });
  }
  return el(
    'div',
    { class: 'table-wrap' },
    el('table', { class: 'detail-table', 'data-testid': 'kpi-by-type' }, el('caption', {}, 'By contact type, whole day: mean ± 95% half-width.'), el('thead', {}, head), body),
  );
}

export function groupTable(r: Results): HTMLElement {
  const groups = [...new Set(r.runs.flatMap((run) => Object.keys(run.byGroup)))];
  const head = el('tr', {}, el('th', { scope: 'col' }, 'Agent group'), el('th', { scope: 'col' }, 'Scenario'), el('th', { scope: 'col' }, 'Occupancy (%)'), el('th', { scope: 'col' }, 'Chat-slot utilization (%)'));
  const body = el('tbody', {});
  for (const group of groups) {
    const runs = r.runs.filter((run) => run.byGroup[group] !== undefined);
    runs.forEach((run, i) => {
      const g = run.byGroup[group]!;
      const row = el('tr', { 'data-group': group });
      if (i === 0) row.appendChild(el('th', { scope: 'rowgroup', rowspan: runs.length }, group));
      row.append(el('td', { class: 'scenario-name' }, run.scenario), metricCell(g.occupancy, 'percent'), metricCell(g.slotUtilization, 'percent'));
      body.appendChild(row);
    });
  }
  return el(
    'div',
    { class: 'table-wrap' },
    el('table', { class: 'detail-table', 'data-testid': 'kpi-by-group' }, el('caption', {}, 'By agent group, whole day: share of staffed time busy, mean ± 95% half-width.'), el('thead', {}, head), body),
  );
}
