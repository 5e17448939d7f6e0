/**
 * The "what if" form of one scenario card: multipliers for volume, handle time and staff; agents
 * added per group; patience, service-level target and bot share/containment per contact type.
 * An empty field leaves the scenario's own value (shown as the placeholder).
 */
import { ADDED_BOT_DURATION, type Knobs } from '../model/knobs.js';
import { el } from './dom.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** Field values the browser could not read as numbers, as `knobs.<field>: ...` issues. */
export type BadInputs = Map<string, string>;

interface FieldSpec {
  readonly testId: string;
  readonly label: string;
  readonly unit: string;
  readonly value: number | undefined;
  readonly placeholder: string;
  readonly step: string;
  readonly min?: string;
  readonly max?: string;
  readonly title: string;
  readonly set: (v: number | undefined) => void;
}

function field(spec: FieldSpec, idPrefix: string, bad: BadInputs, onChange: () => void): HTMLElement {
  const id = `${idPrefix}-${spec.testId}`;
  const input = el('input', {
    id,
    type: 'number',
    inputmode: 'decimal',
    step: spec.step,
    min: spec.min,
    max: spec.max,
    placeholder: spec.placeholder,
    title: spec.title,
    'data-testid': spec.testId,
  });
  if (spec.value !== undefined) input.value = String(spec.value);
  input.addEventListener('input', () => {
    if (input.validity.badInput) bad.set(spec.testId, `${spec.label}: not a number`);
    else bad.delete(spec.testId);
    spec.set(input.value.trim() === '' || input.validity.badInput ? undefined : input.valueAsNumber);
    onChange();
  });
  return el('div', { class: 'field' }, el('label', { for: id }, spec.label), input, el('span', { class: 'unit' }, spec.unit));
}

function setIn(map: Record<string, number>, key: string, v: number | undefined): void {
  if (v === undefined) delete map[key];
  else map[key] = v;
}

/** The form for `raw` (the scenario's JSON) editing `knobs` in place; `onChange` after each edit. */
export function knobForm(raw: unknown, knobs: Knobs, idPrefix: string, bad: BadInputs, onChange: () => void): HTMLElement {
  const s = isObject(raw) ? raw : {};
  const f = (spec: FieldSpec) => field(spec, idPrefix, bad, onChange);
  const global = el(
    'fieldset',
    { class: 'knobs-global' },
    el('legend', {}, 'Whole scenario'),
    f({ testId: 'knob-volume', label: 'Volume', unit: '×', value: knobs.volume, placeholder: '1', step: '0.05', min: '0', title: 'multiplies every contact type’s volume in every interval', set: (v) => (knobs.volume = v) }),
    f({ testId: 'knob-aht', label: 'Handle time', unit: '×', value: knobs.handleTime, placeholder: '1', step: '0.05', min: '0', title: 'multiplies every handle-time distribution', set: (v) => (knobs.handleTime = v) }),
    f({ testId: 'knob-staff', label: 'Staff', unit: '×', value: knobs.staff, placeholder: '1', step: '0.05', min: '0', title: 'multiplies every group’s staff in every interval (rounded to whole agents)', set: (v) => (knobs.staff = v) }),
  );

  const groups = list(s['agentGroups']).filter((g) => typeof g['id'] === 'string');
  const groupSet = el('fieldset', { class: 'knobs-groups' }, el('legend', {}, 'Agents added per group'));
  for (const g of groups) {
    const id = g['id'] as string;
    const perShift = g['staff'] === undefined && Array.isArray(g['shifts']);
    groupSet.appendChild(
      f({
        testId: `knob-add-${id}`,
        label: id,
        unit: perShift ? 'agents per shift' : 'agents per interval',
        value: knobs.addAgents[id],
        placeholder: '0',
        step: '1',
        title: perShift ? `agents added to each shift of ${id} (negative removes)` : `agents added to ${id} in every interval (negative removes)`,
        set: (v) => setIn(knobs.addAgents, id, v),
      }),
    );
  }

  const typeSets: HTMLElement[] = [];
  for (const t of list(s['contactTypes']).filter((x) => typeof x['id'] === 'string')) {
    const id = t['id'] as string;
    const channel = typeof t['channel'] === 'string' ? t['channel'] : '';
    const patience = isObject(t['patience']) ? (num(t['patience']['mean']) ?? num(t['patience']['value'])) : undefined;
    const sl = isObject(t['serviceLevel']) ? t['serviceLevel'] : {};
    const bot = isObject(t['bot']) ? t['bot'] : undefined;
    const set = el('fieldset', { class: 'knobs-type' }, el('legend', {}, `${id} (${channel})`));
    if (channel !== 'email') {
      set.appendChild(
        f({
          testId: `knob-patience-${id}`,
          label: 'Patience mean',
          unit: 's',
          value: knobs.patience[id],
          placeholder: patience === undefined ? 'never abandons' : String(patience),
          step: '10',
          title: 'mean time a contact waits before abandoning, seconds',
          set: (v) => setIn(knobs.patience, id, v),
        }),
      );
    }
    set.appendChild(
      f({
        testId: `knob-sl-${id}`,
        label: `SL target (${num(sl['seconds']) ?? '?'} s)`,
        unit: '0–1',
        value: knobs.slTarget[id],
        placeholder: String(num(sl['target']) ?? ''),
        step: '0.05',
        min: '0',
        max: '1',
        title: `fraction to answer within ${num(sl['seconds']) ?? '?'} s`,
        set: (v) => setIn(knobs.slTarget, id, v),
      }),
    );
    set.appendChild(
      f({
        testId: `knob-bot-share-${id}`,
        label: 'Bot share',
        unit: '0–1',
        value: knobs.botShare[id],
        placeholder: String(num(bot?.['share']) ?? 0),
        step: '0.05',
        min: '0',
        max: '1',
        title: bot
          ? 'fraction of arrivals that enter the bot first'
          : `fraction of arrivals that enter a bot (none today: one with ${ADDED_BOT_DURATION.mean} s sessions is added)`,
        set: (v) => setIn(knobs.botShare, id, v),
      }),
    );
    set.appendChild(
      f({
        testId: `knob-bot-containment-${id}`,
        label: 'Bot containment',
        unit: '0–1',
        value: knobs.botContainment[id],
        placeholder: String(num(bot?.['containment']) ?? 0),
        step: '0.05',
        min: '0',
        max: '1',
        title: 'fraction of bot sessions resolved in the bot',
        set: (v) => setIn(knobs.botContainment, id, v),
      }),
    );
    if (!bot) set.appendChild(el('p', { class: 'hint' }, `No bot today: a bot share above 0 adds one (sessions lognormal, mean ${ADDED_BOT_DURATION.mean} s, cv ${ADDED_BOT_DURATION.cv}).`));
    typeSets.push(set);
  }
  return el('div', { class: 'knob-form' }, global, groups.length > 0 && groupSet, ...typeSets);
}
