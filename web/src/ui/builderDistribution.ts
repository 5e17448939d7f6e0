/**
 * A distribution editor: the kind (every kind the schema accepts; mixture and truncated as JSON),
 * its parameters, and a preview of the density with its mean (exact, redrawn as values change).
 */
import { DistSchema, type DistSpec } from '../../../src/scenario/index.js';
import { makeDistribution, type DistributionParams } from '../../../src/random/index.js';
import { densityPreview } from '../builder/densityPreview.js';
import { getAt, isObject, pathText, setAt, type PathKey } from '../builder/scenarioDocument.js';
import { densityChart } from '../charts/densityChart.js';
import { el } from './dom.js';
import { fieldId, issueSlot, numberField, section, selectField, type FormContext } from './builderFields.js';

/** The kinds with a form, their parameters and labels. */
const KINDS: Record<string, readonly (readonly [param: string, label: string, unit: string])[]> = {
  exponential: [['mean', 'Mean', 's']],
  lognormal: [['mean', 'Mean', 's'], ['cv', 'CV (sd / mean)', '']],
  gamma: [['mean', 'Mean', 's'], ['cv', 'CV (sd / mean)', '']],
  constant: [['value', 'Value', 's']],
  uniform: [['min', 'Min', 's'], ['max', 'Max', 's']],
  weibull: [['shape', 'Shape k', ''], ['scale', 'Scale', 's']],
  triangular: [['min', 'Min', 's'], ['mode', 'Mode', 's'], ['max', 'Max', 's']],
};
const KIND_LABELS: readonly (readonly [string, string])[] = [
  ['exponential', 'exponential'],
  ['lognormal', 'lognormal'],
  ['gamma', 'gamma'],
  ['constant', 'constant'],
  ['uniform', 'uniform'],
  ['weibull', 'Weibull'],
  ['triangular', 'triangular'],
  ['empirical', 'empirical (listed values)'],
  ['json', 'mixture or truncated (JSON)'],
];
const NONE = 'none';

/** A few significant digits of a mean, for a new kind's defaults. */
const round = (x: number) => Number(x.toPrecision(3));

/** The mean of the distribution at `path` when it is valid, else `fallback`. */
function currentMean(value: unknown, fallback: number): number {
  const parsed = DistSchema.safeParse(value);
  if (!parsed.success) return fallback;
  const mean = makeDistribution(parsed.data as DistributionParams).mean;
  return Number.isFinite(mean) && mean > 0 ? round(mean) : fallback;
}

/** A distribution of kind `kind` with about mean `m`. */
function defaultOf(kind: string, m: number, current: unknown): DistSpec {
  switch (kind) {
    case 'constant':
      return { dist: 'constant', value: m };
    case 'lognormal':
    case 'gamma':
      return { dist: kind, mean: m, cv: 1 };
    case 'uniform':
      return { dist: 'uniform', min: 0, max: round(2 * m) };
    case 'weibull':
      return { dist: 'weibull', shape: 1, scale: m };
    case 'triangular':
      return { dist: 'triangular', min: 0, mode: m, max: round(2 * m) };
    case 'empirical':
      return { dist: 'empirical', values: [m] };
    case 'json':
      return { dist: 'mixture', of: [{ weight: 1, dist: (DistSchema.safeParse(current).data ?? { dist: 'exponential', mean: m }) }] };
    default:
      return { dist: 'exponential', mean: m };
  }
}

export interface DistributionOptions {
  /** Legend, e.g. "Handle time". */
  readonly legend: string;
  /** For the preview's description, e.g. "handle time of calls". */
  readonly what: string;
  /** Offer "none" (the field is optional), with this label. */
  readonly none?: string;
  /** Mean given to a new kind when the current value has none. */
  readonly fallbackMean: number;
}

export function distributionEditor(ctx: FormContext, path: readonly PathKey[], o: DistributionOptions): HTMLElement {
  const value = getAt(ctx.doc, path);
  const dist = isObject(value) ? value['dist'] : undefined;
  const kind = value === undefined ? NONE : dist === 'mixture' || dist === 'truncated' ? 'json' : typeof dist === 'string' ? dist : 'exponential';
  const options = [...(o.none === undefined ? [] : [[NONE, o.none] as const]), ...KIND_LABELS];
  const kindField = selectField(ctx, [...path, 'dist'], options, {
    label: 'Distribution',
    value: kind,
    onChoose: (chosen) => setAt(ctx.doc, path, chosen === NONE ? undefined : defaultOf(chosen, currentMean(getAt(ctx.doc, path), o.fallbackMean), getAt(ctx.doc, path))),
  });
  const params: HTMLElement[] = [];
  if (kind in KINDS) {
    for (const [param, label, unit] of KINDS[kind]!) params.push(numberField(ctx, [...path, param], { label, unit }));
  } else if (kind === 'empirical') params.push(valuesField(ctx, [...path, 'values']));
  else if (kind === 'json') params.push(jsonField(ctx, path));
  const preview = el('div', { class: 'density-preview', 'data-testid': `preview-${pathText(path)}` });
  if (kind !== NONE) {
    ctx.onValidated(() => {
      const parsed = DistSchema.safeParse(getAt(ctx.doc, path));
      if (!parsed.success) {
        preview.replaceChildren(el('p', { class: 'hint' }, 'No preview until the values are valid.'));
        return;
      }
      const p = densityPreview(parsed.data);
      preview.replaceChildren(densityChart(p, o.what));
      preview.dataset['mean'] = String(p.mean);
    });
  }
  return section(ctx, path, o.legend, 'bdist', el('div', { class: 'bdist-body' }, el('div', { class: 'bdist-fields' }, kindField, ...params), kind === NONE ? null : preview));
}

/** Empirical values: numbers separated by commas or spaces. */
function valuesField(ctx: FormContext, path: readonly PathKey[]): HTMLElement {
  const id = fieldId(path);
  const input = el('input', { type: 'text', id, class: 'text', 'data-path': pathText(path), autocomplete: 'off' });
  const v = getAt(ctx.doc, path);
  input.value = Array.isArray(v) ? v.join(', ') : typeof v === 'string' ? v : '';
  input.addEventListener('input', () => {
    const parts = input.value.split(/[\s,;]+/).filter((p) => p !== '');
    const numbers = parts.map(Number);
    // Text that is not a list of numbers is kept as typed: the schema names it.
    setAt(ctx.doc, path, numbers.every((n) => Number.isFinite(n)) ? numbers : input.value);
    ctx.changed();
  });
  const slot = issueSlot(id);
  ctx.register(pathText(path), input, slot);
  return el('div', { class: 'bfield wide' }, el('label', { for: id }, 'Values (s), separated by commas'), input, slot);
}

/** Mixture or truncated: the distribution as JSON text; text that is not JSON is named at the path. */
function jsonField(ctx: FormContext, path: readonly PathKey[]): HTMLElement {
  const id = `${fieldId(path)}-json`;
  const area = el('textarea', { id, rows: 4, class: 'json', spellcheck: 'false', 'data-path': pathText(path) });
  area.value = JSON.stringify(getAt(ctx.doc, path));
  area.addEventListener('input', () => {
    try {
      setAt(ctx.doc, path, JSON.parse(area.value) as unknown);
    } catch {
      setAt(ctx.doc, path, area.value); // named by the schema: must be an object
    }
    ctx.changed();
  });
  return el('div', { class: 'bfield wide' }, el('label', { for: id }, 'The distribution as JSON, e.g. {"dist": "truncated", "of": {...}, "max": 600}'), area);
}
