/** Replications and seed, the Run and Cancel buttons, the progress bar and the status line. */
import { MAX_REPLICATIONS } from '../model/appState.js';
import { el } from './dom.js';

export interface RunPanelCallbacks {
  readonly onRun: () => void;
  readonly onCancel: () => void;
  readonly onSettings: (replications: number | null, seed: number | null) => void;
}

export class RunPanel {
  readonly element: HTMLElement;
  private readonly replications: HTMLInputElement;
  private readonly seed: HTMLInputElement;
  private readonly run: HTMLButtonElement;
  private readonly cancel: HTMLButtonElement;
  private readonly progress: HTMLProgressElement;
  private readonly progressText: HTMLElement;
  readonly status: HTMLElement;

  constructor(cb: RunPanelCallbacks) {
    this.replications = el('input', { id: 'replications', type: 'number', min: 1, max: MAX_REPLICATIONS, step: 1, 'data-testid': 'replications' });
    this.seed = el('input', { id: 'seed', type: 'number', min: 0, step: 1, 'data-testid': 'seed' });
    const settings = () => {
      const r = this.replications.valueAsNumber;
      const s = this.seed.valueAsNumber;
      cb.onSettings(Number.isInteger(r) && r >= 1 && r <= MAX_REPLICATIONS ? r : null, Number.isInteger(s) && s >= 0 ? s : null);
    };
    this.replications.addEventListener('input', settings);
    this.seed.addEventListener('input', settings);
    this.run = el('button', { type: 'button', class: 'primary', 'data-testid': 'run' }, 'Run');
    this.cancel = el('button', { type: 'button', class: 'secondary', 'data-testid': 'cancel', disabled: true }, 'Cancel');
    this.run.addEventListener('click', cb.onRun);
    this.cancel.addEventListener('click', cb.onCancel);
    this.progress = el('progress', { 'data-testid': 'progress', max: 1, value: 0, 'aria-label': 'Replications done' });
    this.progressText = el('span', { class: 'progress-text', 'data-testid': 'progress-text' }, '');
    this.status = el('p', { class: 'status', 'data-testid': 'status', role: 'status', 'aria-live': 'polite' }, '');
    this.element = el(
      'section',
      { class: 'run-panel', 'aria-label': 'Run' },
      el(
        'div',
        { class: 'run-settings' },
        el('div', { class: 'field' }, el('label', { for: 'replications' }, 'Replications'), this.replications, el('span', { class: 'unit' }, 'days each')),
        el('div', { class: 'field' }, el('label', { for: 'seed' }, 'Seed'), this.seed),
      ),
      el('div', { class: 'run-buttons' }, this.run, this.cancel),
      el('div', { class: 'progress-row' }, this.progress, this.progressText),
      this.status,
    );
  }

  setSettings(replications: number, seed: number): void {
    this.replications.value = String(replications);
    this.seed.value = String(seed);
  }

  setRunLabel(scenarios: number): void {
    this.run.textContent = scenarios > 1 ? `Run: compare ${scenarios} scenarios` : 'Run';
  }

  setRunning(running: boolean): void {
    this.run.disabled = running;
    this.cancel.disabled = !running;
    this.element.classList.toggle('running', running);
  }

  setProgress(done: number, total: number, note = ''): void {
    this.progress.max = Math.max(1, total);
    this.progress.value = done;
    this.progressText.textContent = total > 0 ? `${done} / ${total} replications${note}` : '';
  }

  /** Progress of something other than replications (the staffing search): `text` says what. */
  setProgressText(value: number, max: number, text: string): void {
    this.progress.max = Math.max(1, max);
    this.progress.value = Math.min(value, max);
    this.progressText.textContent = text;
  }

  setStatus(text: string, kind: 'info' | 'error' | 'done' = 'info'): void {
    this.status.textContent = text;
    this.status.dataset['kind'] = kind;
  }
}
