/**
 * One interval explained (ccsim explain's answer, CONTRACT section 11): the one-sentence summary
 * as the heading, the service level against its target, the causes as bars with their actions
 * (charts/causeBars.ts; a table carries the same for screen readers), the causes not tried and
 * why, the staff now against the requirement per group, the CLI command that gives the same
 * document, and "Download JSON" of that document.
 */
import type { ExplainOutput } from '../../../src/optimize/explain.js';
import { CAUSE_STYLE, causeBars, gainText, significant } from '../charts/causeBars.js';
import { downloadText } from '../export/download.js';
import { el } from './dom.js';

export interface ExplainViewOptions {
  readonly width: number;
  /** The interval as the page's charts label it ("10:30–11:00"). */
  readonly range: string;
  /** Web Workers used and the wall time, s. */
  readonly workers: number;
  readonly seconds: number;
  /** `ccsim explain` with the flags that give this document. */
  readonly command: string;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** The document as `ccsim explain --json` prints it. */
export const explainJson = (out: ExplainOutput) => `${JSON.stringify(out, null, 2)}\n`;

/** "retail-day-explain-10-30.json": the scenario's name, the interval (and its day). */
export function explainFileName(out: ExplainOutput): string {
  const stem = out.scenario.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'scenario';
  return `${stem}-explain-${out.multiDay ? `day${out.day}-` : ''}${out.interval.replace(':', '-')}.json`;
}

export function explainView(out: ExplainOutput, o: ExplainViewOptions): HTMLElement {
  const root = el('div', { class: 'explain-result', 'data-testid': 'explain-result' });
  root.appendChild(el('h3', { class: 'explain-summary', 'data-testid': 'explain-summary' }, out.summary));
  const sl = out.serviceLevel;
  const short = out.shortfallPts;
  root.appendChild(
    el(
      'p',
      { class: 'explain-sl', 'data-testid': 'explain-service-level' },
      `Service level of ${out.type}, ${o.range}: `,
      el('strong', {}, sl.mean === null ? 'no contacts' : `${pct(sl.mean)}${sl.ci95 === null ? '' : ` ± ${(100 * sl.ci95).toFixed(1)} pts`}`),
      ` against a target of ${pct(out.target)}`,
      short === null ? '.' : short > 0 ? ` (short by ${short.toFixed(1)} pts).` : ` (met, ${(-short).toFixed(1)} pts to spare).`,
    ),
  );
  root.appendChild(
    el(
      'p',
      { class: 'hint' },
      `Each bar is the service-level gain, in points, of removing that cause alone, paired replication by replication on the same customers (common random numbers); the gains overlap and need not add up to the shortfall. ${out.replications} replications per run, seed ${out.seed}, ${o.workers} Web Worker${o.workers === 1 ? '' : 's'}, ${o.seconds.toFixed(1)} s.`,
    ),
  );
  if (out.multiDay) {
    // The charts number days from 1 ("Day 2 10:30"); explain's texts and --day from 0, as the CLI.
    root.appendChild(el('p', { class: 'hint', 'data-testid': 'explain-days' }, `Days count from 0 in the sentences above, as in ccsim explain --day: day ${out.day} is ${out.day === 0 ? 'the first day' : `Day ${out.day + 1} in the charts`}.`));
  }
  root.appendChild(causeBars(out.causes, o.width));
  root.appendChild(causeTable(out));
  if (out.skipped.length > 0) {
    root.appendChild(
      el(
        'div',
        { class: 'explain-skipped', 'data-testid': 'explain-skipped' },
        el('h4', {}, 'Not tried'),
        el('ul', {}, ...out.skipped.map((s) => el('li', { 'data-cause': s.cause }, el('strong', {}, CAUSE_STYLE[s.cause].title), `: ${s.reason}.`))),
      ),
    );
  }
  root.appendChild(staffTable(out));
  const download = el('button', { type: 'button', class: 'small secondary', 'data-testid': 'explain-download-json' }, 'Download JSON');
  download.addEventListener('click', () => downloadText(explainJson(out), explainFileName(out), 'application/json'));
  root.appendChild(
    el(
      'div',
      { class: 'explain-cli' },
      download,
      el('span', { class: 'hint' }, ' The same document as '),
      el('code', { 'data-testid': 'explain-command' }, o.command),
      el('span', { class: 'hint' }, ' (the scenario saved with “Save JSON” on its card).'),
    ),
  );
  return root;
}

/** The causes as a table: what screen readers read in place of the bars. */
function causeTable(out: ExplainOutput): HTMLElement {
  const head = el('tr', {}, ...['Cause', 'Gain (points, ± 95% CI)', 'Significant', 'What to do'].map((h) => el('th', { scope: 'col' }, h)));
  const body = el(
    'tbody',
    {},
    ...out.causes.map((c) =>
      el(
        'tr',
        { 'data-cause': c.cause },
        el('th', { scope: 'row' }, CAUSE_STYLE[c.cause].title),
        el('td', {}, gainText(c.deltaPts)),
        el('td', {}, significant(c.deltaPts) ? 'yes' : 'no'),
        el('td', {}, c.action),
      ),
    ),
  );
  // A table is as wide as its content whatever its width: the box around it is what is hidden.
  return el(
    'div',
    { class: 'visually-hidden' },
    el('table', { 'data-testid': 'explain-table' }, el('caption', {}, `Causes of the miss at ${out.interval}, largest gain first`), el('thead', {}, head), body),
  );
}

let staffTables = 0;

/** Per group: the fewest agents present in the interval against its Erlang A requirement. */
function staffTable(out: ExplainOutput): HTMLElement {
  const head = el('tr', {}, ...['Agent group', 'Now', 'Required', 'Short by'].map((h) => el('th', { scope: 'col' }, h)));
  const body = el(
    'tbody',
    {},
    ...Object.entries(out.staff).map(([group, s]) =>
      el(
        'tr',
        { 'data-group': group, class: s.required > s.now ? 'short' : undefined },
        el('th', { scope: 'row' }, group),
        el('td', {}, String(s.now)),
        el('td', {}, String(s.required)),
        el('td', {}, s.required > s.now ? String(s.required - s.now) : '—'),
      ),
    ),
  );
  // The caption is a paragraph: a long caption widens a table past a phone's width in Chromium.
  const id = `explain-staff-note-${++staffTables}`;
  return el(
    'div',
    { class: 'explain-staff-wrap' },
    el('p', { class: 'hint', id }, `Staff at ${out.interval}: now, the fewest agents present in the interval; required, what Erlang A needs for its arrivals (ccsim staff --method erlang-a).`),
    el('div', { class: 'table-wrap' }, el('table', { class: 'explain-staff', 'data-testid': 'explain-staff', 'aria-labelledby': id }, el('thead', {}, head), body)),
  );
}
