/**
 * The summary KPI table: one column per scenario (mean ± 95% CI over replications), and for each
 * scenario after the baseline its paired difference against the baseline (common random numbers).
 */
import type { Metric } from '../../../src/stats/index.js';
import { formatDelta, formatHalfWidth, formatMetric } from '../model/format.js';
import { SUMMARY_KPIS, type KpiInfo } from '../model/kpis.js';
import type { Results } from '../run/runExperiment.js';
import { scenarioColour } from '../charts/palette.js';
import { el } from './dom.js';

function deltaCell(d: Metric | undefined, k: KpiInfo): HTMLTableCellElement {
  const td = el('td', { class: 'delta' });
  if (d === undefined || d.mean === null) {
    td.textContent = '—';
    return td;
  }
  const clear = d.ci95 !== null && Math.abs(d.mean) > d.ci95;
  td.append(`${formatDelta(d.mean, k.unit)} ± ${formatHalfWidth(d.ci95, k.unit)}`);
  if (clear && k.better !== 0) {
    const better = Math.sign(d.mean) === k.better;
    td.classList.add(better ? 'better' : 'worse');
    td.append(' ', el('span', { class: 'tag' }, better ? '▲ better' : '▼ worse'));
  } else if (!clear) {
    td.classList.add('unclear');
    td.title = 'the 95% interval of the difference includes 0';
  }
  return td;
}

export function kpiTable(r: Results): HTMLElement {
  const n = r.runs[0]?.replications ?? 0;
  const caption = el(
    'caption',
    {},
    `Whole day, all contact types. Mean ± 95% confidence half-width over ${n} replications` +
      (r.runs.length > 1 ? '; Δ = paired difference against the baseline (same customers in every scenario) ± 95% half-width.' : '.'),
  );
  const headRow = el('tr', {}, el('th', { scope: 'col' }, 'KPI'));
  r.runs.forEach((run, i) => {
    const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
    swatch.style.background = scenarioColour(i); // CSSOM: the page's CSP refuses style attributes
    headRow.appendChild(el('th', { scope: 'col' }, swatch, run.scenario, i === 0 && r.runs.length > 1 ? el('span', { class: 'muted' }, ' (baseline)') : null));
    if (i > 0) headRow.appendChild(el('th', { scope: 'col', class: 'delta' }, 'Δ vs baseline'));
  });
  const body = el('tbody', {});
  for (const k of SUMMARY_KPIS) {
    const row = el('tr', { 'data-kpi': k.key }, el('th', { scope: 'row', title: k.help }, k.label, el('span', { class: 'unit-note' }, unitNote(k))));
    r.runs.forEach((run, i) => {
      row.appendChild(el('td', {}, formatMetric(run.summary[k.key], k.unit)));
      if (i > 0) row.appendChild(deltaCell(r.deltas[i]?.[k.key], k));
    });
    body.appendChild(row);
  }
  return el('div', { class: 'table-wrap' }, el('table', { class: 'kpi-table', 'data-testid': 'kpi-table' }, caption, el('thead', {}, headRow), body));
}

function unitNote(k: KpiInfo): string {
  switch (k.unit) {
    case 'percent':
      return ' (%)';
    case 'seconds':
      return ' (s)';
    case 'count':
      return ' (per day)';
    case 'number':
      return ' (contacts)';
  }
}
