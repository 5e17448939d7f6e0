/**
 * History in the page (CONTRACT section 6 without a server): the files chosen in the left panel
 * are read and forecast in the history worker, "Fit" turns a skeleton scenario into a new card,
 * and "Replay" simulates one recorded date on the page's replication workers. Every step is a
 * task of the page's TaskRunner: one at a time, with the run panel's progress bar and Cancel
 * (which terminates the worker doing the work). The app wires this in with a few lines.
 */
import * as Comlink from 'comlink';
import type { Skeleton } from '../ui/historyFit.js';
import type { TaskRunner } from '../run/task.js';
import { HistoryInputError, HistoryWorkerClient, liveHistoryWorkers } from '../run/historyTask.js';
import type { ForecastReply, HistoryFiles, HistorySummary } from '../run/historyWorker.js';
import { liveWorkers } from '../run/browserRunner.js';
import { replayOnPool } from '../run/replayOnPool.js';
import { readScenarioUpload } from '../model/upload.js';
import { MAX_REPLICATIONS } from '../model/appState.js';
import { el } from '../ui/dom.js';
import { HistoryPanel } from '../ui/historyPanel.js';
import { historyProblems } from '../ui/historyProblems.js';
import type { CardChoice, ReplayRequest } from '../ui/historyReplay.js';
import { HistoryView } from '../ui/historyView.js';

/** What the page lends the flow. */
export interface HistoryHost {
  readonly tasks: TaskRunner;
  /** The run panel's progress bar and its text. */
  progress(value: number, max: number, text: string): void;
  status(text: string, kind: 'info' | 'error' | 'done'): void;
  /** Show `node` in the results column (in place of what is there). */
  show(node: HTMLElement): void;
  /** Show the results column's intro (the history view is gone). */
  showIntro(): void;
  /** The comparison's cards, validated. */
  cards(): readonly CardChoice[];
  /** Add a fitted scenario as a card; its index (null: only in the lists) and where it went, in words. */
  addFitted(fileName: string, raw: unknown): { readonly index: number | null; readonly where: string };
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(bytes < 1e7 ? 2 : 1);

export class HistoryFlow {
  readonly panel: HistoryPanel;
  private readonly client = new HistoryWorkerClient();
  private readonly view: HistoryView;
  private summary: HistorySummary | null = null;

  constructor(private readonly host: HistoryHost) {
    this.panel = new HistoryPanel({ onRead: (files) => void this.read(files), onShow: () => this.showView() });
    this.view = new HistoryView({
      onForecast: (days, weeks) => void this.forecast(days, weeks),
      onFit: (skeleton) => void this.fit(skeleton),
      onSkeletonFile: (file) => this.skeletonFile(file),
      onReplay: (request) => void this.replay(request),
      cards: () => host.cards(),
    });
  }

  /** The page's busy state (any task): the buttons that start one are disabled meanwhile. */
  setBusy(busy: boolean): void {
    this.panel.setBusy(busy);
    this.view.setBusy(busy);
    if (!busy) this.countWorkers();
  }

  /** For the tests: a history worker left running holds the tables read (one at most). */
  private countWorkers(): void {
    this.panel.element.dataset['liveWorkers'] = String(liveHistoryWorkers());
  }

  private showView(): void {
    this.host.show(this.view.element);
    this.view.replay.listCards();
    this.view.element.focus();
  }

  /** The worker was stopped (Cancel, a crash): its tables are gone, and so is the view on them. */
  private lost(): void {
    if (this.client.running) return;
    this.summary = null;
    this.panel.setShowable(false);
    this.host.showIntro();
  }

  private async read(files: HistoryFiles): Promise<void> {
    const names = [files.history, files.contacts, files.staff].filter((f) => f !== undefined).map((f) => f.name).join(', ');
    const { days, backtestWeeks } = this.view.forecast.settings;
    await this.host.tasks.run({
      name: 'Reading the history',
      work: async (signal) => {
        this.host.show(el('p', { class: 'running-note' }, `Reading ${names} in a Web Worker…`));
        this.host.progress(0, 1, 'reading…');
        this.host.status(`Reading ${names}…`, 'info');
        // A new read starts from fresh tables: the old worker (and its tables) goes.
        this.client.stop();
        this.summary = null;
        this.panel.setShowable(false);
        const progress = Comlink.proxy((file: string, read: number, total: number) => this.host.progress(read, total, `${file}: ${mb(read)} of ${mb(total)} MB read`));
        return inputProblem(async () => {
          const summary = await this.client.call(signal, (api) => api.read(files, progress));
          this.host.progress(1, 1, 'forecasting…');
          const forecast = await inputProblem(() => this.client.call(signal, (api) => api.forecast({ days, backtestWeeks })));
          return { summary, forecast };
        });
      },
      done: (read) => {
        if ('problem' in read) {
          this.client.stop();
          this.countWorkers();
          this.host.show(historyProblems('history-error', `The history was not read (nothing was added):`, read.problem));
          this.host.progress(0, 1, '');
          this.host.status(`${names}: not read; see the problems listed.`, 'error');
          return;
        }
        const { summary, forecast } = read;
        this.summary = summary;
        this.view.setSummary(summary);
        this.panel.setShowable(true);
        this.showView();
        this.showForecast(forecast);
        this.host.progress(1, 1, `${mb(summary.bytes)} MB read in ${summary.seconds.toFixed(1)} s`);
        this.host.status(`Read ${names}: ${summary.history.rows.toLocaleString('en-US')} interval rows, ${summary.history.firstDate} to ${summary.history.lastDate}.`, 'done');
      },
      cancelled: () => {
        this.lost();
        return 'Reading cancelled; the history worker was stopped.';
      },
      failed: () => {
        this.client.stop();
        this.countWorkers();
        this.lost();
      },
    });
  }

  private showForecast(reply: ForecastReply | { readonly problem: string }): void {
    if ('problem' in reply) this.view.forecast.showProblem(reply.problem);
    else this.view.forecast.show(reply, this.view.width);
  }

  private async forecast(days: number, backtestWeeks: number): Promise<void> {
    if (this.summary === null) return;
    await this.host.tasks.run({
      name: 'The forecast',
      work: (signal) => {
        this.host.status(`Forecasting ${days} days…`, 'info');
        return inputProblem(() => this.client.call(signal, (api) => api.forecast({ days, backtestWeeks })));
      },
      done: (reply) => {
        this.showForecast(reply);
        if ('problem' in reply) this.host.status('No forecast: see the problem listed.', 'error');
        else this.host.status(`Forecast of ${reply.json.days} days from ${reply.json.start}.`, 'done');
      },
      cancelled: () => {
        this.lost();
        return 'Forecast cancelled; the history worker was stopped: read the files again.';
      },
    });
  }

  /** An uploaded skeleton's JSON value, or null with its problems shown in the fit section. */
  private async skeletonFile(file: File): Promise<Skeleton | null> {
    const read = await readScenarioUpload(file);
    if (read.ok) return { name: file.name, raw: read.raw };
    this.view.fit.showProblem(`${file.name} is not a valid scenario; it was not chosen:`, read.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
    return null;
  }

  private async fit(skeleton: Skeleton): Promise<void> {
    if (this.summary === null) return;
    await this.host.tasks.run({
      name: 'The fit',
      work: (signal) => {
        this.host.status(`Fitting ${skeleton.name} to the history…`, 'info');
        return inputProblem(() => this.client.call(signal, (api) => api.fit(skeleton.raw, skeleton.name)));
      },
      done: (reply) => {
        if ('problem' in reply) {
          this.view.fit.showProblem(`${skeleton.name} was not fitted (no card was added):`, reply.problem);
          this.host.status(`${skeleton.name} was not fitted: see the problems listed.`, 'error');
          return;
        }
        const stem = skeleton.name.replace(/\.json$/i, '');
        const added = this.host.addFitted(`${stem}-fitted.json`, JSON.parse(reply.scenarioText) as unknown);
        this.view.fit.show(reply.output, skeleton.name, added.where);
        this.view.replay.listCards(added.index ?? undefined);
        this.host.status(`Fitted ${skeleton.name} to ${reply.output.estimates.date}: ${added.where}.`, 'done');
      },
      cancelled: () => {
        this.lost();
        return 'Fit cancelled; the history worker was stopped: read the files again.';
      },
      failed: () => this.view.fit.clear(),
    });
  }

  private async replay(request: ReplayRequest): Promise<void> {
    if (this.summary === null) return;
    const { replications, seed, date } = request;
    const choice = this.host.cards()[request.card];
    let workers = 0;
    let done = 0;
    let total = 0;
    await this.host.tasks.run({
      name: 'The replay',
      work: async (signal) => {
        // Shown beside the form, as the worker's refusals are.
        if (!Number.isInteger(replications) || replications < 1 || replications > MAX_REPLICATIONS) return { problem: `replications: must be an integer from 1 to ${MAX_REPLICATIONS}, got ${replications}` };
        if (!Number.isInteger(seed) || seed < 0) return { problem: `seed: must be an integer >= 0, got ${seed}` };
        const scenario = choice?.scenario ?? null;
        if (choice === undefined || scenario === null) return { problem: `${choice?.title ?? 'the scenario'}: has problems (listed above the cards); nothing was replayed` };
        this.view.replay.clear();
        this.host.status(`Replaying ${date} with ${scenario.name}: ${replications} replications, seed ${seed}…`, 'info');
        this.host.progress(0, 1, 'planning…');
        const progress = Comlink.proxy((file: string, read: number, all: number) => this.host.progress(read, all, `${file}: ${mb(read)} of ${mb(all)} MB read again on the scenario's ${scenario.intervalMinutes}-minute grid`));
        const planned = await inputProblem(() => this.client.call(signal, (api) => api.planReplay(scenario, date, progress)));
        if ('problem' in planned) return planned;
        const { plan } = planned;
        const started = performance.now();
        const output = await replayOnPool(plan, {
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
        return { output, scenario, seconds: (performance.now() - started) / 1000 };
      },
      done: (replayed) => {
        if ('problem' in replayed) {
          this.view.replay.showProblem(replayed.problem);
          this.host.progress(0, 1, '');
          this.host.status(`${date} was not replayed: see the problem listed.`, 'error');
          return;
        }
        const { output, scenario, seconds } = replayed;
        const line = `${output.dates[0] ?? date} replayed with “${output.scenario}” (${choice?.title ?? ''}): ${output.replications} replications, seed ${output.seed}, in ${seconds.toFixed(1)} s on ${workers} Web Worker${workers === 1 ? '' : 's'}.`;
        this.view.replay.show(output, scenario.intervalMinutes, line, this.view.width);
        this.host.status(`Replayed ${output.dates[0] ?? date}: see the band and the verdict.`, 'done');
      },
      cancelled: () => {
        this.lost();
        return `Replay cancelled after ${done} of ${total} replications; the workers were stopped (${liveWorkers()} running).`;
      },
    });
  }
}

/** `work`'s result, or the input problem it met (a bad row, an option out of range) as `{ problem }`. */
async function inputProblem<T>(work: () => Promise<T>): Promise<T | { readonly problem: string }> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HistoryInputError) return { problem: error.message };
    throw error;
  }
}
