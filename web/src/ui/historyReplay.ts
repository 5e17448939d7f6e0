/**
 * The replay part of the history view: which scenario (a card of the comparison, the fitted one
 * by default), which recorded date, replications and seed; then, per contact type and KPI, the
 * chart of recorded against the simulated 90% band of that day, the verdict lines `ccsim replay`
 * prints, and "Export replay JSON" (its `--json` document for `--from D --to D`).
 */
import { RUN_DEFAULTS } from '../../../src/experiment/runDefaults.js';
import { REPLAY_KPIS, type ReplayKpi, type ReplayOutput } from '../../../src/history/replay.js';
import { REPLAY_KPI_WORDS, replayVerdicts } from '../../../src/history/replayVerdict.js';
import type { Scenario } from '../../../src/scenario/index.js';
import { replayChart } from '../charts/replayChart.js';
import { downloadText } from '../export/download.js';
import { MAX_REPLICATIONS } from '../model/appState.js';
import { el, replaceChildren } from './dom.js';
import { historyProblems } from './historyProblems.js';

/** A card of the comparison, as the replay form lists it. */
export interface CardChoice {
  readonly title: string;
  readonly label: string;
  /** Null when the card has problems (listed above the cards). */
  readonly scenario: Scenario | null;
}

export interface ReplayRequest {
  readonly card: number;
  readonly date: string;
  readonly replications: number;
  readonly seed: number;
}

export class ReplaySection {
  readonly element: HTMLElement;
  private readonly scenario: HTMLSelectElement;
  private readonly date: HTMLSelectElement;
  private readonly replications: HTMLInputElement;
  private readonly seed: HTMLInputElement;
  private readonly replay: HTMLButtonElement;
  private readonly needs = el('p', { class: 'hint', 'data-testid': 'replay-needs' });
  private readonly result = el('div', { class: 'history-result', 'data-testid': 'replay-result' });
  private readonly chart = el('div', { class: 'replay-charts' });
  private output: ReplayOutput | null = null;
  private type = '';
  private kpi: ReplayKpi = 'serviceLevel';
  private busy = false;
  private width = 0;
  private minutes = 0;

  constructor(
    private readonly cards: () => readonly CardChoice[],
    onReplay: (request: ReplayRequest) => void,
  ) {
    this.scenario = el('select', { id: 'replay-scenario', 'data-testid': 'replay-scenario' });
    this.date = el('select', { id: 'replay-date', 'data-testid': 'replay-date' });
    this.replications = el('input', { id: 'replay-replications', type: 'number', min: 1, max: MAX_REPLICATIONS, step: 1, value: RUN_DEFAULTS.replayReplications, 'data-testid': 'replay-replications' });
    this.seed = el('input', { id: 'replay-seed', type: 'number', min: 0, step: 1, value: RUN_DEFAULTS.seed, 'data-testid': 'replay-seed' });
    this.replay = el('button', { type: 'button', class: 'primary', 'data-testid': 'replay' }, 'Replay this date');
    // The cards change while the view is open (a fit adds one): list them when the list is used.
    this.scenario.addEventListener('focus', () => this.listCards());
    this.scenario.addEventListener('pointerdown', () => this.listCards());
    this.replay.addEventListener('click', () => {
      onReplay({ card: Number(this.scenario.value), date: this.date.value, replications: this.replications.valueAsNumber, seed: this.seed.valueAsNumber });
    });
    this.element = el(
      'section',
      { class: 'history-section', 'data-testid': 'history-replay', 'aria-labelledby': 'history-replay-heading' },
      el('h3', { id: 'history-replay-heading' }, 'Replay a recorded day'),
      el('p', { class: 'hint' }, 'The date simulated with exactly its recorded arrivals per interval and its recorded staff, many times: does what the center recorded look like one of those simulated days? A calibrated model has about 9 intervals in 10 inside the band (docs/replay.md).'),
      el(
        'div',
        { class: 'history-form' },
        el('div', { class: 'field' }, el('label', { for: 'replay-scenario' }, 'Scenario'), this.scenario),
        el('div', { class: 'field' }, el('label', { for: 'replay-date' }, 'Date'), this.date),
        el('div', { class: 'field' }, el('label', { for: 'replay-replications' }, 'Replications'), this.replications),
        el('div', { class: 'field' }, el('label', { for: 'replay-seed' }, 'Seed'), this.seed),
        this.replay,
      ),
      this.needs,
      this.result,
      this.chart,
    );
  }

  /** The dates that can be replayed (open in both files; the last is chosen), and why none can. */
  setDates(dates: readonly string[], missing: string | null): void {
    this.date.replaceChildren(...dates.map((d) => el('option', { value: d }, d)));
    if (dates.length > 0) this.date.value = dates[dates.length - 1]!;
    this.needs.textContent = missing ?? '';
    this.needs.hidden = missing === null;
    this.update();
  }

  /** List the cards, selecting `prefer` (a card index) or keeping the current choice. */
  listCards(prefer?: number): void {
    const current = prefer ?? (this.scenario.value === '' ? 0 : Number(this.scenario.value));
    const cards = this.cards();
    this.scenario.replaceChildren(
      ...cards.map((c, i) => el('option', { value: i, disabled: c.scenario === null }, `${c.title}: ${c.label}${c.scenario === null ? ' (has problems)' : ''}`)),
    );
    const pick = cards[current]?.scenario != null ? current : cards.findIndex((c) => c.scenario !== null);
    if (pick >= 0) this.scenario.value = String(pick);
    this.update();
  }

  setBusy(busy: boolean): void {
    this.busy = busy;
    this.update();
  }

  /** Show a replay of `intervalMinutes`-minute intervals, `line` saying what was replayed. */
  show(output: ReplayOutput, intervalMinutes: number, line: string, width: number): void {
    this.output = output;
    this.minutes = intervalMinutes;
    if (!(this.type in output.byType)) this.type = Object.keys(output.byType)[0] ?? '';
    const typeSelect = el('select', { id: 'replay-type', 'data-testid': 'replay-type' }, ...Object.keys(output.byType).map((t) => el('option', { value: t }, t)));
    typeSelect.value = this.type;
    const kpiSelect = el('select', { id: 'replay-kpi', 'data-testid': 'replay-kpi' }, ...REPLAY_KPIS.map((k) => el('option', { value: k }, REPLAY_KPI_WORDS[k])));
    kpiSelect.value = this.kpi;
    const verdict = el('ul', { class: 'replay-verdict', 'data-testid': 'replay-verdict' });
    const exportButton = el('button', { type: 'button', class: 'small', 'data-testid': 'export-replay-json', title: 'what ccsim replay --json prints for this date, scenario, replications and seed' }, 'Export replay JSON');
    exportButton.addEventListener('click', () => downloadText(`${JSON.stringify(output, null, 2)}\n`, `replay-${output.dates[0] ?? 'date'}.json`, 'application/json'));
    const writeVerdict = () => {
      const summary = output.byType[this.type];
      verdict.replaceChildren(...(summary === undefined ? [] : replayVerdicts(summary).map((l) => el('li', {}, l))));
    };
    typeSelect.addEventListener('change', () => {
      this.type = typeSelect.value;
      writeVerdict();
      this.draw(this.width);
    });
    kpiSelect.addEventListener('change', () => {
      this.kpi = kpiSelect.value as ReplayKpi;
      this.draw(this.width);
    });
    writeVerdict();
    const extra = [...output.skipped.map((s) => `Skipped ${s.date}: ${s.reason}`), ...output.notes];
    replaceChildren(
      this.result,
      el('p', { class: 'replay-summary', 'data-testid': 'replay-summary' }, line),
      el(
        'div',
        { class: 'history-form' },
        el('div', { class: 'field' }, el('label', { for: 'replay-type' }, 'Contact type'), typeSelect),
        el('div', { class: 'field' }, el('label', { for: 'replay-kpi' }, 'KPI'), kpiSelect),
        exportButton,
      ),
      el('p', { class: 'hint' }, `Verdict for this date (intervals with at least ${output.minOffered} offered count; bias is simulated minus recorded):`),
      verdict,
      extra.length === 0 ? null : el('ul', { class: 'replay-notes' }, ...extra.map((n) => el('li', {}, n))),
    );
    this.draw(width);
  }

  draw(width: number): void {
    this.width = width;
    this.chart.replaceChildren();
    const output = this.output;
    if (output === null) return;
    const rows = output.rows.filter((r) => r.type === this.type);
    replayChart(this.chart, { rows, kpi: this.kpi, intervalMinutes: this.minutes, minOffered: output.minOffered, width, fileName: `replay-${output.dates[0] ?? ''}-${this.type}-${this.kpi}` });
  }

  /** A replay that could not be made: why, in the CLI's words. */
  showProblem(message: string): void {
    this.clear();
    this.result.replaceChildren(historyProblems('replay-error', 'Not replayed:', message));
  }

  clear(): void {
    this.output = null;
    this.result.replaceChildren();
    this.chart.replaceChildren();
  }

  private update(): void {
    this.replay.disabled = this.busy || this.date.options.length === 0 || this.scenario.value === '';
  }
}
