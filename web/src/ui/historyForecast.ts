/**
 * The forecast part of the history view: how many days (from the day after the history) and how
 * many backtest weeks, the backtest per contact type beside the seasonal naive forecast (the
 * numbers of `ccsim forecast --json`), "Export forecast CSV" (its `--out` file) and one chart per
 * type.
 */
import { FORECAST_DEFAULTS } from '../../../src/history/forecastOptions.js';
import { forecastChart } from '../charts/forecastChart.js';
import { downloadText } from '../export/download.js';
import type { ForecastReply } from '../run/historyWorker.js';
import { el } from './dom.js';
import { historyProblems } from './historyProblems.js';

/** Days forecast when the view opens: a week shows every weekday once. */
export const PAGE_FORECAST_DAYS = 7;

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);
const signedPct = (x: number | null) => (x === null ? '–' : `${x > 0 ? '+' : ''}${(x * 100).toFixed(1)}%`);

export class ForecastSection {
  readonly element: HTMLElement;
  private readonly days: HTMLInputElement;
  private readonly weeks: HTMLInputElement;
  private readonly update: HTMLButtonElement;
  private readonly result = el('div', { class: 'history-result' });
  private readonly charts = el('div', { class: 'forecast-charts' });
  private reply: ForecastReply | null = null;

  constructor(onForecast: (days: number, backtestWeeks: number) => void) {
    this.days = el('input', { id: 'forecast-days', type: 'number', min: 1, max: FORECAST_DEFAULTS.maxDays, step: 1, value: PAGE_FORECAST_DAYS, 'data-testid': 'forecast-days' });
    this.weeks = el('input', { id: 'forecast-weeks', type: 'number', min: 1, step: 1, value: FORECAST_DEFAULTS.backtestWeeks, 'data-testid': 'forecast-weeks' });
    this.update = el('button', { type: 'button', class: 'secondary', 'data-testid': 'forecast-update' }, 'Update forecast');
    this.update.addEventListener('click', () => onForecast(this.days.valueAsNumber, this.weeks.valueAsNumber));
    this.element = el(
      'section',
      { class: 'history-section', 'data-testid': 'history-forecast', 'aria-labelledby': 'history-forecast-heading' },
      el('h3', { id: 'history-forecast-heading' }, 'Forecast'),
      el(
        'div',
        { class: 'history-form' },
        el('div', { class: 'field' }, el('label', { for: 'forecast-days' }, 'Days'), this.days),
        el('div', { class: 'field' }, el('label', { for: 'forecast-weeks' }, 'Backtest weeks'), this.weeks),
        this.update,
      ),
      this.result,
      this.charts,
    );
  }

  get settings(): { days: number; backtestWeeks: number } {
    return { days: this.days.valueAsNumber, backtestWeeks: this.weeks.valueAsNumber };
  }

  setBusy(busy: boolean): void {
    this.update.disabled = busy;
  }

  show(reply: ForecastReply, width: number): void {
    this.reply = reply;
    const { json } = reply;
    const types = Object.keys(json.byType);
    const weeks = json.byType[types[0] ?? '']?.backtest.weeks ?? 0;
    const rows = types.map((type) => {
      const t = json.byType[type]!;
      const b = t.backtest;
      return el(
        'tr',
        {
          'data-testid': `backtest-row-${type}`,
          'data-wape': String(b.wape),
          'data-baseline-wape': String(b.baselineWape),
          'data-bias': String(b.bias),
          'data-coverage80': String(b.coverage80),
        },
        el('th', { scope: 'row' }, type),
        el('td', {}, pct(b.wape)),
        el('td', {}, pct(b.baselineWape)),
        el('td', {}, signedPct(b.bias)),
        el('td', {}, pct(b.coverage80)),
        el('td', {}, pct(t.dayCv)),
        el('td', {}, String(t.outlierDays.length)),
      );
    });
    const table = el(
      'table',
      { class: 'backtest-table', 'data-testid': 'backtest-table' },
      el('caption', {}, `Backtest: the last ${weeks} week${weeks === 1 ? '' : 's'} of the history, each forecast only from the days before it`),
      el('thead', {}, el('tr', {}, ...['Type', 'WAPE', 'Naive WAPE', 'Bias', 'In 80% band', 'Day cv', 'Outlier days'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...rows),
    );
    const verdicts = types.map((type) => {
      const b = json.byType[type]!.backtest;
      if (b.wape === null || b.baselineWape === null) return `${type}: nothing to score in the backtest.`;
      const better = b.wape < b.baselineWape;
      return `${type}: WAPE ${pct(b.wape)} against ${pct(b.baselineWape)} for the seasonal naive forecast (${better ? 'better' : 'not better'}).`;
    });
    const exportButton = el('button', { type: 'button', class: 'small', 'data-testid': 'export-forecast-csv', title: 'date,interval_start,type,volume,aht,volume_lo,volume_hi: what ccsim forecast --out writes' }, 'Export forecast CSV');
    exportButton.addEventListener('click', () => downloadText(reply.csv, `forecast-${json.start}-${json.days}d.csv`, 'text/csv'));
    this.result.replaceChildren(
      el('p', { class: 'forecast-summary', 'data-testid': 'forecast-summary' }, `${json.days} day${json.days === 1 ? '' : 's'} from ${json.start}, ${json.intervalMinutes}-minute intervals. Method: ${json.method} (docs/forecast.md).`),
      el('div', { class: 'table-scroll' }, table),
      el('p', { class: 'hint' }, 'WAPE = Σ|actual − forecast| / Σ actual over the backtest’s intervals; naive = the same weekday and interval one week earlier; bias > 0: the forecast was too high; in 80% band: share of intervals whose count fell inside it.'),
      el('ul', { class: 'forecast-verdicts', 'data-testid': 'forecast-verdicts' }, ...verdicts.map((v) => el('li', {}, v))),
      el('div', { class: 'history-actions' }, exportButton),
    );
    this.draw(width);
  }

  /** Draw the charts at `width`. */
  draw(width: number): void {
    const reply = this.reply;
    this.charts.replaceChildren();
    if (reply === null) return;
    for (const type of reply.series.byType) {
      forecastChart(this.charts, { series: reply.series, type, width, fileName: `forecast-${type.type}` });
    }
  }

  /** A forecast that could not be made: why, in the CLI's words. */
  showProblem(message: string): void {
    this.clear();
    this.result.replaceChildren(historyProblems('forecast-error', 'No forecast:', message));
  }

  clear(): void {
    this.reply = null;
    this.result.replaceChildren();
    this.charts.replaceChildren();
  }
}
