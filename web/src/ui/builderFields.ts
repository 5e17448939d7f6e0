/**
 * The builder's form fields. Each is a real control with a label, bound to one path of the
 * scenario document, and registered under that path so that a validation issue at the path (or
 * below it) is shown next to it. Text that is not a number is kept as typed (the schema then says
 * "must be a number, not a string" at its path): nothing typed is lost.
 */
import { getAt, setAt, pathText, type Json, type PathKey } from '../builder/scenarioDocument.js';
import { el } from './dom.js';

/** What a field needs from the builder. */
export interface FormContext {
  readonly doc: Json;
  /** A value changed: validate again (the form stays as it is). */
  changed(): void;
  /** The form's structure changed (a row added, a kind chosen): draw it again. */
  restructure(): void;
  /** Show issues at `path` (and below it, unless a deeper field claims them) next to `control`, in `slot`. */
  register(path: string, control: HTMLElement, slot: HTMLElement): void;
  /** Run `update` after each validation (previews, requirement figures). */
  onValidated(update: () => void): void;
}

/** A stable element id for a path (so focus survives a redraw). */
export const fieldId = (path: readonly PathKey[] | string) => `b-${(typeof path === 'string' ? path : pathText(path)).replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;

/** Where a field's issues are written. */
// Not a live region: it is refilled on every keystroke. The control points at it (aria-describedby)
// and is marked aria-invalid, so a screen reader reads it with the field.
export const issueSlot = (id: string) => el('p', { class: 'field-issue', id: `${id}-issue` });

/** A number as typed: empty is absent, a number is a number, anything else stays text. */
export function readNumberText(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t) ? Number(t) : text;
}

export interface FieldOptions {
  readonly label: string;
  readonly unit?: string;
  /** A short explanation (the control's title). */
  readonly title?: string;
  /** Shown when empty (an optional field's default). */
  readonly placeholder?: string;
  /** Whole numbers only (the keyboard shown on phones). */
  readonly integer?: boolean;
  readonly testId?: string;
}

function field(ctx: FormContext, path: readonly PathKey[], o: FieldOptions, input: HTMLInputElement | HTMLSelectElement): HTMLElement {
  const id = fieldId(path);
  input.id = id;
  input.dataset['path'] = pathText(path);
  if (o.testId !== undefined) input.dataset['testid'] = o.testId;
  if (o.title !== undefined) input.title = o.title;
  const slot = issueSlot(id);
  ctx.register(pathText(path), input, slot);
  return el('div', { class: 'bfield' }, el('label', { for: id }, o.label), input, o.unit === undefined ? null : el('span', { class: 'unit' }, o.unit), slot);
}

/** A number at `path`. */
export function numberField(ctx: FormContext, path: readonly PathKey[], o: FieldOptions): HTMLElement {
  const input = el('input', { type: 'text', inputmode: o.integer ? 'numeric' : 'decimal', autocomplete: 'off', placeholder: o.placeholder, class: 'num' });
  const v = getAt(ctx.doc, path);
  input.value = v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  input.addEventListener('input', () => {
    setAt(ctx.doc, path, readNumberText(input.value));
    ctx.changed();
  });
  return field(ctx, path, o, input);
}

/** A text at `path` (empty: absent when `optional`, else the empty string). */
export function textField(ctx: FormContext, path: readonly PathKey[], o: FieldOptions & { optional?: boolean; onInput?: (value: string) => void; onCommit?: () => void }): HTMLElement {
  const input = el('input', { type: 'text', autocomplete: 'off', placeholder: o.placeholder, class: 'text' });
  const v = getAt(ctx.doc, path);
  input.value = typeof v === 'string' ? v : v === undefined ? '' : JSON.stringify(v);
  input.addEventListener('input', () => {
    if (o.onInput !== undefined) o.onInput(input.value);
    else setAt(ctx.doc, path, input.value === '' && o.optional ? undefined : input.value);
    ctx.changed();
  });
  if (o.onCommit !== undefined) input.addEventListener('change', o.onCommit);
  return field(ctx, path, o, input);
}

/** A choice at `path`; `onChoose` replaces the default (set the value, redraw). */
export function selectField(ctx: FormContext, path: readonly PathKey[], options: readonly (readonly [value: string, label: string])[], o: FieldOptions & { value?: string; onChoose?: (value: string) => void }): HTMLElement {
  const select = el('select', {});
  for (const [value, label] of options) select.appendChild(el('option', { value }, label));
  const current = o.value ?? getAt(ctx.doc, path);
  select.value = typeof current === 'string' && options.some(([v]) => v === current) ? current : options[0]?.[0] ?? '';
  select.addEventListener('change', () => {
    if (o.onChoose !== undefined) o.onChoose(select.value);
    else setAt(ctx.doc, path, select.value);
    ctx.restructure();
  });
  return field(ctx, path, o, select);
}

/** A fieldset registered at `path`: issues about the whole object (or no deeper field) show at its foot. */
export function section(ctx: FormContext, path: readonly PathKey[], legend: string, cls: string, ...children: (Node | null)[]): HTMLFieldSetElement {
  const id = fieldId(path);
  const slot = issueSlot(id);
  const set = el('fieldset', { class: cls, id, 'data-path': pathText(path) }, el('legend', {}, legend));
  for (const child of children) if (child !== null) set.appendChild(child);
  set.appendChild(slot);
  ctx.register(pathText(path), set, slot);
  return set;
}
