/**
 * The scenario builder: a planner makes a scenario without writing JSON. Start blank, from a
 * bundled scenario or from a JSON file; edit contact types, agent groups, the skills matrix and
 * the volume and staff grids (a spreadsheet block pastes in); every change is validated at once
 * by the CLI's parser, each message shown next to its field and in a summary; the staff grid
 * shows the Erlang A requirement under each cell. "Use this scenario" hands a valid document to
 * the comparison (a card, in the page's link when small enough); "Save JSON" downloads it.
 */
import './builder.css';
import { parseScenario, ScenarioError, type Scenario, type ScenarioIssue } from '../../../src/scenario/index.js';
import { describeJsonError, scanJson } from '../../../src/scenario/jsonText.js';
import { cellRequirement, cellRequirementText, type CellRequirement } from '../builder/cellRequirement.js';
import { fieldForIssue } from '../builder/issueFields.js';
import { addAgentGroup, addContactType, agentGroups, blankDocument, contactTypes, documentFileName, documentFrom, documentText, expandGridRows, getAt, gridIntervals, MAX_GRID_INTERVALS, type Json } from '../builder/scenarioDocument.js';
import { linkToken, MAX_LINK_TOKEN_CHARS } from '../builder/scenarioLink.js';
import { downloadText } from '../export/download.js';
import { intervalLabels } from '../model/intervals.js';
import { issueLine } from '../model/prepare.js';
import type { Sources } from '../model/sources.js';
import { uploadedText, withoutBom } from '../model/upload.js';
import { el } from './dom.js';
import type { FormContext } from './builderFields.js';
import { editGrid } from './builderGrid.js';
import { agentGroupSection, contactTypeSection, scenarioSection } from './builderSections.js';
import { skillsMatrix } from './builderSkills.js';

export interface BuilderCallbacks {
  /** Add the valid scenario to the comparison; returns what happened, in words, for the status line. */
  readonly onUse: (raw: Json, scenario: Scenario) => string;
}

interface Field {
  readonly control: HTMLElement;
  readonly slot: HTMLElement;
}

const BLANK = '(blank)';

export class BuilderView {
  readonly element = el('section', { class: 'builder', 'data-testid': 'builder', 'aria-labelledby': 'builder-title' });
  private doc: Json = blankDocument();
  /** The document a Start or Load replaced (Undo brings it back). */
  private previous: Json | null = null;
  private fields = new Map<string, Field>();
  private updates: (() => void)[] = [];
  private scenario: Scenario | null = null;
  private issues: readonly ScenarioIssue[] = [];
  private requirement: CellRequirement | null = null;

  private readonly start = el('select', { id: 'builder-start', 'data-testid': 'builder-start' });
  private readonly file = el('input', { id: 'builder-load', type: 'file', accept: '.json,application/json', 'data-testid': 'builder-load' });
  private readonly form = el('div', { class: 'builder-form' });
  private readonly summary = el('div', { class: 'builder-summary', 'data-testid': 'builder-summary', role: 'region', 'aria-label': 'Problems with the scenario' });
  private readonly link = el('p', { class: 'hint builder-link', 'data-testid': 'builder-link' });
  private readonly status = el('p', { class: 'status', 'data-testid': 'builder-status', role: 'status', 'aria-live': 'polite' });

  constructor(private readonly sources: Sources, private readonly cb: BuilderCallbacks) {
    this.start.appendChild(el('option', { value: BLANK }, 'Blank: no contact types, no agent groups yet'));
    const bundled = el('optgroup', { label: 'Bundled scenarios' });
    for (const key of sources.bundledKeys()) bundled.appendChild(el('option', { value: key }, sources.get(key)?.label ?? key));
    this.start.appendChild(bundled);
    const startButton = this.button('Start', 'builder-start-button', () => this.startFrom(this.start.value));
    this.file.addEventListener('change', () => void this.load());
    const save = this.button('Save JSON', 'builder-save', () => this.save());
    const use = this.button('Use this scenario', 'builder-use', () => this.use(), 'primary');
    this.element.append(
      el('h2', { id: 'builder-title' }, 'Build a scenario'),
      el('p', { class: 'hint' }, 'Every field is checked as you type, with the messages ccsim run would give. Paste a block of cells from a spreadsheet into the volume or staff grid at the cell where it should start.'),
      el(
        'div',
        { class: 'builder-start' },
        el('div', { class: 'bfield' }, el('label', { for: 'builder-start' }, 'Start from'), this.start, startButton),
        el('div', { class: 'bfield' }, el('label', { for: 'builder-load' }, 'or load a scenario file (JSON)'), this.file),
      ),
      this.summary,
      this.form,
      el('div', { class: 'builder-actions' }, use, save),
      this.link,
      this.status,
    );
    this.render();
  }

  /** The document being edited (a copy). */
  get document(): Json {
    return structuredClone(this.doc);
  }

  private button(label: string, testId: string, action: () => void, cls = 'secondary'): HTMLButtonElement {
    const b = el('button', { type: 'button', class: cls, 'data-testid': testId }, label);
    b.addEventListener('click', action);
    return b;
  }

  private setStatus(text: string, kind: 'info' | 'error' | 'done', undo = false): void {
    this.status.replaceChildren(text);
    this.status.dataset['kind'] = kind;
    if (undo && this.previous !== null) {
      const b = this.button('Undo', 'builder-undo', () => {
        if (this.previous === null) return;
        this.replace(this.previous, null);
        this.setStatus('The previous document is back.', 'info');
      }, 'small secondary');
      this.status.append(' ', b);
    }
  }

  private replace(doc: Json, previous: Json | null): void {
    this.previous = previous;
    this.doc = doc;
    this.render();
  }

  private startFrom(key: string): void {
    const before = this.doc;
    if (key === BLANK) {
      this.replace(blankDocument(), before);
      this.setStatus('Started a blank scenario.', 'info', true);
      return;
    }
    const info = this.sources.get(key);
    if (info === undefined) return;
    const { doc, issues } = documentFrom(info.raw, info.forecast?.text);
    this.replace(doc, before);
    this.setStatus(`Started from ${info.label}${issues.length > 0 ? ` (its forecast could not be merged: ${issues.map(issueLine).join('; ')})` : ''}.`, issues.length > 0 ? 'error' : 'info', true);
  }

  /** Load a JSON file, valid or not (the builder is where it gets fixed); text that is not JSON is refused with its line and column. */
  private async load(): Promise<void> {
    const file = this.file.files?.[0];
    if (file === undefined) return;
    this.file.value = '';
    try {
      const text = withoutBom(await uploadedText(file, '(file)', `${file.name}: `));
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw new ScenarioError([{ path: '(file)', message: describeJsonError(text, error) }]);
      }
      const twice = scanJson(text).duplicateKeys;
      if (twice.length > 0) throw new ScenarioError(twice);
      this.replace(documentFrom(value).doc, this.doc);
      this.setStatus(`Loaded ${file.name}.`, 'info', true);
    } catch (error) {
      const issues = error instanceof ScenarioError ? error.issues : [{ path: '(file)', message: String(error) }];
      this.setStatus(`${file.name} was not loaded: ${issues.map(issueLine).join('; ')}`, 'error');
    }
  }

  private save(): void {
    downloadText(documentText(this.doc), documentFileName(this.doc), 'application/json');
    const n = this.issues.length;
    this.setStatus(n === 0 ? `Saved ${documentFileName(this.doc)}.` : `Saved ${documentFileName(this.doc)} with ${n} problem${n === 1 ? '' : 's'}: ccsim run refuses it until they are fixed.`, n === 0 ? 'done' : 'error');
  }

  private use(): void {
    this.validate();
    if (this.scenario === null) {
      const n = this.issues.length;
      this.setStatus(`Not added: the scenario has ${n} problem${n === 1 ? '' : 's'} (listed above, and next to each field). Fix ${n === 1 ? 'it' : 'them'} first.`, 'error');
      this.summary.scrollIntoView({ block: 'nearest' });
      return;
    }
    this.setStatus(this.cb.onUse(structuredClone(this.doc), this.scenario), 'done');
  }

  /** Draw the whole form from the document (focus and scroll kept), then validate. */
  private render(): void {
    const focused = document.activeElement instanceof HTMLElement && this.element.contains(document.activeElement) ? document.activeElement.id : '';
    const scroll = window.scrollY;
    expandGridRows(this.doc);
    this.fields = new Map();
    this.updates = [];
    const ctx: FormContext = {
      doc: this.doc,
      changed: () => this.validate(),
      restructure: () => this.render(),
      register: (path, control, slot) => void this.fields.set(path, { control, slot }),
      onValidated: (update) => void this.updates.push(update),
    };
    const types = contactTypes(this.doc);
    const groups = agentGroups(this.doc);
    const addType = this.button('+ Add a contact type', 'builder-add-type', () => {
      addContactType(this.doc);
      this.render();
      (this.form.querySelector(`#b-contactTypes-${types.length}-id`) as HTMLElement | null)?.focus();
    });
    const addGroup = this.button('+ Add an agent group', 'builder-add-group', () => {
      addAgentGroup(this.doc);
      this.render();
      (this.form.querySelector(`#b-agentGroups-${groups.length}-id`) as HTMLElement | null)?.focus();
    });
    const typesBox = el('div', { class: 'btypes', id: 'b-contactTypes' }, ...types.map((_, i) => contactTypeSection(ctx, i)), addType);
    const groupsBox = el('div', { class: 'bgroups', id: 'b-agentGroups' }, ...groups.map((_, g) => agentGroupSection(ctx, g)), addGroup);
    const typesSlot = el('p', { class: 'field-issue', id: 'b-contactTypes-issue' });
    const groupsSlot = el('p', { class: 'field-issue', id: 'b-agentGroups-issue' });
    ctx.register('contactTypes', typesBox, typesSlot);
    ctx.register('agentGroups', groupsBox, groupsSlot);
    this.form.replaceChildren(
      scenarioSection(ctx),
      el('h3', {}, 'Contact types'),
      typesSlot,
      typesBox,
      el('h3', { id: 'volume-grid-title' }, 'Volume per interval (contacts)'),
      this.volumeGrid(ctx),
      el('h3', {}, 'Agent groups'),
      groupsSlot,
      groupsBox,
      el('h3', { id: 'skills-matrix-title' }, 'Skills'),
      skillsMatrix(ctx),
      el('h3', { id: 'staff-grid-title' }, 'Staff per interval (agents) against the requirement'),
      this.staffGrid(ctx),
    );
    this.validate();
    if (focused !== '') (document.getElementById(focused) as HTMLElement | null)?.focus({ preventScroll: true });
    window.scrollTo({ top: scroll });
  }

  private labels(): string[] | null {
    const n = gridIntervals(this.doc);
    if (n === null) return null;
    const minutes = getAt(this.doc, ['intervalMinutes']);
    const start = getAt(this.doc, ['start']);
    return intervalLabels(typeof start === 'string' ? start : '00:00', typeof minutes === 'number' && minutes > 0 ? minutes : 30, n);
  }

  private noGrid(): HTMLElement {
    return el('p', { class: 'hint' }, `The grids appear once “Intervals” is a whole number from 1 to ${MAX_GRID_INTERVALS}.`);
  }

  private volumeGrid(ctx: FormContext): HTMLElement {
    const labels = this.labels();
    if (labels === null) return this.noGrid();
    const types = contactTypes(this.doc);
    if (types.length === 0) return el('p', { class: 'hint' }, 'Add a contact type to give its volume per interval.');
    return editGrid(ctx, {
      caption: 'Contacts arriving in each interval (Poisson at that rate). Paste a block from a spreadsheet at any cell.',
      what: 'volume',
      corner: 'Contact type',
      testId: 'volume-grid',
      labels,
      integer: false,
      rows: types.map((t, i) => ({ label: String(t['id'] ?? `type ${i + 1}`), path: ['contactTypes', i, 'volume'] })),
    });
  }

  private staffGrid(ctx: FormContext): HTMLElement {
    const labels = this.labels();
    if (labels === null) return this.noGrid();
    const groups = agentGroups(this.doc);
    if (groups.length === 0) return el('p', { class: 'hint' }, 'Add an agent group to give its staff per interval.');
    const legend = el('p', { class: 'hint grid-legend', 'data-testid': 'staff-grid-legend' });
    ctx.onValidated(() => {
      const r = this.requirement;
      const base = 'Under each cell: “need n”, the agents the group needs in that interval by the analytic plan of ccsim staff --method erlang-a (Erlang A for a type with patience, Erlang C without; no carry-over between intervals, bots and overflow simplified). Each contact type counts in the most specialised group that serves it; a group’s figure is the sum over its types. “(−k)”: k agents short.';
      if (r === null) legend.textContent = `${base} The figures appear once the scenario is valid.`;
      else if (!r.ok) legend.textContent = `${base} No figures: ${r.reason}.`;
      else {
        const where = groups.map((g, i) => `${String(g['id'])}: ${r.byGroup[i]?.types.join(', ') || 'no type'}`).join('; ');
        legend.textContent = `${base} Counted here: ${where}.${r.unserved.length > 0 ? ` No group serves ${r.unserved.join(', ')}.` : ''}`;
      }
    });
    return editGrid(ctx, {
      caption: 'Agents available in each interval (net of shrinkage). Paste a block from a spreadsheet at any cell.',
      what: 'staff',
      corner: 'Agent group',
      testId: 'staff-grid',
      labels,
      integer: true,
      rows: groups.map((g, i) => ({
        label: String(g['id'] ?? `group ${i + 1}`),
        path: Array.isArray(g['shifts']) && g['staff'] === undefined ? null : ['agentGroups', i, 'staff'],
        note: 'staffed by shifts: edit them in the JSON',
      })),
      under: (row, col) => {
        const r = this.requirement;
        const g = r?.ok ? r.byGroup[row] : undefined;
        const required = g?.required[col];
        if (g === undefined || required === undefined) return null;
        const value = getAt(this.doc, ['agentGroups', row, 'staff', col]);
        const staff = typeof value === 'number' ? value : undefined;
        const short = staff !== undefined && staff < required;
        return { text: short ? `need ${required} (−${required - staff})` : `need ${required}`, title: cellRequirementText(staff, required, g.exact[col] ?? 0, g.types), short };
      },
      legend,
    });
  }

  /** Validate the document as ccsim run would, and show every issue next to its field and in the summary. */
  private validate(): void {
    try {
      this.scenario = parseScenario(structuredClone(this.doc));
      this.issues = [];
    } catch (error) {
      this.scenario = null;
      this.issues = error instanceof ScenarioError ? error.issues : [{ path: '(root)', message: error instanceof Error ? error.message : String(error) }];
    }
    for (const f of this.fields.values()) {
      f.slot.replaceChildren();
      f.control.removeAttribute('aria-invalid');
    }
    const known = new Set(this.fields.keys());
    const items = this.issues.map((issue) => {
      const at = fieldForIssue(issue.path, known);
      const f = at === undefined ? undefined : this.fields.get(at);
      if (f !== undefined) {
        f.slot.appendChild(el('span', { class: 'issue-line' }, issueLine(issue)));
        f.control.setAttribute('aria-invalid', 'true');
        if (f.slot.id !== '') f.control.setAttribute('aria-describedby', f.slot.id);
      }
      const go = el('button', { type: 'button', class: 'issue-link' }, issueLine(issue));
      go.addEventListener('click', () => focusField(f?.control));
      return el('li', {}, go);
    });
    const n = this.issues.length;
    const types = contactTypes(this.doc).length;
    const groups = agentGroups(this.doc).length;
    this.summary.dataset['problems'] = String(n);
    this.summary.replaceChildren(
      n === 0
        ? el('p', { class: 'builder-ok' }, `✓ Valid: ${types} contact type${types === 1 ? '' : 's'}, ${groups} agent group${groups === 1 ? '' : 's'}, ${String(this.doc['intervals'])} intervals. “Use this scenario” adds it to the comparison.`)
        : el('p', { class: 'error-title' }, `${n} problem${n === 1 ? '' : 's'} (as ccsim run names them; each is also shown next to its field):`),
      ...(n === 0 ? [] : [el('ul', {}, ...items)]),
    );
    this.requirement = this.scenario === null ? null : cellRequirement(this.scenario);
    for (const update of this.updates) update();
    const { token, chars } = linkToken(this.doc);
    this.link.textContent =
      token === null
        ? `Too big for a link (${chars.toLocaleString('en-US')} characters encoded, more than ${MAX_LINK_TOKEN_CHARS.toLocaleString('en-US')}): share it with “Save JSON”.`
        : `Small enough for a link (${chars.toLocaleString('en-US')} characters encoded): once used, the page’s address carries it.`;
    this.link.dataset['fits'] = String(token !== null);
  }
}

/** Focus a field named by an issue (a fieldset or row: its first control). */
function focusField(control: HTMLElement | undefined): void {
  if (control === undefined) return;
  const target = control.matches('input, select, textarea, button') ? control : control.querySelector<HTMLElement>('input, select, textarea, button');
  (target ?? control).scrollIntoView({ block: 'center' });
  target?.focus();
}
