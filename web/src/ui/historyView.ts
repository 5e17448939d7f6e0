/**
 * The history view in the results column: what was read (files, rows, dates, types), then the
 * forecast, the fit and the replay sections. The charts are drawn at the column's width (at least
 * MIN_WIDTH: narrower, a figure scrolls sideways inside itself) and redrawn when it changes.
 */
import type { HistorySummary } from '../run/historyWorker.js';
import { el } from './dom.js';
import { FitSection, type FitCallbacks } from './historyFit.js';
import { ForecastSection } from './historyForecast.js';
import { ReplaySection, type CardChoice, type ReplayRequest } from './historyReplay.js';

/** Narrowest chart drawn, px: a phone's column (the figures scroll below it). */
const MIN_WIDTH = 320;

export interface HistoryViewCallbacks extends FitCallbacks {
  readonly onForecast: (days: number, backtestWeeks: number) => void;
  readonly onReplay: (request: ReplayRequest) => void;
  readonly cards: () => readonly CardChoice[];
}

const count = (n: number, what: string) => `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`;

export class HistoryView {
  readonly element: HTMLElement;
  readonly forecast: ForecastSection;
  readonly fit: FitSection;
  readonly replay: ReplaySection;
  private readonly summary = el('ul', { class: 'history-summary', 'data-testid': 'history-summary' });
  private drawn = 0;
  private timer: number | undefined;

  constructor(cb: HistoryViewCallbacks) {
    this.forecast = new ForecastSection(cb.onForecast);
    this.fit = new FitSection(cb);
    this.replay = new ReplaySection(cb.cards, cb.onReplay);
    this.element = el(
      'section',
      { class: 'history', 'data-testid': 'history-view', 'aria-labelledby': 'history-heading', tabindex: -1 },
      el('h2', { id: 'history-heading' }, 'From history'),
      this.summary,
      this.forecast.element,
      this.fit.element,
      this.replay.element,
    );
    new ResizeObserver(() => {
      if (!this.element.isConnected || this.element.clientWidth === 0) return;
      const w = this.width;
      if (Math.abs(w - this.drawn) < 24) return;
      clearTimeout(this.timer);
      this.timer = window.setTimeout(() => this.redraw(), this.drawn === 0 ? 0 : 150);
    }).observe(this.element);
  }

  /** The charts' width: the column less a figure's border and padding (10 px). */
  get width(): number {
    return Math.max(MIN_WIDTH, Math.floor(this.element.clientWidth - 10));
  }

  setSummary(s: HistorySummary): void {
    const h = s.history;
    const items = [
      `${h.file}: ${count(h.rows, 'row')}, ${h.firstDate} to ${h.lastDate} (${count(h.days, 'day')}, ${h.openDays} open), ${h.intervalMinutes}-minute intervals; contact types ${h.types.join(', ')}.`,
      s.contacts === null ? 'No contact log: Fit estimates handle time from the history’s AHT and patience from its abandonment and ASA (Erlang A).' : `${s.contacts.file}: ${count(s.contacts.rows, 'contact')} (${s.contacts.types.join(', ')}).`,
      s.staff === null ? 'No staff history: Replay needs one.' : `${s.staff.file}: ${count(s.staff.rows, 'row')}, ${s.staff.firstDate} to ${s.staff.lastDate}; agent groups ${s.staff.groups.join(', ')}.`,
      `Read in ${s.seconds.toFixed(1)} s (${(s.bytes / 1e6).toFixed(1)} MB) in a Web Worker.`,
    ];
    this.summary.replaceChildren(...items.map((t) => el('li', {}, t)));
    this.forecast.clear();
    this.fit.clear();
    this.replay.clear();
    const missing = s.staff === null ? 'Choose a staff history CSV (date,interval_start,group,staff) and read the files again to replay a date.' : s.replayDates.length === 0 ? 'No date has rows in both the interval and the staff history: nothing to replay.' : null;
    this.replay.setDates(s.replayDates, missing);
    this.replay.listCards();
  }

  setBusy(busy: boolean): void {
    this.forecast.setBusy(busy);
    this.fit.setBusy(busy);
    this.replay.setBusy(busy);
  }

  /** Redraw the charts at the column's width. */
  redraw(): void {
    if (this.element.clientWidth === 0) return;
    this.drawn = this.width;
    this.forecast.draw(this.drawn);
    this.replay.draw(this.drawn);
  }
}
