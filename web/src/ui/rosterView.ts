/**
 * The roster of one scenario (what `ccsim roster` prints): a one-line summary, "Export roster
 * CSV" (exactly the CLI's `--out` file), the Gantt chart with each group's coverage under it on
 * the same time scale, and the agents left without a shift. The charts are drawn at the column's
 * width (at least MIN_WIDTH: narrower, the figure scrolls sideways) and redrawn when it changes.
 */
import { rosterCoverage } from '../charts/rosterCoverage.js';
import { rosterGantt, rosterLeftMargin } from '../charts/rosterGantt.js';
import { downloadText } from '../export/download.js';
import { rosterSummary } from '../model/roster.js';
import type { RosterResult } from '../run/rosterTask.js';
import { el } from './dom.js';

/** Narrowest chart drawn, px: a week of days still gets its day labels. */
const MIN_WIDTH = 520;
const RIGHT = 14;

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'scenario';

export function rosterView(result: RosterResult): HTMLElement {
  const { roster, scenario } = result;
  const stem = `roster-${slug(scenario.name)}`;
  const exportButton = el('button', { type: 'button', class: 'small', 'data-testid': 'export-roster-csv', title: 'agent,day,start,end,breaks: what ccsim roster --out writes' }, 'Export roster CSV');
  exportButton.addEventListener('click', () => downloadText(result.csv, `${stem}.csv`, 'text/csv'));
  const charts = el('div', { class: 'roster-charts' });
  const unassigned =
    roster.unassigned.length === 0
      ? el('p', { class: 'hint', 'data-testid': 'roster-unassigned' }, 'Every agent has at least one shift.')
      : el(
          'details',
          { class: 'roster-unassigned', 'data-testid': 'roster-unassigned' },
          el('summary', {}, `${roster.unassigned.length} agent${roster.unassigned.length === 1 ? '' : 's'} without a shift`),
          el('ul', {}, ...roster.unassigned.map((u) => el('li', {}, el('code', {}, u.agent), `: ${u.why}`))),
        );
  const element = el(
    'section',
    { class: 'roster', 'data-testid': 'roster-view', 'aria-labelledby': 'roster-heading' },
    el('h2', { id: 'roster-heading' }, `Roster · ${scenario.name}`),
    el('p', { class: 'roster-summary', 'data-testid': 'roster-summary' }, rosterSummary(roster, result.seconds)),
    el('div', { class: 'roster-actions' }, exportButton),
    charts,
    unassigned,
  );

  let drawn = 0;
  const draw = (width: number) => {
    drawn = width;
    charts.replaceChildren();
    const left = rosterLeftMargin(roster);
    rosterGantt(charts, { roster, width, left, right: RIGHT, fileName: stem });
    for (const group of Object.keys(roster.byGroup)) rosterCoverage(charts, { roster, group, width, left, right: RIGHT, fileName: `${stem}-coverage-${slug(group)}` });
  };
  // A figure's border and padding take 10 px of the column.
  const widthNow = () => Math.max(MIN_WIDTH, Math.floor(element.clientWidth - 10));
  let timer: number | undefined;
  new ResizeObserver(() => {
    if (!element.isConnected || element.clientWidth === 0) return;
    const w = widthNow();
    if (drawn === 0) draw(w);
    else if (Math.abs(w - drawn) >= 24) {
      clearTimeout(timer);
      timer = window.setTimeout(() => draw(widthNow()), 150);
    }
  }).observe(element);
  return element;
}
