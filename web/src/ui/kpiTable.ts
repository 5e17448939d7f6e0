/**
 * The summary KPI table: one column per scenario (mean ± 95% CI over replications), and for each
 * scenario after the baseline its paired difference against the baseline (common random numbers);
 * all contact types pooled, then (with several types) each type against its own target.
 */
import { mixedTargets, serviceLevelTargets, thresholdText } from '../../../src/scenario/index.js';
import type { Metric } from '../../../src/stats/index.js';
import { formatDelta, formatHalfWidth, formatMetric } from '../model/format.js';
import { SUMMARY_KPIS, TYPE_KPIS, type KpiInfo } from '../model/kpis.js';
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
    // A rest of the day (the page's "From now", ccsim intraday) starts at now, not at the day's start.
    `${r.scenarios[0]?.initialState === undefined ? 'Whole day' : `From ${r.scenarios[0].start} to the end of the day`}: all contact types pooled, then each contact type. Mean ± 95% confidence half-width over ${n} replications` +
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
  const byType = typeBodies(r);
  // With rows per type below, the pooled rows get a heading of their own.
  const pooledHead = byType.length === 0 ? null : el('tbody', {}, el('tr', { class: 'type-head' }, el('th', { scope: 'rowgroup', colspan: 2 * r.runs.length }, 'All contact types pooled')));
  return el('div', { class: 'table-wrap' }, el('table', { class: 'kpi-table', 'data-testid': 'kpi-table' }, caption, el('thead', {}, headRow), pooledHead, body, ...byType));
}

/**
 * One row group per contact type (none with a single type: its rows would repeat the pooled
 * ones), preceded by a note when the pooled figures mix different service-level definitions.
 * Rows carry `data-type` and `data-type-kpi` (`data-kpi` stays unique to the pooled rows).
 */
function typeBodies(r: Results): HTMLElement[] {
  const targets = serviceLevelTargets(r.scenarios);
  if (targets.size < 2) return [];
  const columns = 2 * r.runs.length; // the KPI, each scenario, each delta
  const bodies: HTMLElement[] = [];
  const mix = mixedTargets(r.scenarios);
  if (mix !== null) {
    bodies.push(el('tbody', { class: 'mix-note' }, el('tr', {}, el('td', { colspan: columns, class: 'note', 'data-testid': 'kpi-mix-note' }, `${mix}: read the rows of each contact type below.`))));
  }
  for (const [type, sl] of targets) {
    const body = el('tbody', { 'data-type': type });
    body.appendChild(
      el('tr', { class: 'type-head' }, el('th', { scope: 'rowgroup', colspan: columns }, type, el('span', { class: 'unit-note' }, ` · target ${(sl.target * 100).toFixed(0)}% in ${thresholdText(sl.seconds)}`))),
    );
    for (const k of TYPE_KPIS) {
      const values = r.runs.map((run) => run.byType[type]?.[k.key]);
      // A type without a bot in every scenario: "Containment rate" would be a row of dashes.
      if (k.key === 'containmentRate' && values.every((m) => m === undefined || m.mean === null)) continue;
      const row = el('tr', { 'data-type-kpi': k.key, 'data-type': type }, el('th', { scope: 'row', title: k.help }, `${type} ${lowerFirst(k.label)}`, el('span', { class: 'unit-note' }, unitNote(k))));
      values.forEach((m, i) => {
        row.appendChild(el('td', {}, formatMetric(m, k.unit)));
        if (i > 0) row.appendChild(deltaCell(r.typeDeltas[i]?.[type]?.[k.key], k));
      });
      body.appendChild(row);
    }
    bodies.push(body);
  }
  return bodies;
}

/** "Service level" -> "service level" after a type id; an acronym such as "ASA" stays. */
function lowerFirst(label: string): string {
  return /^[A-Z]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
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
