/**
 * The page: scenario cards (bundled or uploaded, with what-if knobs) on the left, a run on a pool
 * of Web Workers, and the comparison on the right. State lives here; the URL hash mirrors it.
 * Runs and staffing searches go through one TaskRunner (run/task.ts); the results column is
 * ui/resultsColumn.ts; the knobs are the table in model/knobs.ts.
 */
import { ScenarioError, type Scenario, type ScenarioIssue } from '../../src/scenario/index.js';
import { defaultState, isUpload, MAX_SCENARIOS, type AppState } from './model/appState.js';
import { emptyKnobs, multiplierQuestions } from './model/knobs.js';
import { foundStaffingReport } from './run/foundStaffing.js';
import { forecastPrompt, forecastWanted, prepareScenario, type Prepared } from './model/prepare.js';
import { Sources } from './model/sources.js';
import { readScenarioUpload, uploadedText } from './model/upload.js';
import { decodeState, encodeState } from './model/urlState.js';
import { downloadText } from './export/download.js';
import { ExplainFlow } from './explain/explainFlow.js';
import { HistoryFlow } from './history/historyFlow.js';
import { IntradayFlow } from './intraday/intradayFlow.js';
import { liveWorkers } from './run/browserRunner.js';
import { findStaffing } from './run/findStaffing.js';
import { liveRosterWorkers, rosterInWorker } from './run/rosterTask.js';
import { runExperiment } from './run/runExperiment.js';
import { TaskRunner } from './run/task.js';
import { el } from './ui/dom.js';
import { ErrorBox, type IssueGroup } from './ui/errorBox.js';
import { badKnobInputs } from './ui/knobForm.js';
import { pageLayout } from './ui/pageLayout.js';
import { ResultsColumn } from './ui/resultsColumn.js';
import { rosterView } from './ui/rosterView.js';
import { multiplierConfirm, sizeRefusal } from './ui/runChecks.js';
import { RunPanel } from './ui/runPanel.js';
import { cardTitle, scenarioCard } from './ui/scenarioCard.js';
import { BuilderView } from './ui/builderView.js';

interface Pending {
  readonly fileName: string;
  readonly issues: readonly ScenarioIssue[];
  /** What the file was refused as, for the message title. */
  readonly refused?: string;
}

export class App {
  private readonly sources = new Sources();
  private state: AppState;
  private uploadProblem: Pending | null = null;
  private linkIssues: ScenarioIssue[] = [];
  private writtenHash = '';

  private readonly cards = el('div', { class: 'cards' });
  private readonly errors = new ErrorBox();
  private readonly runPanel: RunPanel;
  /** Runs and staffing searches: one at a time, with the run panel's Cancel. */
  private readonly tasks: TaskRunner;
  /** Forecast, fit and replay from history files (history/historyFlow.ts). */
  private readonly history: HistoryFlow;
  /** "From now" on a card: the rest of the day from a state of now (intraday/intradayFlow.ts). */
  private readonly intraday: IntradayFlow = new IntradayFlow({
    sources: this.sources,
    cards: () => this.sync().prepared.map((prepared, i) => ({ source: this.state.cards[i]!.source, prepared })),
    busy: () => this.tasks.busy,
    show: (node) => this.results.clear(node),
    status: (text, kind) => this.runPanel.setStatus(text, kind),
    addCard: (key) => {
      const index = this.addSourceCard(key);
      this.renderCards();
      return index;
    },
    run: (only) => void this.run(false, false, only),
  });
  /** "Why does an interval miss?" under the results' charts (explain/explainFlow.ts). */
  private readonly explain = new ExplainFlow({
    tasks: () => this.tasks,
    progress: (value, max, text) => this.runPanel.setProgressText(value, max, text),
    status: (text, kind) => this.runPanel.setStatus(text, kind),
  });
  private readonly results = new ResultsColumn({
    type: () => this.state.type,
    onType: (type) => {
      this.state.type = type;
      this.writeHash();
    },
    onFindStaffing: (i) => void this.findStaffing(i),
    busy: () => this.tasks.busy,
    notInLink: () => this.state.cards.some((c) => (isUpload(c.source) && this.sources.tokenOf(c.source) === undefined) || c.forecast !== undefined),
    explain: this.explain,
  });
  private readonly addButton = el('button', { type: 'button', class: 'secondary', 'data-testid': 'add-scenario' }, '+ Add a scenario to compare');
  private readonly upload = el('input', { id: 'upload', type: 'file', accept: '.json,application/json', 'data-testid': 'upload' });
  private readonly buildButton = el('button', { type: 'button', class: 'secondary', 'data-testid': 'build-scenario' }, 'Build a scenario…');
  /** The scenario builder (ui/builderView.ts), made when first opened; it keeps its document. */
  private builder: BuilderView | null = null;

  constructor(root: HTMLElement) {
    const ids = this.sources.bundledKeys();
    const decoded = decodeState(location.hash, ids, this.sources);
    this.state = { ...defaultState(ids), ...decoded.state };
    this.linkIssues = decoded.issues;
    this.runPanel = new RunPanel({
      onRun: () => void this.run(),
      onCancel: () => this.tasks.cancel(),
      onSettings: (replications, seed) => {
        if (replications !== null) this.state.replications = replications;
        if (seed !== null) this.state.seed = seed;
        this.sync();
      },
    });
    this.tasks = new TaskRunner({
      setBusy: (busy) => {
        this.runPanel.setRunning(busy);
        this.results.setBusy(busy);
        this.cards.querySelectorAll<HTMLButtonElement>('.roster-button').forEach((b) => (b.disabled = busy));
        this.history.setBusy(busy);
        this.explain.setBusy(busy);
        if (!busy) this.runPanel.status.dataset['liveWorkers'] = String(liveWorkers() + liveRosterWorkers());
      },
      setStatus: (text, kind) => this.runPanel.setStatus(text, kind),
      showFailure: (message) => {
        this.errors.show([], message);
        this.reveal(this.errors.element);
      },
    });
    this.history = new HistoryFlow({
      tasks: this.tasks,
      progress: (value, max, text) => this.runPanel.setProgressText(value, max, text),
      status: (text, kind) => this.runPanel.setStatus(text, kind),
      show: (node) => this.results.clear(node),
      showIntro: () => this.results.showIntro(),
      cards: () => this.sync().prepared.map((p, i) => ({ title: cardTitle(i), label: this.sources.get(this.state.cards[i]!.source)?.label ?? '?', scenario: p.ok ? p.scenario : null })),
      addFitted: (fileName, raw) => {
        const index = this.addSourceCard(this.sources.addUpload(fileName, raw, 'fitted'));
        this.renderCards();
        return { index, where: index === null ? IN_THE_LISTS : `${addedAs(index)}: press Run to compare` };
      },
    });
    this.runPanel.setSettings(this.state.replications, this.state.seed);
    this.addButton.addEventListener('click', () => this.addCard());
    this.buildButton.addEventListener('click', () => this.openBuilder());
    this.upload.addEventListener('change', () => void this.onUpload());
    window.addEventListener('hashchange', () => this.onHashChange());
    pageLayout(root, {
      cards: this.cards,
      addButton: el('div', { class: 'add-buttons' }, this.addButton, this.buildButton),
      upload: this.upload,
      history: this.history.panel.element,
      errors: this.errors.element,
      runPanel: this.runPanel.element,
      main: this.results.element,
    });
    this.renderCards();
    new ResizeObserver(() => this.measureRunPanel()).observe(this.runPanel.element);
    if (decoded.run) void this.run();
  }

  private renderCards(): void {
    this.cards.replaceChildren();
    this.state.cards.forEach((card, i) => {
      this.cards.appendChild(
        scenarioCard(i, card, this.sources, {
          onSource: (source) => {
            card.source = source;
            card.knobs = emptyKnobs();
            delete card.forecast;
            this.uploadProblem = null;
            this.renderCards();
          },
          onKnobs: () => this.sync(),
          onRemove: this.state.cards.length > 1 ? () => this.removeCard(i) : null,
          onDownload: () => this.downloadScenario(i),
          onForecast: (file) => void this.onForecast(i, file),
          onRoster: () => void this.roster(i),
          onFromNow: this.intraday.isFromNow(card.source) ? null : () => this.intraday.open(i),
          busy: this.tasks.busy,
        }),
      );
    });
    this.addButton.disabled = this.state.cards.length >= MAX_SCENARIOS;
    this.sync();
  }

  private addCard(): void {
    const last = this.state.cards[this.state.cards.length - 1];
    this.state.cards.push({ source: last?.source ?? this.sources.bundledKeys()[0] ?? '', knobs: emptyKnobs() });
    this.renderCards();
    const selects = this.cards.querySelectorAll('select');
    selects[selects.length - 1]?.focus();
  }

  /**
   * A card for the new source `key` (an upload, a plan found), and its index; null when the page
   * already has MAX_SCENARIOS cards: the source is then only in the lists.
   */
  private addSourceCard(key: string): number | null {
    if (this.state.cards.length >= MAX_SCENARIOS) return null;
    this.state.cards.push({ source: key, knobs: emptyKnobs() });
    return this.state.cards.length - 1;
  }

  private removeCard(i: number): void {
    this.state.cards.splice(i, 1);
    this.renderCards();
  }

  /** Validate every card; show the problems; mirror the state in the URL. */
  private sync(): { prepared: Prepared[]; groups: IssueGroup[] } {
    const prepared = this.state.cards.map((card) => {
      const info = this.sources.get(card.source);
      if (info === undefined) return { ok: false as const, issues: [{ path: '(scenario)', message: `unknown scenario "${card.source}"` }] };
      return this.intraday.prepare(card.source, prepareScenario(info.raw, card.knobs, card.forecast ?? info.forecast));
    });
    const groups: IssueGroup[] = [];
    if (this.linkIssues.length > 0) {
      groups.push({ title: 'The link has settings this page cannot use (they were ignored):', issues: this.linkIssues, dismiss: () => ((this.linkIssues = []), this.sync()) });
    }
    if (this.uploadProblem !== null) {
      groups.push({
        title: `${this.uploadProblem.fileName} ${this.uploadProblem.refused ?? 'is not a valid scenario; it was not added'}:`,
        issues: this.uploadProblem.issues,
        dismiss: () => ((this.uploadProblem = null), this.sync()),
      });
    }
    const cardNodes = this.cards.querySelectorAll('.scenario-card');
    prepared.forEach((p, i) => {
      const node = cardNodes[i];
      const issues = [...(node === undefined ? [] : badKnobInputs(node)), ...(p.ok ? [] : p.issues)];
      if (issues.length > 0) groups.push({ title: `${cardTitle(i)} (${this.sources.get(this.state.cards[i]!.source)?.label ?? '?'}):`, issues });
      node?.toggleAttribute('data-invalid', !p.ok);
    });
    this.errors.show(groups);
    this.runPanel.setRunLabel(this.state.cards.length);
    this.writeHash();
    return { prepared, groups };
  }

  private writeHash(): void {
    const hash = encodeState(this.state, {}, this.sources);
    if (hash !== location.hash) history.replaceState(null, '', hash);
    this.writtenHash = hash;
  }

  private onHashChange(): void {
    if (location.hash === this.writtenHash) return;
    const decoded = decodeState(location.hash, this.sources.bundledKeys(), this.sources);
    this.state = { ...defaultState(this.sources.bundledKeys()), ...decoded.state };
    this.linkIssues = decoded.issues;
    this.runPanel.setSettings(this.state.replications, this.state.seed);
    this.renderCards();
    if (decoded.run) void this.run();
  }

  private async onUpload(): Promise<void> {
    const file = this.upload.files?.[0];
    if (file === undefined) return;
    this.upload.value = '';
    const read = await readScenarioUpload(file);
    if (!read.ok) {
      this.uploadProblem = { fileName: file.name, issues: read.issues };
      this.runPanel.setStatus(`${file.name} was not added: see the problems listed above.`, 'error');
      this.sync();
      this.reveal(this.errors.element);
      return;
    }
    this.uploadProblem = null;
    const card = this.addSourceCard(this.sources.addUpload(file.name, read.raw));
    if (card === null) this.runPanel.setStatus(`${file.name} was ${IN_THE_LISTS}.`, 'info');
    else {
      const wanted = forecastWanted(read.raw, undefined);
      const ask = wanted === undefined ? '' : ` ${forecastPrompt(wanted)} (“Forecast CSV” under “What if…” on its card).`;
      this.runPanel.setStatus(`${file.name} was ${addedAs(card)}.${ask}`, 'info');
    }
    this.renderCards();
  }

  /** Merge an uploaded forecast CSV into card i's scenario (or drop it: null); problems show like any other. */
  private async onForecast(i: number, file: File | null): Promise<void> {
    const card = this.state.cards[i];
    if (card === undefined) return;
    if (file === null) delete card.forecast;
    else {
      try {
        card.forecast = { fileName: file.name, text: await uploadedText(file, 'forecast', `${file.name}: `) };
        this.uploadProblem = null;
      } catch (error) {
        if (!(error instanceof ScenarioError)) throw error;
        // Like a scenario upload that is not valid: listed above the cards, nothing attached.
        this.uploadProblem = { fileName: file.name, issues: error.issues, refused: 'cannot be read as a forecast; it was not attached' };
        this.runPanel.setStatus(`${file.name} was not attached: see the problems listed above.`, 'error');
      }
    }
    this.renderCards();
    // A file that cannot be read, or whose rows do not fit the scenario: show why.
    if (file !== null && !this.errors.element.hidden) this.reveal(this.errors.element);
  }

  private downloadScenario(i: number): void {
    const { prepared } = this.sync();
    const p = prepared[i];
    if (p === undefined || !p.ok) {
      this.runPanel.setStatus(`${cardTitle(i)} has problems (listed above); nothing was saved.`, 'error');
      this.reveal(this.errors.element);
      return;
    }
    const id = this.state.cards[i]!.source.replace(/^upload:/, 'uploaded-');
    downloadText(`${JSON.stringify(p.scenario, null, 2)}\n`, `${id}${i > 0 ? `-${i + 1}` : ''}.json`, 'application/json');
  }

  /**
   * Validate, then simulate on Web Workers; the main thread only reduces results and draws.
   * A run above the CLI's run-size limits waits for "Run anyway" (`force`), as `--force` does;
   * one beyond the hard limits is refused outright. A what-if multiplier that looks like a
   * percentage (×110) is asked about first (`confirmed` once answered).
   */
  private async run(force = false, confirmed = force, only?: readonly number[]): Promise<void> {
    if (this.tasks.busy) return;
    const { prepared, groups } = this.sync();
    if (groups.length > 0) {
      this.errors.show(groups, 'Nothing was run. Fix these problems first:');
      this.runPanel.setStatus('Not run: the input has problems (listed above).', 'error');
      this.reveal(this.errors.element);
      return;
    }
    if (!confirmed && !this.multipliersConfirmed()) return;
    const picked = only ?? this.intraday.pick(); // a rest of the day is compared only with cards of its intervals
    if (picked === null) return;
    const scenarios = uniqueNames(picked.map((i) => (prepared[i] as { scenario: Scenario }).scenario));
    const { replications, seed } = this.state;
    const refusal = sizeRefusal(scenarios, replications, force, () => void this.run(true));
    if (refusal !== null) {
      this.results.show(refusal.element);
      this.runPanel.setStatus(refusal.status, 'error');
      this.reveal(refusal.element);
      return;
    }
    const many = scenarios.length > 1 ? 's' : '';
    const total = scenarios.length * replications;
    const link = this.shareLink();
    let workers = 0;
    let done = 0;
    await this.tasks.run({
      name: 'The run',
      work: (signal) => {
        this.results.clear(el('p', { class: 'running-note' }, `Simulating ${scenarios.length} scenario${many} × ${replications} replications in Web Workers…`));
        this.runPanel.setProgress(0, total);
        this.runPanel.setStatus('Running…');
        return runExperiment(scenarios, {
          replications,
          seed,
          signal,
          onStart: (n) => (workers = n),
          onProgress: (d, t) => {
            done = d;
            this.runPanel.setProgress(d, t, ` · ${workers} worker${workers === 1 ? '' : 's'}`);
          },
        });
      },
      done: (results) => {
        this.runPanel.setStatus(`Done: ${scenarios.length} scenario${many} × ${replications} replications in ${results.seconds.toFixed(1)} s.`, 'done');
        this.results.showResults(results, link);
      },
      cancelled: () => {
        this.results.showIntro();
        return `Cancelled after ${done} of ${total} replications; the workers were stopped (${liveWorkers()} running).`;
      },
      failed: () => this.results.clear(),
    });
  }

  /**
   * True when no card has a multiplier that looks like a percentage (×110); else false, with the
   * question shown: run as typed, or with the multipliers those percentages mean.
   */
  private multipliersConfirmed(): boolean {
    const asked = this.state.cards.flatMap((card, i) => multiplierQuestions(card.knobs).map((question) => ({ card: i, question })));
    if (asked.length === 0) return true;
    const box = multiplierConfirm(
      asked,
      () => void this.run(false, true),
      () => {
        for (const { card, question: q } of asked) this.state.cards[card]!.knobs[q.knob] = q.suggested;
        this.renderCards();
        void this.run(false, true);
      },
    );
    this.results.show(box);
    this.runPanel.setStatus('Not run yet: a what-if multiplier looks like a percentage (see the question).', 'error');
    this.reveal(box);
    return false;
  }

  /**
   * Scroll `element` (a message) into view clear of the sticky run panel, which sits over the
   * bottom of the window: the message's bottom scroll margin is the panel's room (styles.css).
   */
  private reveal(element: HTMLElement): void {
    this.measureRunPanel(); // now: the status just set may have changed its height
    element.scrollIntoView({ block: 'nearest' });
  }

  /**
   * The room the sticky run panel takes at the bottom of the window, as the CSS variable
   * --run-panel-space: messages keep that much scroll margin and the error box fits above it.
   */
  private measureRunPanel(): void {
    document.documentElement.style.setProperty('--run-panel-space', `${this.runPanel.element.offsetHeight + RUN_PANEL_CLEARANCE}px`);
  }

  /**
   * Search scenario i's staffing by simulation (ccsim staff) on the Web Workers, with the run
   * panel's progress bar and Cancel; the staffed scenario becomes a new card to compare.
   */
  private async findStaffing(i: number): Promise<void> {
    const scenario = this.results.shown?.scenarios[i];
    if (this.tasks.busy || scenario === undefined) return;
    const { replications, seed } = this.state;
    let workers = 0;
    let simulations = 0;
    await this.tasks.run({
      name: 'The staffing search',
      work: (signal) => {
        this.runPanel.setProgressText(0, 1, 'Starting the staffing search…');
        this.runPanel.setStatus(`Finding the staffing of ${scenario.name} by simulation (${replications} replications per candidate plan, seed ${seed})…`);
        return findStaffing(scenario, {
          replications,
          seed,
          signal,
          onStart: (n) => (workers = n),
          onProgress: (k, fraction, bound) => {
            simulations = k;
            this.runPanel.setProgressText(k - 1 + fraction, bound, `simulation ${k} of at most ${bound} · ${workers} worker${workers === 1 ? '' : 's'}`);
          },
        });
      },
      done: (found) => {
        const report = foundStaffingReport(scenario, found, replications, seed, simulations);
        const card = this.addSourceCard(this.sources.addUpload(report.fileName, report.raw, 'found'));
        this.renderCards();
        this.runPanel.setProgressText(1, 1, report.progress);
        this.runPanel.setStatus(report.status(card === null ? IN_THE_LISTS : `${addedAs(card)}: press Run to compare`), report.met ? 'done' : 'error');
      },
      cancelled: () => `Staffing search cancelled during simulation ${simulations}; the workers were stopped (${liveWorkers()} running).`,
    });
  }

  /**
   * Roster card i's scenario (ccsim roster: its agents on its shift templates) with HiGHS in a
   * Web Worker; the run panel's Cancel terminates the worker. The roster replaces the results.
   */
  private async roster(i: number): Promise<void> {
    if (this.tasks.busy) return;
    const p = this.sync().prepared[i];
    if (p === undefined || !p.ok) {
      this.runPanel.setStatus(`${cardTitle(i)} has problems (listed above); nothing was rostered.`, 'error');
      this.reveal(this.errors.element);
      return;
    }
    const { scenario } = p;
    const what = `${scenario.agents?.length ?? 0} agents of ${scenario.name} on ${scenario.shiftTemplates?.length ?? 0} shift templates`;
    await this.tasks.run({
      name: 'The roster',
      work: (signal) => {
        this.results.clear(el('p', { class: 'running-note' }, `Rostering ${what} with HiGHS in a Web Worker…`));
        this.runPanel.setProgressText(0, 1, 'solving the roster…');
        this.runPanel.setStatus(`Rostering ${what}…`);
        return rosterInWorker(scenario, signal);
      },
      done: (result) => {
        this.runPanel.setProgressText(1, 1, 'roster solved');
        this.runPanel.setStatus(`Roster of ${scenario.name}: ${result.roster.shifts.length} shifts in ${result.seconds.toFixed(1)} s.`, 'done');
        this.results.clear(rosterView(result));
      },
      cancelled: () => {
        this.runPanel.setProgressText(0, 1, '');
        this.results.showIntro();
        return 'Roster cancelled; its worker was stopped.';
      },
      failed: () => this.results.clear(),
    });
  }

  /** Show the scenario builder in the results column; a scenario it hands over becomes a card. */
  private openBuilder(): void {
    this.builder ??= new BuilderView(this.sources, {
      onUse: (raw, scenario) => {
        const card = this.addSourceCard(this.sources.addUpload(`${scenario.name}.json`, raw, 'built'));
        this.renderCards();
        return `${scenario.name} was ${card === null ? IN_THE_LISTS : `${addedAs(card)}: press Run to simulate it`}.`;
      },
    });
    this.results.clear(this.builder.element);
    this.builder.element.querySelector<HTMLElement>('h2')?.scrollIntoView({ block: 'start' });
  }

  private shareLink(): string {
    return `${location.origin}${location.pathname}${encodeState(this.state, { run: '1' }, this.sources)}`;
  }

}

/** Give repeated scenario names a suffix so tables and legends tell them apart. */
function uniqueNames(scenarios: Scenario[]): Scenario[] {
  const seen = new Map<string, number>();
  return scenarios.map((s) => {
    const n = (seen.get(s.name) ?? 0) + 1;
    seen.set(s.name, n);
    return n === 1 ? s : { ...s, name: `${s.name} #${n}` };
  });
}

/** Where a new source went when it got card `index`. */
const addedAs = (index: number) => `added as ${cardTitle(index).toLowerCase()}`;
/** Where a new source went when the page had no room for another card. */
const IN_THE_LISTS = `added to the scenario lists (already ${MAX_SCENARIOS} scenarios: pick it in one of them)`;

/** Space kept between a revealed message and the sticky run panel (its 8 px offset and a gap), px. */
const RUN_PANEL_CLEARANCE = 24;
