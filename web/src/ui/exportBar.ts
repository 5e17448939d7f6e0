/** Downloads of the results (JSON as the CLI prints it, CSV tables) and the share link. */
import { downloadText } from '../export/download.js';
import { intervalsCsv, occupancyCsv, summaryCsv } from '../export/resultsCsv.js';
import type { Results } from '../run/runExperiment.js';
import { el } from './dom.js';

function button(label: string, testId: string, action: () => void): HTMLButtonElement {
  const b = el('button', { type: 'button', class: 'small secondary', 'data-testid': testId }, label);
  b.addEventListener('click', action);
  return b;
}

export function exportBar(r: Results, shareLink: () => string): HTMLElement {
  const stem = r.runs.length > 1 ? 'ccsim-compare' : 'ccsim-run';
  const link = el('input', { type: 'text', readonly: true, class: 'share-link', 'aria-label': 'Link to this comparison', 'data-testid': 'share-link' });
  link.value = shareLink();
  const copy = button('Copy link', 'copy-link', () => {
    link.value = shareLink();
    link.select();
    void navigator.clipboard?.writeText(link.value).catch(() => document.execCommand('copy'));
  });
  return el(
    'div',
    { class: 'export-bar' },
    el(
      'div',
      { class: 'downloads', role: 'group', 'aria-label': 'Download results' },
      el('span', { class: 'muted' }, 'Download: '),
      button('Results (JSON)', 'download-json', () => downloadText(`${JSON.stringify(r.document, null, 2)}\n`, `${stem}.json`, 'application/json')),
      button('Summary (CSV)', 'download-summary-csv', () => downloadText(summaryCsv(r), `${stem}-summary.csv`, 'text/csv')),
      button('Intervals (CSV)', 'download-intervals-csv', () => downloadText(intervalsCsv(r), `${stem}-intervals.csv`, 'text/csv')),
      button('Occupancy (CSV)', 'download-occupancy-csv', () => downloadText(occupancyCsv(r), `${stem}-occupancy.csv`, 'text/csv')),
    ),
    el('div', { class: 'share' }, el('span', { class: 'muted' }, 'Share: '), link, copy),
  );
}
