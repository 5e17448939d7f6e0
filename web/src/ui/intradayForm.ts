/**
 * The "From now" form of a scenario card (CONTRACT section 7 in the page): the time now, and the
 * state of now either by counts (per contact type the waiting contacts and the oldest wait, per
 * agent group the contacts in hand and the longest handled so far, the agents present) or as a
 * state.json pasted or chosen from a file. Each problem is shown next to its field, named by its
 * path; the time field serves both ways. The flow (intraday/intradayFlow.ts) checks and runs.
 */
import './intraday.css';
import { ScenarioError, type Scenario, type ScenarioIssue } from '../../../src/scenario/index.js';
import { fieldForIssue } from '../builder/issueFields.js';
import { boundaries, SPREAD_RULE, groupSkills, MAX_FORM_CONTACTS, plannedStaffAt, stateFromForm, type CountEntry, type StateFormValues } from '../intraday/fromNowState.js';
import { issueLine } from '../model/prepare.js';
import { uploadedText, withoutBom } from '../model/upload.js';
import { el } from './dom.js';

/** What the user asked for: the rest of the day from `now`, with the state of the form or of a text. */
export type FromNowRequest = { readonly now: string; readonly mode: 'form'; readonly values: StateFormValues } | { readonly now: string; readonly mode: 'json'; readonly text: string };

export interface IntradayFormOptions {
  /** The card's title ("Baseline") and its validated scenario (its what-ifs applied). */
  readonly cardTitle: string;
  readonly scenario: Scenario;
  /** The last request made on this card's scenario, to start from. */
  readonly last?: FromNowRequest;
  /** Check and run; the problems (nothing run) or null (the card was made). */
  readonly onSubmit: (request: FromNowRequest) => readonly ScenarioIssue[] | null;
  readonly onClose: () => void;
}

interface Field {
  readonly control: HTMLElement;
  readonly slot: HTMLElement;
}

/** Test and element ids: `intraday-waiting-sales-count`. */
const idOf = (path: string) => `intraday-${path.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}`;

export function intradayForm(o: IntradayFormOptions): HTMLElement {
  const s = o.scenario;
  const fields = new Map<string, Field>();
  const days = boundaries(s);
  const register = (path: string, control: HTMLElement, slot: HTMLElement) => {
    fields.set(path, { control, slot });
    control.setAttribute('aria-describedby', slot.id);
  };
  const slotFor = (path: string) => el('p', { class: 'field-issue', id: `${idOf(path)}-issue`, 'data-testid': `${idOf(path)}-issue` });
  const input = (path: string, attrs: Record<string, string>) => {
    const id = idOf(path);
    return el('input', { type: 'text', id, 'data-testid': id, autocomplete: 'off', ...attrs });
  };
  /** A labelled input registered at `path`, with its issue slot under it. */
  const labelled = (path: string, label: string, control: HTMLInputElement, unit?: string) => {
    const slot = slotFor(path);
    register(path, control, slot);
    return el('div', { class: 'ifield' }, el('label', { for: control.id }, label), control, unit === undefined ? null : el('span', { class: 'unit' }, unit), slot);
  };
  const last = o.last;
  const lastValues = last?.mode === 'form' ? last.values : undefined;

  // The time now.
  const now = input('now', { inputmode: 'numeric', placeholder: days[Math.min(6, days.length - 1)] ?? '', class: 'clock', 'aria-required': 'true' });
  now.value = last?.now ?? '';
  const nowField = labelled('now', 'Time now', now, `HH:MM: an interval start from ${days[0]} to ${days[days.length - 1]}, every ${s.intervalMinutes} minutes`);

  // How the state is given.
  const modeName = `intraday-mode-${Math.random().toString(36).slice(2, 8)}`;
  const radio = (value: 'form' | 'json', text: string) => {
    const r = el('input', { type: 'radio', name: modeName, value, id: `intraday-mode-${value}`, 'data-testid': `intraday-mode-${value}` });
    return { r, label: el('label', { class: 'iradio' }, r, ` ${text}`) };
  };
  const byForm = radio('form', 'by counts (below)');
  const byJson = radio('json', 'as a state.json (pasted or a file)');
  const mode = () => (byJson.r.checked ? 'json' : 'form');

  // Counts: waiting per contact type.
  const entryInputs = (path: string, what: string, longestLabel: string, value: CountEntry | undefined) => {
    const count = input(`${path}.count`, { inputmode: 'numeric', class: 'num', placeholder: '0' });
    const longest = input(`${path}.longest`, { inputmode: 'decimal', class: 'num' });
    count.value = value?.count ?? '';
    longest.value = value?.longest ?? '';
    return { count, longest, node: el('div', { class: 'ipair' }, labelled(`${path}.count`, what, count), labelled(`${path}.longest`, longestLabel, longest, 's')) };
  };
  const waiting = new Map<string, ReturnType<typeof entryInputs>>();
  const waitingSet = el(
    'fieldset',
    { class: 'iblock' },
    el('legend', {}, 'Waiting now, per contact type'),
    el('p', { class: 'hint', 'data-testid': 'intraday-spread-rule' }, SPREAD_RULE),
  );
  for (const t of s.contactTypes) {
    const e = entryInputs(`waiting.${t.id}`, `${t.id}: waiting`, 'oldest wait', lastValues?.waiting[t.id]);
    waiting.set(t.id, e);
    waitingSet.appendChild(e.node);
  }

  // Counts: per agent group, contacts in hand per skill and the agents present.
  const inService = new Map<string, Map<string, ReturnType<typeof entryInputs>>>();
  const staff = new Map<string, HTMLInputElement>();
  const groupsSet = el('fieldset', { class: 'iblock' }, el('legend', {}, 'In service now, per agent group'));
  for (const [gid, types] of groupSkills(s)) {
    const path = `inService.${gid}`;
    const slot = slotFor(path);
    const set = el('fieldset', { class: 'igroup', id: idOf(path), 'data-testid': idOf(path), tabindex: -1 }, el('legend', {}, gid));
    register(path, set, slot);
    const byType = new Map<string, ReturnType<typeof entryInputs>>();
    for (const tid of types) {
      const e = entryInputs(`${path}.${tid}`, `${tid}: in hand`, 'longest handled so far', lastValues?.inService[gid]?.[tid]);
      byType.set(tid, e);
      set.appendChild(e.node);
    }
    inService.set(gid, byType);
    const present = input(`staff.${gid}`, { inputmode: 'numeric', class: 'num' });
    present.value = lastValues?.staff[gid] ?? '';
    staff.set(gid, present);
    set.append(labelled(`staff.${gid}`, 'agents present now', present, 'empty: the plan'), slot);
    groupsSet.appendChild(set);
  }

  // A state.json: pasted, or read from a file into the same text box.
  const text = el('textarea', {
    id: idOf('state.json'),
    'data-testid': 'intraday-state-text',
    rows: 8,
    spellcheck: 'false',
    class: 'json',
    placeholder: '{ "waiting": { "<type>": [seconds waited, …] }, "inService": { "<group>": { "<type>": [seconds handled, …] } }, "staff": { "<group>": n } }',
  });
  text.value = last?.mode === 'json' ? last.text : '';
  const textSlot = slotFor('state.json');
  register('state.json', text, textSlot);
  const file = el('input', { type: 'file', id: 'intraday-state-file', accept: '.json,application/json', 'data-testid': 'intraday-state-file' });
  file.addEventListener('change', () => {
    const f = file.files?.[0];
    if (f === undefined) return;
    file.value = '';
    uploadedText(f, 'state.json', `${f.name}: `).then(
      (t) => {
        text.value = withoutBom(t);
        show([]);
      },
      (error: unknown) => show(error instanceof ScenarioError ? error.issues : [{ path: 'state.json', message: error instanceof Error ? error.message : String(error) }]),
    );
  });
  const fromCounts = el('button', { type: 'button', class: 'small secondary', 'data-testid': 'intraday-counts-as-json', title: 'the state the counts make, as ccsim intraday --state reads it' }, 'Write the counts as a state.json');
  const countsPart = el('div', { class: 'icounts', 'data-testid': 'intraday-counts' }, waitingSet, groupsSet, el('p', {}, fromCounts));
  const jsonPart = el(
    'div',
    { class: 'ijson', 'data-testid': 'intraday-json' },
    el('label', { for: text.id }, 'state.json (the format of ccsim intraday --state: CONTRACT section 7)'),
    text,
    textSlot,
    el('div', { class: 'ifile' }, el('label', { for: file.id }, 'or choose the file: '), file),
  );

  const summary = el('div', { class: 'isummary', 'data-testid': 'intraday-problems', role: 'alert' });
  const submit = el('button', { type: 'submit', class: 'primary', 'data-testid': 'intraday-run' }, 'Simulate the rest of the day');
  const close = el('button', { type: 'button', class: 'secondary', 'data-testid': 'intraday-close' }, 'Close');
  close.addEventListener('click', o.onClose);

  const values = (): StateFormValues => ({
    now: now.value,
    waiting: Object.fromEntries([...waiting].map(([id, e]) => [id, { count: e.count.value, longest: e.longest.value }])),
    inService: Object.fromEntries([...inService].map(([gid, m]) => [gid, Object.fromEntries([...m].map(([tid, e]) => [tid, { count: e.count.value, longest: e.longest.value }]))])),
    staff: Object.fromEntries([...staff].map(([gid, input]) => [gid, input.value])),
  });

  /** Each issue next to its field (the longest registered prefix of its path); the rest in the summary. */
  function show(issues: readonly ScenarioIssue[]): void {
    for (const f of fields.values()) {
      f.slot.replaceChildren();
      f.control.removeAttribute('aria-invalid');
    }
    summary.replaceChildren();
    const keys = new Set(fields.keys());
    // In the JSON mode the counts are hidden: a state's paths point into the text.
    if (mode() === 'json') for (const k of keys) if (k !== 'now' && k !== 'state.json') keys.delete(k);
    let first: HTMLElement | null = null;
    const loose: ScenarioIssue[] = [];
    for (const issue of issues) {
      const at = fieldForIssue(issue.path, keys) ?? (mode() === 'json' ? 'state.json' : undefined);
      const f = at === undefined ? undefined : fields.get(at);
      if (f === undefined) {
        loose.push(issue);
        continue;
      }
      f.slot.appendChild(el('span', { class: 'issue-line' }, issueLine(issue)));
      f.control.setAttribute('aria-invalid', 'true');
      first ??= f.control;
    }
    if (issues.length > 0) {
      summary.appendChild(el('p', { class: 'error-title' }, `Nothing was run: ${issues.length} problem${issues.length === 1 ? '' : 's'}${loose.length < issues.length ? ', each shown at its field' : ''}.`));
      if (loose.length > 0) summary.appendChild(el('ul', {}, ...loose.map((i) => el('li', {}, issueLine(i)))));
    }
    (first as HTMLElement | null)?.focus();
  }

  const setMode = (m: 'form' | 'json') => {
    byForm.r.checked = m === 'form';
    byJson.r.checked = m === 'json';
    countsPart.hidden = m !== 'form';
    jsonPart.hidden = m !== 'json';
  };
  byForm.r.addEventListener('change', () => setMode(mode()));
  byJson.r.addEventListener('change', () => setMode(mode()));
  setMode(last?.mode ?? 'form');

  fromCounts.addEventListener('click', () => {
    const built = stateFromForm(s, { ...values(), now: days[0] ?? '' });
    setMode('form');
    if (!built.ok) return show(built.issues);
    text.value = `${JSON.stringify(built.state, null, 2)}\n`;
    setMode('json');
    show([]);
    text.focus();
  });
  // The plan's agents at the time typed, in each empty "agents present now".
  const placeholders = () => {
    const planned = plannedStaffAt(s, now.value.trim());
    s.agentGroups.forEach((g, gi) => staff.get(g.id)?.setAttribute('placeholder', planned === null ? 'plan' : `plan: ${planned[gi]}`));
  };
  now.addEventListener('input', placeholders);
  placeholders();

  const form = el(
    'form',
    { class: 'intraday-form', 'data-testid': 'intraday-form', 'aria-labelledby': 'intraday-title', novalidate: true },
    el('h2', { id: 'intraday-title', tabindex: -1 }, `From now: the rest of ${s.name}`),
    el(
      'p',
      { class: 'hint' },
      `${o.cardTitle}'s scenario, with its what-ifs, from the time now to the end of its day, started with the contacts waiting and in hand now (as ccsim intraday does): waiting contacts keep their place in line and their wait so far; contacts in hand finish after a remaining handle time drawn given the time spent. It becomes a new card; add cards from it (+ Add a scenario) with what-ifs to compare them on the same customers. Up to ${MAX_FORM_CONTACTS} contacts per field.`,
    ),
    nowField,
    el('fieldset', { class: 'imode' }, el('legend', {}, 'The state of now'), byForm.label, byJson.label),
    countsPart,
    jsonPart,
    summary,
    el('div', { class: 'iactions' }, submit, close),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const request: FromNowRequest = mode() === 'json' ? { now: now.value, mode: 'json', text: text.value } : { now: now.value, mode: 'form', values: values() };
    show(o.onSubmit(request) ?? []);
  });
  return form;
}
