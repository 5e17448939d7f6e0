/**
 * The page: scenario cards (bundled or uploaded, with what-if knobs) on the left, a run on a pool
 * of Web Workers, and the comparison on the right. State lives here; the URL hash mirrors it.
 */
import { AbortError, assertSimulable, checkRunSize, FORCE_ADVICE, RunTooLargeError } from '../../src/experiment/index.js';
import { forecastFileOf, parseScenarioText, ScenarioError, utf8Text, type Scenario, type ScenarioIssue } from '../../src/scenario/index.js';
import { scanJson } from '../../src/scenario/jsonText.js';
import { missSummary } from '../../src/optimize/missSummary.js';
import { defaultState, isUpload, MAX_SCENARIOS, type AppState } from './model/appState.js';
import { describeKnobs, emptyKnobs, multiplierQuestions } from './model/knobs.js';
import { forecastPrompt, forecastWanted, prepareScenario, type Prepared } from './model/prepare.js';
import { Sources } from './model/sources.js';
import { decodeState, encodeState } from './model/urlState.js';
import { downloadText } from './export/download.js';
import { liveWorkers } from './run/browserRunner.js';
import { findStaffing } from './run/findStaffing.js';
import { staffingAgainstRequirement } from './model/staffing.js';
import { runExperiment, type Results } from './run/runExperiment.js';
import { append, el } from './ui/dom.js';
import { ErrorBox, type IssueGroup } from './ui/errorBox.js';
import type { BadInputs } from './ui/knobForm.js';
import { resultsView } from './ui/resultsView.js';
import { RunPanel } from './ui/runPanel.js';
import { cardTitle, scenarioCard } from './ui/scenarioCard.js';

interface Pending {
  readonly fileName: string;
  readonly issues: readonly ScenarioIssue[];
  /** What the file was refused as, for the message title. */
  readonly refused?: string;
}

export class App {
  private readonly sources = new Sources();
  private state: AppState;
  private bad: BadInputs[] = [];
  private uploadProblem: Pending | null = null;
  private linkIssues: ScenarioIssue[] = [];
  private results: Results | null = null;
  private resultsLink = '';
  private controller: AbortController | null = null;
  /** A staffing search (not a run) holds the controller. */
  private searching = false;
  private writtenHash = '';
  private renderedWidth = 0;

  private readonly cards = el('div', { class: 'cards' });
  private readonly errors = new ErrorBox();
  private readonly runPanel: RunPanel;
  private readonly main = el('main', { class: 'main', id: 'main', tabindex: -1 });
  private readonly addButton = el('button', { type: 'button', class: 'secondary', 'data-testid': 'add-scenario' }, '+ Add a scenario to compare');
  private readonly upload = el('input', { id: 'upload', type: 'file', accept: '.json,application/json', 'data-testid': 'upload' });

  constructor(private readonly root: HTMLElement) {
    const ids = this.sources.bundledKeys();
    this.state = defaultState(ids);
    const decoded = decodeState(location.hash, ids);
    this.state = { ...this.state, ...decoded.state };
    this.linkIssues = decoded.issues;
    this.bad = this.state.cards.map(() => new Map());
    this.runPanel = new RunPanel({
      onRun: () => void this.run(),
      onCancel: () => this.controller?.abort(new Error('cancelled')),
      onSettings: (replications, seed) => {
        if (replications !== null) this.state.replications = replications;
        if (seed !== null) this.state.seed = seed;
        this.sync();
      },
    });
    this.runPanel.setSettings(this.state.replications, this.state.seed);
    this.addButton.addEventListener('click', () => this.addCard());
    this.upload.addEventListener('change', () => void this.onUpload());
    window.addEventListener('hashchange', () => this.onHashChange());
    this.layout();
    this.renderCards();
    this.showIntro();
    new ResizeObserver(() => this.onResize()).observe(this.main);
    new ResizeObserver(() => this.measureRunPanel()).observe(this.runPanel.element);
    if (decoded.run) void this.run();
  }

  private layout(): void {
    const header = el(
      'header',
      { class: 'top' },
      el('h1', {}, 'ccsim'),
      el('p', { class: 'tagline' }, 'Contact-center scenarios, simulated in your browser: service level, waiting, abandonment and occupancy, interval by interval, with 95% confidence intervals.'),
    );
    const uploadField = el(
      'div',
      { class: 'upload' },
      el('label', { for: 'upload' }, 'Upload a scenario file (JSON, as for ccsim run)'),
      this.upload,
    );
    const panel = el(
      'aside',
      { class: 'panel', 'aria-label': 'Scenarios and run' },
      el('h2', {}, 'Scenarios'),
      el('p', { class: 'hint' }, 'The first is the baseline. Every scenario is simulated with the same customers (common random numbers), so differences are paired.'),
      this.cards,
      el('div', { class: 'panel-actions' }, this.addButton, uploadField),
      this.errors.element,
      this.runPanel.element,
    );
    append(this.root, el('a', { href: '#main', class: 'skip-link' }, 'Skip to results'), header, el('div', { class: 'layout' }, panel, this.main));
    // The skip link must not replace the state in the hash.
    this.root.querySelector('.skip-link')?.addEventListener('click', (e) => {
      e.preventDefault();
      this.main.focus();
    });
  }

  private renderCards(): void {
    this.cards.replaceChildren();
    this.state.cards.forEach((card, i) => {
      this.bad[i] ??= new Map();
      this.cards.appendChild(
        scenarioCard(i, card, this.sources, this.bad[i]!, {
          onSource: (source) => {
            card.source = source;
            card.knobs = emptyKnobs();
            delete card.forecast;
            this.bad[i] = new Map();
            this.uploadProblem = null;
            this.renderCards();
          },
          onKnobs: () => this.sync(),
          onRemove: this.state.cards.length > 1 ? () => this.removeCard(i) : null,
          onDownload: () => this.downloadScenario(i),
          onForecast: (file) => void this.onForecast(i, file),
        }),
      );
    });
    this.addButton.disabled = this.state.cards.length >= MAX_SCENARIOS;
    this.sync();
  }

  private addCard(): void {
    const last = this.state.cards[this.state.cards.length - 1];
    this.state.cards.push({ source: last?.source ?? this.sources.bundledKeys()[0] ?? '', knobs: emptyKnobs() });
    this.bad.push(new Map());
    this.renderCards();
    const selects = this.cards.querySelectorAll('select');
    selects[selects.length - 1]?.focus();
  }

  private removeCard(i: number): void {
    this.state.cards.splice(i, 1);
    this.bad.splice(i, 1);
    this.renderCards();
  }

  /** Validate every card; show the problems; mirror the state in the URL. */
  private sync(): { prepared: Prepared[]; groups: IssueGroup[] } {
    const prepared = this.state.cards.map((card) => {
      const info = this.sources.get(card.source);
      if (info === undefined) return { ok: false as const, issues: [{ path: '(scenario)', message: `unknown scenario "${card.source}"` }] };
      return prepareScenario(info.raw, card.knobs, card.forecast ?? info.forecast);
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
    prepared.forEach((p, i) => {
      const bad = [...(this.bad[i]?.values() ?? [])].map((message) => {
        const [path = '', ...rest] = message.split(': ');
        return { path: `what if: ${path}`, message: rest.join(': ') };
      });
      const issues = [...bad, ...(p.ok ? [] : p.issues)];
      if (issues.length > 0) groups.push({ title: `${cardTitle(i)} (${this.sources.get(this.state.cards[i]!.source)?.label ?? '?'}):`, issues });
    });
    this.errors.show(groups);
    this.cards.querySelectorAll('.scenario-card').forEach((node, i) => node.toggleAttribute('data-invalid', !prepared[i]?.ok));
    this.runPanel.setRunLabel(this.state.cards.length);
    this.writeHash();
    return { prepared, groups };
  }

  private writeHash(): void {
    const hash = encodeState(this.state);
    if (hash !== location.hash) history.replaceState(null, '', hash);
    this.writtenHash = hash;
  }

  private onHashChange(): void {
    if (location.hash === this.writtenHash) return;
    const decoded = decodeState(location.hash, this.sources.bundledKeys());
    this.state = { ...defaultState(this.sources.bundledKeys()), ...decoded.state };
    this.linkIssues = decoded.issues;
    this.bad = this.state.cards.map(() => new Map());
    this.runPanel.setSettings(this.state.replications, this.state.seed);
    this.renderCards();
    if (decoded.run) void this.run();
  }

  private async onUpload(): Promise<void> {
    const file = this.upload.files?.[0];
    if (file === undefined) return;
    this.upload.value = '';
    let text = '';
    try {
      text = await uploadedText(file, '(file)');
      if (forecastFileOf(text) === undefined) parseScenarioText(text, file.name);
      else {
        // It is validated once its CSV is chosen on its card (the volumes may all be in there);
        // keys written twice are lost by then, so they are refused now.
        const twice = scanJson(withoutBom(text)).duplicateKeys;
        if (twice.length > 0) throw new ScenarioError(twice, file.name);
      }
    } catch (error) {
      const issues = error instanceof ScenarioError ? error.issues : [{ path: '(file)', message: error instanceof Error ? error.message : String(error) }];
      this.uploadProblem = { fileName: file.name, issues };
      this.runPanel.setStatus(`${file.name} was not added: see the problems listed above.`, 'error');
      this.sync();
      this.reveal(this.errors.element);
      return;
    }
    this.uploadProblem = null;
    const raw: unknown = JSON.parse(withoutBom(text));
    const key = this.sources.addUpload(file.name, raw);
    if (this.state.cards.length < MAX_SCENARIOS) {
      this.state.cards.push({ source: key, knobs: emptyKnobs() });
      this.bad.push(new Map());
      const wanted = forecastWanted(raw, undefined);
      const ask = wanted === undefined ? '' : ` ${forecastPrompt(wanted)} (“Forecast CSV” under “What if…” on its card).`;
      this.runPanel.setStatus(`${file.name} was added as ${cardTitle(this.state.cards.length - 1).toLowerCase()}.${ask}`, 'info');
    } else {
      this.runPanel.setStatus(`${file.name} was added to the scenario lists (already ${MAX_SCENARIOS} scenarios: pick it in one of them).`, 'info');
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
  private async run(force = false, confirmed = force): Promise<void> {
    if (this.controller !== null) return;
    const { prepared, groups } = this.sync();
    if (groups.length > 0) {
      this.errors.show(groups, 'Nothing was run. Fix these problems first:');
      this.runPanel.setStatus('Not run: the input has problems (listed above).', 'error');
      this.reveal(this.errors.element);
      return;
    }
    if (!confirmed && !this.multipliersConfirmed()) return;
    const scenarios = uniqueNames(prepared.map((p) => (p as { scenario: Scenario }).scenario));
    if (!this.sizeAccepted(scenarios, force)) return;
    const controller = new AbortController();
    this.controller = controller;
    this.results = null;
    this.main.replaceChildren(el('p', { class: 'running-note' }, `Simulating ${scenarios.length} scenario${scenarios.length > 1 ? 's' : ''} × ${this.state.replications} replications in Web Workers…`));
    this.runPanel.setRunning(true);
    this.runPanel.setProgress(0, scenarios.length * this.state.replications);
    this.runPanel.setStatus('Running…');
    let workers = 0;
    let done = 0;
    const total = scenarios.length * this.state.replications;
    const link = this.shareLink();
    try {
      const results = await runExperiment(scenarios, {
        replications: this.state.replications,
        seed: this.state.seed,
        signal: controller.signal,
        onStart: (n) => (workers = n),
        onProgress: (d, t) => {
          done = d;
          this.runPanel.setProgress(d, t, ` · ${workers} worker${workers === 1 ? '' : 's'}`);
        },
      });
      this.results = results;
      this.resultsLink = link;
      this.runPanel.setStatus(`Done: ${scenarios.length} scenario${scenarios.length > 1 ? 's' : ''} × ${this.state.replications} replications in ${results.seconds.toFixed(1)} s.`, 'done');
      this.renderResults();
    } catch (error) {
      this.main.replaceChildren();
      if (error instanceof AbortError) {
        this.runPanel.setStatus(`Cancelled after ${done} of ${total} replications; the workers were stopped (${liveWorkers()} running).`, 'info');
        this.showIntro();
      } else {
        const message = error instanceof Error ? error.message : String(error);
        this.runPanel.setStatus(`The run failed: ${message}`, 'error');
        this.errors.show([], `The run failed: ${message}`);
        this.reveal(this.errors.element);
      }
    } finally {
      this.controller = null;
      this.runPanel.setRunning(false);
      this.runPanel.status.dataset['liveWorkers'] = String(liveWorkers());
    }
  }

  /**
   * True when no card has a multiplier that looks like a percentage (×110); else false, with the
   * question shown: run as typed, or with the multipliers those percentages mean.
   */
  private multipliersConfirmed(): boolean {
    const asked = this.state.cards.flatMap((card, i) => multiplierQuestions(card.knobs).map((q) => ({ card, i, q })));
    if (asked.length === 0) return true;
    const asTyped = el('button', { type: 'button', class: 'secondary', 'data-testid': 'confirm-as-typed' }, 'Run as typed');
    asTyped.addEventListener('click', () => void this.run(false, true));
    const suggested = asked.map(({ q }) => `${describeKnobs({ ...emptyKnobs(), [q.knob]: q.suggested })}`).join(', ');
    const useSuggested = el('button', { type: 'button', class: 'primary', 'data-testid': 'confirm-suggested' }, `Run with ${suggested}`);
    useSuggested.addEventListener('click', () => {
      for (const { card, q } of asked) card.knobs[q.knob] = q.suggested;
      this.renderCards();
      void this.run(false, true);
    });
    const box = el(
      'div',
      { class: 'confirm', role: 'alert', 'data-testid': 'confirm-multiplier' },
      el('p', { class: 'error-lead' }, 'Not run yet: check the what-if multipliers.'),
      el('ul', {}, ...asked.map(({ i, q }) => el('li', {}, `${cardTitle(i)}: ${q.question}`))),
      el('div', { class: 'confirm-buttons' }, useSuggested, asTyped),
    );
    this.main.replaceChildren(box);
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

  /** False (with the reason shown) when the run is larger than the limits; soft limits offer "Run anyway". */
  private sizeAccepted(scenarios: readonly Scenario[], force: boolean): boolean {
    const replications = this.state.replications;
    let refusal: RunTooLargeError;
    try {
      // What no run can finish, in any scenario, first: then "Run anyway" is never offered in vain.
      scenarios.forEach(assertSimulable);
      checkRunSize(scenarios.map((scenario) => ({ scenario, replications })), force);
      return true;
    } catch (error) {
      if (!(error instanceof RunTooLargeError)) throw error;
      refusal = error;
    }
    // The CLI's wording names --force; on the page the button is the way to lift a soft limit.
    const shown = refusal.message.replace(`; ${FORCE_ADVICE}`, '');
    const anyway = el('button', { type: 'button', class: 'secondary', 'data-testid': 'run-anyway' }, 'Run anyway');
    anyway.addEventListener('click', () => void this.run(true));
    const message = el('div', { class: 'too-large', 'data-testid': 'too-large' }, el('p', {}, `Not run: ${shown}.`), refusal.forceable ? anyway : null);
    this.main.replaceChildren(message);
    this.runPanel.setStatus(refusal.forceable ? 'Not run: larger than the usual limits (Run anyway goes ahead).' : 'Not run: beyond what ccsim can run.', 'error');
    this.reveal(message);
    return false;
  }

  /**
   * Search scenario i's staffing by simulation (ccsim staff) on the Web Workers, with the run
   * panel's progress bar and Cancel; the staffed scenario becomes a new card to compare.
   */
  private async findStaffing(i: number): Promise<void> {
    const scenario = this.results?.scenarios[i];
    if (this.controller !== null || scenario === undefined) return;
    const controller = new AbortController();
    this.controller = controller;
    this.searching = true;
    const setBusy = (busy: boolean) => this.main.querySelectorAll<HTMLButtonElement>('[data-testid^="find-staffing-"]').forEach((b) => (b.disabled = busy));
    setBusy(true);
    this.runPanel.setRunning(true);
    this.runPanel.setProgressText(0, 1, 'Starting the staffing search…');
    this.runPanel.setStatus(`Finding the staffing of ${scenario.name} by simulation (${this.state.replications} replications per candidate plan, seed ${this.state.seed})…`);
    const { replications, seed } = this.state;
    let workers = 0;
    let simulations = 0;
    try {
      const found = await findStaffing(scenario, {
        replications,
        seed,
        signal: controller.signal,
        onStart: (n) => (workers = n),
        onProgress: (k, fraction, bound) => {
          simulations = k;
          this.runPanel.setProgressText(k - 1 + fraction, bound, `simulation ${k} of at most ${bound} · ${workers} worker${workers === 1 ? '' : 's'}`);
        },
      });
      const plan = found.output.plan;
      let before = '';
      try {
        const s = staffingAgainstRequirement(scenario);
        const hours = s.groups.reduce((sum, g) => sum + g.present.reduce((a, p) => a + p.mean, 0), 0) * (scenario.intervalMinutes / 60);
        before = ` (the scenario has ${formatHours(hours)})`;
      } catch {
        before = '';
      }
      const met = plan.targets === undefined ? '' : ` On fresh random numbers ${plan.targets.met} of ${plan.targets.pairs} (interval, type) pairs meet every target (${(plan.targets.share * 100).toFixed(1)}%).`;
      const description = `Staff per group and interval found by simulation for “${scenario.name}” (${replications} replications per candidate plan, seed ${seed}): ${formatHours(plan.agentHours)}.${met}`;
      const key = this.sources.addUpload(`${slug(scenario.name)}-staffed.json`, JSON.parse(JSON.stringify({ ...found.scenario, description })) as unknown, 'found');
      let where: string;
      if (this.state.cards.length < MAX_SCENARIOS) {
        this.state.cards.push({ source: key, knobs: emptyKnobs() });
        this.bad.push(new Map());
        where = `added as ${cardTitle(this.state.cards.length - 1).toLowerCase()}: press Run to compare`;
      } else {
        where = `added to the scenario lists (already ${MAX_SCENARIOS} scenarios: pick it in one of them)`;
      }
      this.renderCards();
      this.runPanel.setProgressText(1, 1, `${plan.evaluations ?? simulations} simulations · ${found.seconds.toFixed(1)} s`);
      // Like `ccsim staff`'s first line: a plan that misses says so before anything else.
      const verdict = plan.met ? '' : `The plan misses targets: ${missSummary(plan.misses)}. `;
      const notes = found.output.notes.length === 0 ? '' : ` Notes: ${found.output.notes.join('; ')}.`;
      this.runPanel.setStatus(
        `${verdict}Staffing found for ${scenario.name}: ${formatHours(plan.agentHours)}${before}, ${plan.evaluations ?? simulations} simulations in ${found.seconds.toFixed(1)} s.${met} It was ${where}.${notes}`,
        plan.met ? 'done' : 'error',
      );
    } catch (error) {
      if (error instanceof AbortError) {
        this.runPanel.setStatus(`Staffing search cancelled during simulation ${simulations}; the workers were stopped (${liveWorkers()} running).`, 'info');
      } else {
        const message = error instanceof Error ? error.message : String(error);
        this.runPanel.setStatus(`The staffing search failed: ${message}`, 'error');
        this.errors.show([], `The staffing search failed: ${message}`);
        this.reveal(this.errors.element);
      }
    } finally {
      this.controller = null;
      this.searching = false;
      this.runPanel.setRunning(false);
      setBusy(false);
      this.runPanel.status.dataset['liveWorkers'] = String(liveWorkers());
    }
  }

  private shareLink(): string {
    return `${location.origin}${location.pathname}${encodeState(this.state, { run: '1' })}`;
  }

  /** The width of a chart's SVG: the results column less a figure's border and padding (10 px). */
  private chartWidth(): number {
    // Below the floor the charts have no room for their axes; CSS scales them down instead.
    return Math.max(MIN_CHART_WIDTH, Math.floor(this.main.clientWidth - 10));
  }

  private renderResults(): void {
    const r = this.results;
    if (r === null) return;
    const scroll = window.scrollY;
    this.renderedWidth = this.chartWidth();
    const uploads = this.state.cards.some((c) => isUpload(c.source) || c.forecast !== undefined);
    const view = resultsView(r, {
      width: this.renderedWidth,
      type: this.state.type,
      onType: (type) => {
        this.state.type = type;
        this.writeHash();
        this.renderResults();
        (this.main.querySelector('[data-testid="type-select"]') as HTMLSelectElement | null)?.focus();
      },
      shareLink: () => this.resultsLink,
      onFindStaffing: (i) => void this.findStaffing(i),
      busy: this.searching,
    });
    this.main.replaceChildren(view);
    if (uploads) view.querySelector('.share')?.appendChild(el('span', { class: 'hint' }, ' Uploaded scenarios and staffing found by simulation are not in the link: save them with “Save JSON”.'));
    window.scrollTo({ top: scroll });
  }

  private onResize(): void {
    if (this.results === null) return;
    const w = this.chartWidth();
    if (Math.abs(w - this.renderedWidth) < 24) return;
    clearTimeout(this.resizeTimer);
    this.resizeTimer = window.setTimeout(() => this.renderResults(), 150);
  }
  private resizeTimer: number | undefined;

  private showIntro(): void {
    this.main.replaceChildren(
      el(
        'div',
        { class: 'intro' },
        el('h2', {}, 'Compare scenarios'),
        el('p', {}, 'The retail day and the same day with a voice bot are set up on the left. Press Run to simulate both with the same customers and see service level, waiting, abandonment and occupancy interval by interval.'),
        el('ul', {},
          el('li', {}, 'Pick other bundled scenarios, upload your own JSON file, or open “What if…” on a card to change volume, staff, handle time, patience, service-level target or the bot.'),
          el('li', {}, 'Add a scenario to compare a variant with its baseline: deltas are paired, so small changes show.'),
          el('li', {}, 'The address bar keeps your set-up: copy it to share.'),
        ),
      ),
    );
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

/** Narrowest chart drawn (px): a 320 px phone's results column; narrower, the SVG is scaled down. */
const MIN_CHART_WIDTH = 270;

const formatHours = (h: number) => `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(h)} agent hours`;

/** A file-name stem from a scenario name. */
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'scenario';

/** Space kept between a revealed message and the sticky run panel (its 8 px offset and a gap), px. */
const RUN_PANEL_CLEARANCE = 24;

const withoutBom = (text: string) => (text.startsWith('\uFEFF') ? text.slice(1) : text);

/** Largest file the page reads (the CLI's limit): the largest scenario ccsim can run is about 20 MB. */
const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

/**
 * An uploaded file's text, read as the CLI reads files: at most 64 MB, and strictly UTF-8 (the
 * same messages naming the byte, line and column), never decoded with replacement characters.
 * @throws ScenarioError at `path`
 */
async function uploadedText(file: File, path: string, prefix = ''): Promise<string> {
  if (file.size > MAX_UPLOAD_BYTES) {
    throw new ScenarioError([{ path, message: `${prefix}larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB, more than any scenario ccsim can run` }]);
  }
  return utf8Text(new Uint8Array(await file.arrayBuffer()), path, prefix);
}
