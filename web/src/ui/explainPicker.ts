/**
 * The keyboard way into "Why does this interval miss?": which scenario (when several were run),
 * which interval (each marked when the run found it below target), which contact type (default:
 * the one furthest below its target, as `ccsim explain` without --type), how many replications,
 * and the Explain button. Filled from a run's results; a click on the service-level chart sets
 * the same fields (ExplainPicker.set).
 */
import { RUN_DEFAULTS } from '../../../src/experiment/runDefaults.js';
import { MAX_REPLICATIONS } from '../model/appState.js';
import { intervalLabels } from '../model/intervals.js';
import type { Results } from '../run/runExperiment.js';
import { el } from './dom.js';

/** What to explain. `type` absent: the type furthest below its target in the interval. */
export interface ExplainChoice {
  readonly scenario: number;
  readonly interval: number;
  readonly type?: string;
  /** Null when the field does not hold a whole number from 1 to MAX_REPLICATIONS. */
  readonly replications: number | null;
}

const WORST = '';

export class ExplainPicker {
  readonly element: HTMLElement;
  private readonly scenario = el('select', { id: 'explain-scenario', 'data-testid': 'explain-scenario' });
  private readonly interval = el('select', { id: 'explain-interval', 'data-testid': 'explain-interval' });
  private readonly type = el('select', { id: 'explain-type', 'data-testid': 'explain-type' });
  private readonly replications = el('input', {
    id: 'explain-replications',
    type: 'number',
    min: 1,
    max: MAX_REPLICATIONS,
    step: 1,
    value: RUN_DEFAULTS.explainReplications,
    'data-testid': 'explain-replications',
  });
  readonly button = el('button', { type: 'button', class: 'primary', 'data-testid': 'explain-button' }, 'Explain');
  private readonly scenarioField: HTMLElement;
  private results: Results | null = null;

  constructor(onExplain: () => void) {
    this.scenarioField = el('div', { class: 'field' }, el('label', { for: 'explain-scenario' }, 'Scenario'), this.scenario);
    this.element = el(
      'div',
      { class: 'explain-picker', role: 'group', 'aria-label': 'Interval to explain' },
      this.scenarioField,
      el('div', { class: 'field' }, el('label', { for: 'explain-interval' }, 'Interval'), this.interval),
      el('div', { class: 'field' }, el('label', { for: 'explain-type' }, 'Contact type'), this.type),
      el('div', { class: 'field' }, el('label', { for: 'explain-replications' }, 'Replications'), this.replications),
      this.button,
    );
    this.scenario.addEventListener('change', () => this.fill(this.scenarioIndex(), null, this.type.value));
    this.type.addEventListener('change', () => this.fill(this.scenarioIndex(), this.intervalIndex(), this.type.value));
    this.button.addEventListener('click', onExplain);
  }

  /** New results: list their scenarios, intervals and types (the replications typed stay). */
  setResults(r: Results): void {
    this.results = r;
    this.scenario.replaceChildren(...r.runs.map((run, i) => el('option', { value: i }, run.scenario)));
    this.scenarioField.hidden = r.runs.length < 2;
    this.fill(0, null, WORST);
  }

  /** Point the fields at interval `interval` of scenario `scenario` and type `type`. */
  set(scenario: number, interval: number, type: string): void {
    this.fill(scenario, interval, type);
  }

  value(): ExplainChoice {
    const r = this.replications.valueAsNumber;
    return {
      scenario: this.scenarioIndex(),
      interval: this.intervalIndex(),
      ...(this.type.value === WORST ? {} : { type: this.type.value }),
      replications: Number.isInteger(r) && r >= 1 && r <= MAX_REPLICATIONS ? r : null,
    };
  }

  /** The field to fix when the replications are not a whole number in range. */
  get replicationsField(): HTMLInputElement {
    return this.replications;
  }

  setBusy(busy: boolean): void {
    this.button.disabled = busy;
  }

  private scenarioIndex(): number {
    return Number(this.scenario.value) || 0;
  }

  private intervalIndex(): number {
    return Number(this.interval.value) || 0;
  }

  /**
   * Fill the interval and type lists for scenario `s`, keeping `interval` (null: the interval
   * furthest below target) and `type` (WORST: the type furthest below target) selected.
   */
  private fill(s: number, interval: number | null, type: string): void {
    const r = this.results;
    const scenario = r?.scenarios[s];
    const run = r?.runs[s];
    if (r === null || scenario === undefined || run === undefined) return;
    this.scenario.value = String(s);
    const types = scenario.contactTypes.map((t) => t.id);
    this.type.replaceChildren(
      el('option', { value: WORST }, 'furthest below its target'),
      ...types.map((id) => el('option', { value: id }, id)),
    );
    this.type.value = types.includes(type) ? type : WORST;
    const chosen = this.type.value;
    const labels = intervalLabels(scenario.start, scenario.intervalMinutes, scenario.intervals);
    // Per interval, the type furthest below its target in the run (or the chosen type) and by how much.
    const gaps = labels.map((_, iv) => {
      let worst: { id: string; sl: number; target: number } | null = null;
      for (const t of scenario.contactTypes) {
        if (chosen !== WORST && t.id !== chosen) continue;
        const sl = run.intervals[iv]?.byType[t.id]?.serviceLevel.mean;
        if (sl === undefined || sl === null) continue;
        if (worst === null || t.serviceLevel.target - sl > worst.target - worst.sl) worst = { id: t.id, sl, target: t.serviceLevel.target };
      }
      return worst;
    });
    this.interval.replaceChildren(
      ...labels.map((label, iv) => {
        const g = gaps[iv];
        const note = g !== null && g !== undefined && g.sl < g.target ? ` · below target (${g.id} ${(100 * g.sl).toFixed(0)}% < ${(100 * g.target).toFixed(0)}%)` : '';
        return el('option', { value: iv }, `${label}${note}`);
      }),
    );
    let pick = interval;
    if (pick === null || pick < 0 || pick >= labels.length) {
      // The interval furthest below its target in the run; none below: the first.
      let most = 0;
      pick = 0;
      gaps.forEach((g, iv) => {
        if (g !== null && g.target - g.sl > most) {
          most = g.target - g.sl;
          pick = iv;
        }
      });
    }
    this.interval.value = String(pick);
  }
}
