/**
 * The right-hand column (`<main>`): the intro, a run's results (redrawn at the column's width and
 * for another contact type), or a message from the run panel (a question, a refusal).
 */
import type { Results } from '../run/runExperiment.js';
import { el } from './dom.js';
import { intro } from './intro.js';
import { resultsView, type ExplainHook } from './resultsView.js';

export interface ResultsColumnOptions {
  /** The contact type the charts show (null: the first). */
  readonly type: () => string | null;
  readonly onType: (type: string) => void;
  /** Search scenario i's staffing by simulation. */
  readonly onFindStaffing: (i: number) => void;
  /** A task is running: the buttons that start one are disabled. */
  readonly busy: () => boolean;
  /** Some scenario cannot travel in the link (an upload, a forecast CSV, a plan found). */
  readonly notInLink: () => boolean;
  /** "Why does an interval miss?" under the charts. */
  readonly explain?: ExplainHook;
}

export class ResultsColumn {
  readonly element = el('main', { class: 'main', id: 'main', tabindex: -1 });
  private results: Results | null = null;
  /** The link that reproduces the results shown. */
  private link = '';
  private renderedWidth = 0;
  private resizeTimer: number | undefined;

  constructor(private readonly o: ResultsColumnOptions) {
    this.element.appendChild(intro());
    new ResizeObserver(() => this.onResize()).observe(this.element);
  }

  /** The results shown (or last shown, under a message), if any. */
  get shown(): Results | null {
    return this.results;
  }

  /** Show `node` instead of what is there; the results stay, to be redrawn on a resize. */
  show(node: HTMLElement): void {
    this.element.replaceChildren(node);
  }

  /** Forget the results and show `node` (nothing: an empty column). */
  clear(node?: HTMLElement): void {
    this.results = null;
    this.element.replaceChildren(...(node === undefined ? [] : [node]));
  }

  showIntro(): void {
    this.clear(intro());
  }

  showResults(results: Results, link: string): void {
    this.results = results;
    this.link = link;
    this.render();
  }

  /** Redraw the results (e.g. now that a task has ended, with its buttons enabled). */
  render(): void {
    const r = this.results;
    if (r === null) return;
    const scroll = window.scrollY;
    this.renderedWidth = this.chartWidth();
    const view = resultsView(r, {
      width: this.renderedWidth,
      type: this.o.type(),
      onType: (type) => {
        this.o.onType(type);
        this.render();
        (this.element.querySelector('[data-testid="type-select"]') as HTMLSelectElement | null)?.focus();
      },
      shareLink: () => this.link,
      onFindStaffing: this.o.onFindStaffing,
      busy: this.o.busy(),
      ...(this.o.explain === undefined ? {} : { explain: this.o.explain }),
    });
    this.element.replaceChildren(view);
    if (this.o.notInLink()) view.querySelector('.share')?.appendChild(el('span', { class: 'hint' }, ' Uploaded scenarios and staffing found by simulation are not in the link: save them with “Save JSON”.'));
    window.scrollTo({ top: scroll });
  }

  /** Enable or disable the buttons that start a task. */
  setBusy(busy: boolean): void {
    this.element.querySelectorAll<HTMLButtonElement>('[data-testid^="find-staffing-"]').forEach((b) => (b.disabled = busy));
  }

  /** The width of a chart's SVG: the results column less a figure's border and padding (10 px). */
  private chartWidth(): number {
    // Below the floor the charts have no room for their axes; CSS scales them down instead.
    return Math.max(MIN_CHART_WIDTH, Math.floor(this.element.clientWidth - 10));
  }

  private onResize(): void {
    if (this.results === null) return;
    const w = this.chartWidth();
    if (Math.abs(w - this.renderedWidth) < 24) return;
    clearTimeout(this.resizeTimer);
    this.resizeTimer = window.setTimeout(() => this.render(), 150);
  }
}

/** Narrowest chart drawn (px): a 320 px phone's results column; narrower, the SVG is scaled down. */
const MIN_CHART_WIDTH = 270;
