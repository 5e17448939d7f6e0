/**
 * "Why does this interval miss?" in the page (CONTRACT section 11, `ccsim explain`): a section of
 * the results with a picker (ui/explainPicker.ts) and the answer (ui/explainView.ts). The
 * service-level chart's click (or Enter on it) sets the picker and explains at once. The work is
 * a task of the page's TaskRunner (one at a time, the run panel's progress bar and Cancel) on the
 * page's replication Web Workers (run/explainOnPool.ts), with the run's seed and the picker's
 * replications (default RUN_DEFAULTS.explainReplications, the CLI's), so the document equals
 * `ccsim explain --seed S --replications N --json` for the same scenario JSON.
 * The app wires this in with a few lines; the section survives the results' redraws.
 */
import { ExplainInputError, type ExplainOutput } from '../../../src/optimize/explain.js';
import { MAX_REPLICATIONS } from '../model/appState.js';
import { intervalLabels, intervalRange } from '../model/intervals.js';
import { explainOnPool, type ExplainResult } from '../run/explainOnPool.js';
import { liveWorkers } from '../run/browserRunner.js';
import type { Results } from '../run/runExperiment.js';
import type { TaskRunner } from '../run/task.js';
import { el } from '../ui/dom.js';
import { ExplainPicker } from '../ui/explainPicker.js';
import { explainView } from '../ui/explainView.js';
import { sizeRefusal } from '../ui/runChecks.js';
import '../ui/explain.css';

/** What the page lends the flow. */
export interface ExplainHost {
  /** The page's TaskRunner (a getter: the app makes it after this flow). */
  tasks(): TaskRunner;
  /** The run panel's progress bar and its text. */
  progress(value: number, max: number, text: string): void;
  status(text: string, kind: 'info' | 'error' | 'done'): void;
}

/** An answer shown, with what it needs to be drawn again at another width. */
interface Shown {
  readonly result: ExplainResult;
  readonly range: string;
  readonly command: string;
}

export class ExplainFlow {
  readonly element: HTMLElement;
  private readonly picker = new ExplainPicker(() => void this.explain());
  private readonly output = el('div', { class: 'explain-output', 'data-testid': 'explain-output', tabindex: -1, 'aria-live': 'polite' });
  private results: Results | null = null;
  private width = 0;
  private shown: Shown | null = null;

  constructor(private readonly host: ExplainHost) {
    this.element = el(
      'section',
      { class: 'explain', 'data-testid': 'explain', 'aria-labelledby': 'explain-heading' },
      el('h2', { id: 'explain-heading' }, 'Why does an interval miss?'),
      el(
        'p',
        { class: 'hint explain-intro' },
        'Pick an interval (or click one in the service-level chart, or press Enter on it) and Explain: paired runs on the same customers, each removing one cause alone (staff below the Erlang A requirement, the queue carried over from earlier, bot escalations in a wave), split its shortfall into what each cause costs, largest first, as ccsim explain does. It uses the run’s seed.',
      ),
      this.picker.element,
      this.output,
    );
  }

  /**
   * The section for results `r`, drawn `width` px wide: new results clear the answer; the same
   * results keep it (drawn again when the width changed).
   */
  section(r: Results, width: number): HTMLElement {
    if (r !== this.results) {
      this.results = r;
      this.shown = null;
      this.output.replaceChildren();
      this.picker.setResults(r);
    } else if (width !== this.width && this.shown !== null) {
      this.width = width;
      this.draw(this.shown);
    }
    this.width = width;
    this.picker.setBusy(this.host.tasks().busy);
    return this.element;
  }

  /** A click (or Enter) on interval `interval` of the service-level chart of `type`: explain it. */
  pick(interval: number, type: string): void {
    const r = this.results;
    if (r === null || this.host.tasks().busy) return;
    const base = r.scenarios[0]!;
    // The chart's intervals are the baseline's: another scenario with other intervals falls back to it.
    let s = this.picker.value().scenario;
    const chosen = r.scenarios[s];
    if (chosen === undefined || chosen.start !== base.start || chosen.intervalMinutes !== base.intervalMinutes || chosen.intervals !== base.intervals) s = 0;
    this.picker.set(s, interval, type);
    void this.explain();
  }

  setBusy(busy: boolean): void {
    this.picker.setBusy(busy);
  }

  private async explain(force = false): Promise<void> {
    const r = this.results;
    const tasks = this.host.tasks();
    if (r === null || tasks.busy) return;
    const choice = this.picker.value();
    const scenario = r.scenarios[choice.scenario];
    const seed = r.runs[choice.scenario]?.seed;
    if (scenario === undefined || seed === undefined) return;
    if (choice.replications === null) {
      this.output.replaceChildren(el('p', { class: 'error-lead', role: 'alert', 'data-testid': 'explain-problem' }, `Replications: enter a whole number from 1 to ${MAX_REPLICATIONS}.`));
      this.host.status(`Not explained: the replications are not a whole number from 1 to ${MAX_REPLICATIONS}.`, 'error');
      this.picker.replicationsField.focus();
      return;
    }
    const replications = choice.replications;
    // As the Node API: a baseline and up to four counterfactual runs of the same replications.
    const refusal = sizeRefusal([scenario], replications * 5, force, () => void this.explain(true));
    if (refusal !== null) {
      this.output.replaceChildren(refusal.element);
      this.host.status(refusal.status, 'error');
      return;
    }
    const labels = intervalLabels(scenario.start, scenario.intervalMinutes, scenario.intervals);
    const range = intervalRange(labels, choice.interval, scenario.intervalMinutes);
    const what = `${range} of ${scenario.name}`;
    let workers = 0;
    let done = 0;
    let total = 0;
    await tasks.run({
      name: 'Explain',
      work: async (signal) => {
        this.shown = null;
        this.output.replaceChildren(el('p', { class: 'running-note' }, `Explaining ${what}: a baseline and one paired run per cause, ${replications} replications each, in Web Workers…`));
        this.host.progress(0, 1, `explaining ${range}…`);
        this.host.status(`Explaining ${what} (${replications} replications per run, seed ${seed})…`, 'info');
        try {
          return await explainOnPool(scenario, {
            interval: choice.interval,
            ...(choice.type === undefined ? {} : { type: choice.type }),
            replications,
            seed,
            signal,
            onStart: (n) => (workers = n),
            onProgress: (d, t) => {
              done = d;
              total = t;
              this.host.progress(d, t, `${d} / ${t} replications · ${workers} worker${workers === 1 ? '' : 's'}`);
            },
          });
        } catch (error) {
          // Nothing to explain (no contacts in the interval, ...): said in the section, not a failure.
          if (error instanceof ExplainInputError) return error;
          throw error;
        }
      },
      done: (result) => {
        if (result instanceof ExplainInputError) {
          this.output.replaceChildren(el('p', { class: 'note', 'data-testid': 'explain-problem' }, `${result.message}.`));
          this.host.status(`Not explained: ${result.message}.`, 'error');
          return;
        }
        this.shown = { result, range, command: command(result.output, choice.type !== undefined) };
        this.draw(this.shown);
        this.host.progress(1, 1, `${total} replications · ${result.workers} worker${result.workers === 1 ? '' : 's'}`);
        this.host.status(`Explained ${what} in ${result.seconds.toFixed(1)} s: ${result.output.summary}`, 'done');
        this.output.focus({ preventScroll: true });
        this.output.scrollIntoView({ block: 'start' });
      },
      cancelled: () => {
        this.output.replaceChildren();
        this.host.progress(0, 1, '');
        return `Explain cancelled after ${done} of ${total} replications; the workers were stopped (${liveWorkers()} running).`;
      },
      failed: () => this.output.replaceChildren(),
    });
  }

  private draw(shown: Shown): void {
    const { result, range, command } = shown;
    this.output.replaceChildren(explainView(result.output, { width: Math.max(260, this.width - 28), range, workers: result.workers, seconds: result.seconds, command }));
  }
}

/** The `ccsim explain` command line that prints `out` (`--type` when one was chosen). */
function command(out: ExplainOutput, typed: boolean): string {
  return [
    'ccsim explain <scenario.json>',
    `--interval ${out.interval}`,
    out.multiDay ? `--day ${out.day}` : '',
    typed ? `--type ${out.type}` : '',
    `--replications ${out.replications}`,
    `--seed ${out.seed}`,
    '--json',
  ]
    .filter((part) => part !== '')
    .join(' ');
}
