/**
 * The "what if" form of one scenario card, laid out from KNOB_TABLE: the multipliers for the
 * whole scenario, then each knob on agent groups (a field per group), then a fieldset per contact
 * type with its knobs. An empty field leaves the scenario's own value (shown as the placeholder).
 */
import type { ScenarioIssue } from '../../../src/scenario/index.js';
import { ADDED_BOT_DURATION, KNOB_TABLE, knobValue, setKnob, type KnobField, type Knobs } from '../model/knobs.js';
import { el } from './dom.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const withIds = (v: unknown): (Json & { id: string })[] => (Array.isArray(v) ? v.filter((x): x is Json & { id: string } => isObject(x) && typeof x['id'] === 'string') : []);

/** The attribute that marks a knob's input and names it in a "not a number" issue. */
const LABEL_ATTRIBUTE = 'data-knob-label';

/** The form for `raw` (the scenario's JSON) editing `knobs` in place; `onChange` after each edit. */
export function knobForm(raw: unknown, knobs: Knobs, idPrefix: string, onChange: () => void): HTMLElement {
  const s = isObject(raw) ? raw : {};
  const input = (spec: (typeof KNOB_TABLE)[number], id: string, field: KnobField): HTMLElement => {
    const testId = id === '' ? `knob-${spec.name}` : `knob-${spec.name}-${id}`;
    const value = knobValue(knobs, spec, id);
    return fieldElement(field, testId, `${idPrefix}-${testId}`, value, (v) => {
      setKnob(knobs, spec, id, v);
      onChange();
    });
  };

  const global = el('fieldset', { class: 'knobs-global' }, el('legend', {}, 'Whole scenario'));
  const groups = withIds(s['agentGroups']);
  const groupSets: HTMLElement[] = [];
  const types = withIds(s['contactTypes']).map((t) => ({
    type: t,
    set: el('fieldset', { class: 'knobs-type' }, el('legend', {}, `${t.id} (${typeof t['channel'] === 'string' ? t['channel'] : ''})`)),
  }));
  for (const spec of KNOB_TABLE) {
    if (spec.kind === 'multiplier') {
      global.appendChild(input(spec, '', spec.field));
    } else if (spec.on === 'agentGroups') {
      if (groups.length === 0) continue;
      const set = el('fieldset', { class: 'knobs-groups' }, el('legend', {}, spec.legend ?? spec.name));
      for (const g of groups) {
        const field = spec.field(g.id, g);
        if (field !== null) set.appendChild(input(spec, g.id, field));
      }
      groupSets.push(set);
    } else {
      for (const { type, set } of types) {
        const field = spec.field(type.id, type);
        if (field !== null) set.appendChild(input(spec, type.id, field));
      }
    }
  }
  for (const { type, set } of types) {
    if (!isObject(type['bot'])) set.appendChild(el('p', { class: 'hint' }, `No bot today: a bot share above 0 adds one (sessions lognormal, mean ${ADDED_BOT_DURATION.mean} s, cv ${ADDED_BOT_DURATION.cv}).`));
  }
  return el('div', { class: 'knob-form' }, global, ...groupSets, ...types.map((t) => t.set));
}

function fieldElement(spec: KnobField, testId: string, id: string, value: number | undefined, set: (v: number | undefined) => void): HTMLElement {
  const input = el('input', {
    id,
    type: 'number',
    inputmode: 'decimal',
    step: spec.step,
    min: spec.min,
    max: spec.max,
    placeholder: spec.placeholder,
    title: spec.title,
    'data-testid': testId,
    [LABEL_ATTRIBUTE]: spec.label,
  });
  if (value !== undefined) input.value = String(value);
  // Text the browser cannot read as a number leaves the knob unset; badKnobInputs reports it.
  input.addEventListener('input', () => set(input.value.trim() === '' || input.validity.badInput ? undefined : input.valueAsNumber));
  return el('div', { class: 'field' }, el('label', { for: id }, spec.label), input, el('span', { class: 'unit' }, spec.unit));
}

/**
 * The knob fields under `root` whose text the browser cannot read as a number (such text never
 * reaches the knobs, so it is read from the inputs themselves), as `what if: <label>` issues.
 */
export function badKnobInputs(root: ParentNode): ScenarioIssue[] {
  return [...root.querySelectorAll<HTMLInputElement>(`input[${LABEL_ATTRIBUTE}]`)]
    .filter((input) => input.validity.badInput)
    .map((input) => ({ path: `what if: ${input.getAttribute(LABEL_ATTRIBUTE) ?? ''}`, message: 'not a number' }));
}
