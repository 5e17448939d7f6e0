/**
 * The left panel's "From history" box: choose what the ACD recorded (an interval history, and
 * optionally a contact log and a staff history), read it in a Web Worker, and come back to the
 * forecast, fit and replay view after a run has replaced it.
 */
import { el } from './dom.js';

export interface HistoryPanelCallbacks {
  /** Read the chosen files (the interval history is there). */
  readonly onRead: (files: { history: File; contacts?: File; staff?: File }) => void;
  /** Show the history view again in the results column. */
  readonly onShow: () => void;
}

export class HistoryPanel {
  readonly element: HTMLElement;
  private readonly history: HTMLInputElement;
  private readonly contacts: HTMLInputElement;
  private readonly staff: HTMLInputElement;
  private readonly read: HTMLButtonElement;
  private readonly show: HTMLButtonElement;
  private busy = false;

  constructor(cb: HistoryPanelCallbacks) {
    const input = (id: string) => el('input', { id, type: 'file', accept: '.csv,text/csv', 'data-testid': id });
    this.history = input('history-file');
    this.contacts = input('contacts-file');
    this.staff = input('staff-file');
    this.read = el('button', { type: 'button', class: 'secondary', 'data-testid': 'read-history', disabled: true }, 'Read history: forecast');
    this.show = el('button', { type: 'button', class: 'secondary', 'data-testid': 'show-history', hidden: true }, 'Show the history view');
    for (const i of [this.history, this.contacts, this.staff]) i.addEventListener('change', () => this.update());
    this.read.addEventListener('click', () => {
      const history = this.history.files?.[0];
      if (history === undefined) return;
      const contacts = this.contacts.files?.[0];
      const staff = this.staff.files?.[0];
      cb.onRead({ history, ...(contacts === undefined ? {} : { contacts }), ...(staff === undefined ? {} : { staff }) });
    });
    this.show.addEventListener('click', cb.onShow);
    const field = (inputEl: HTMLInputElement, label: string, hint: string) =>
      el('div', { class: 'history-field' }, el('label', { for: inputEl.id }, label, ' ', el('span', { class: 'hint' }, hint)), inputEl);
    this.element = el(
      'details',
      { class: 'history-panel', 'data-testid': 'history-panel' },
      el('summary', {}, 'From history: forecast, fit, replay'),
      el('p', { class: 'hint' }, 'Your ACD’s CSV exports, read in a Web Worker on this computer (nothing is uploaded anywhere). Columns as for ccsim forecast, fit and replay.'),
      field(this.history, 'Interval history CSV', 'date,interval_start,type,offered[,answered,abandoned,aht,asa,service_level]'),
      field(this.contacts, 'Contact log CSV (optional)', 'type,arrival,answered,ended,outcome[,acw,group]: handle time and patience for Fit'),
      field(this.staff, 'Staff history CSV (optional)', 'date,interval_start,group,staff: for Replay'),
      el('div', { class: 'history-actions' }, this.read, this.show),
    );
  }

  /** A task is running: no new read meanwhile. */
  setBusy(busy: boolean): void {
    this.busy = busy;
    this.update();
  }

  /** Whether there is a view to come back to. */
  setShowable(showable: boolean): void {
    this.show.hidden = !showable;
  }

  private update(): void {
    this.read.disabled = this.busy || (this.history.files?.length ?? 0) === 0;
  }
}
