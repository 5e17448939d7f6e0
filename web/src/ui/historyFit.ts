/**
 * The fit part of the history view: which skeleton scenario (the bundled example the CLI's
 * walkthrough uses, examples/history/skeleton.json, or an uploaded one), "Fit", and what
 * `ccsim fit` reports: per contact type each estimate with its standard error, method and sample
 * size, and the notes. The fitted scenario itself becomes a card (the flow adds it).
 */
import type { Estimate } from '../../../src/history/estimate.js';
import type { FitOutput, TypeFitReport } from '../../../src/history/fitScenario.js';
import skeletonText from '../../../examples/history/skeleton.json?raw';
import { el, replaceChildren } from './dom.js';
import { historyProblems } from './historyProblems.js';

/** The skeleton to fit: its JSON value and the name it goes by in messages. */
export interface Skeleton {
  readonly name: string;
  readonly raw: unknown;
}

export const EXAMPLE_SKELETON: Skeleton = { name: 'skeleton.json', raw: JSON.parse(skeletonText) as unknown };

export interface FitCallbacks {
  readonly onFit: (skeleton: Skeleton) => void;
  /** A skeleton file was chosen: read it (the flow reports a file that is not a scenario). */
  readonly onSkeletonFile: (file: File) => Promise<Skeleton | null>;
}

export class FitSection {
  readonly element: HTMLElement;
  private readonly select: HTMLSelectElement;
  private readonly file: HTMLInputElement;
  private readonly fit: HTMLButtonElement;
  private readonly result = el('div', { class: 'history-result', 'data-testid': 'fit-result' });
  private uploaded: Skeleton | null = null;

  constructor(cb: FitCallbacks) {
    this.select = el('select', { id: 'fit-skeleton', 'data-testid': 'fit-skeleton' }, el('option', { value: 'example' }, 'Bundled example: examples/history/skeleton.json'));
    this.file = el('input', { id: 'fit-skeleton-file', type: 'file', accept: '.json,application/json', 'data-testid': 'fit-skeleton-file' });
    this.fit = el('button', { type: 'button', class: 'primary', 'data-testid': 'fit' }, 'Fit: add the fitted scenario as a card');
    this.file.addEventListener('change', () => {
      const chosen = this.file.files?.[0];
      this.file.value = '';
      if (chosen === undefined) return;
      void cb.onSkeletonFile(chosen).then((skeleton) => {
        if (skeleton === null) return;
        this.uploaded = skeleton;
        this.select.querySelector('option[value="upload"]')?.remove();
        this.select.appendChild(el('option', { value: 'upload' }, `Uploaded: ${skeleton.name}`));
        this.select.value = 'upload';
      });
    });
    this.fit.addEventListener('click', () => cb.onFit(this.select.value === 'upload' && this.uploaded !== null ? this.uploaded : EXAMPLE_SKELETON));
    this.element = el(
      'section',
      { class: 'history-section', 'aria-labelledby': 'history-fit-heading' },
      el('h3', { id: 'history-fit-heading' }, 'Fit a scenario'),
      el('p', { class: 'hint' }, 'A copy of a skeleton scenario whose contact types take volume (the forecast of the first open day after the history), handle time, patience and volume uncertainty from the history, as ccsim fit writes it; agent groups and everything else are kept (docs/fit.md).'),
      el(
        'div',
        { class: 'history-form' },
        el('div', { class: 'field' }, el('label', { for: 'fit-skeleton' }, 'Skeleton'), this.select),
        el('div', { class: 'field' }, el('label', { for: 'fit-skeleton-file' }, 'or upload one (JSON)'), this.file),
        this.fit,
      ),
      this.result,
    );
  }

  setBusy(busy: boolean): void {
    this.fit.disabled = busy;
  }

  /** Problems with an uploaded skeleton, or a fit that failed, in the CLI's words. */
  showProblem(title: string, message: string): void {
    this.result.replaceChildren(historyProblems('fit-error', title, message));
  }

  show(output: FitOutput, skeleton: string, where: string): void {
    const { estimates } = output;
    const tables = Object.entries(estimates.byType).map(([id, r]) =>
      el(
        'div',
        { class: 'table-scroll' },
        el(
          'table',
          { class: 'fit-table', 'data-testid': `fit-table-${id}` },
          el('caption', {}, id),
          el('thead', {}, el('tr', {}, ...['Estimate', 'Value', 'SE', 'Method', 'n'].map((h) => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, ...typeRows(r).map((cells) => el('tr', {}, el('th', { scope: 'row' }, cells[0]!), ...cells.slice(1).map((c) => el('td', {}, c))))),
        ),
      ),
    );
    replaceChildren(
      this.result,
      el('p', { class: 'fit-summary', 'data-testid': 'fit-summary' }, `${skeleton} fitted to ${estimates.date} (backtest ${estimates.backtestWeeks} weeks): ${where}.`),
      ...tables,
      output.notes.length === 0 ? null : el('ul', { class: 'fit-notes' }, ...output.notes.map((n) => el('li', {}, n))),
    );
  }

  clear(): void {
    this.result.replaceChildren();
  }
}

/** The rows `ccsim fit` prints per type: estimate, value, SE, method, n. */
function typeRows(r: TypeFitReport): string[][] {
  const rows: string[][] = [];
  const add = (name: string, e: Estimate | undefined, method: string, digits: number) => {
    if (e === undefined) return;
    const f = (v: number) => (Number.isFinite(v) ? v.toFixed(digits) : '–');
    rows.push([name, f(e.value), f(e.se), method, String(e.n)]);
  };
  add('volume (day)', r.volume.total, 'forecast', 1);
  const h = r.handleTime;
  add('AHT (s)', h.aht, h.source === 'contact log' ? 'log: sample mean' : 'history: mean aht', 1);
  if (h.family !== 'exponential') add('handle cv', h.cv, `log: ML ${h.family}`, 3);
  const p = r.patience;
  const how = p.source === 'contact log' ? `log: censored ML ${p.family}` : 'history: Erlang-A';
  add('patience mean (s)', p.mean, how, 1);
  if (p.family === 'weibull') {
    add('patience shape', p.parameters['shape'], how, 3);
    add('patience scale (s)', p.parameters['scale'], how, 1);
  }
  if (p.family === 'lognormal') add('patience cv', p.parameters['cv'], how, 3);
  add('volume cv', r.volumeUncertainty.cv, 'backtest day ratios', 3);
  return rows;
}
