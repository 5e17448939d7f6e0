/**
 * The builder's forms for the scenario's own fields, one contact type and one agent group.
 * Volumes and staff per interval are edited in the grids (builderGrid.ts), skills in the matrix.
 */
import { getAt, isObject, NEW_TYPE, removeAgentGroup, removeContactType, renameContactType, setAt, setIntervals, type Json, type PathKey } from '../builder/scenarioDocument.js';
import { el } from './dom.js';
import { distributionEditor } from './builderDistribution.js';
import { numberField, section, selectField, textField, type FormContext } from './builderFields.js';

/** A new bot: half of the arrivals try it, 30% are contained, 90 s sessions. */
const NEW_BOT = { share: 0.5, containment: 0.3, duration: { dist: 'lognormal', mean: 90, cv: 1 } };

export function scenarioSection(ctx: FormContext): HTMLElement {
  return section(
    ctx,
    [],
    'Scenario',
    'bsection-scenario',
    el(
      'div',
      { class: 'bfields' },
      textField(ctx, ['name'], { label: 'Name', testId: 'builder-name' }),
      textField(ctx, ['description'], { label: 'Description (optional)', optional: true }),
      numberField(ctx, ['intervalMinutes'], { label: 'Interval length', unit: 'min', integer: true, title: 'a divisor of 1440: 15, 30 or 60 are usual' }),
      intervalsField(ctx),
      textField(ctx, ['start'], { label: 'First interval starts at', placeholder: '00:00', optional: true, title: 'clock time HH:MM', onCommit: () => ctx.restructure() }),
      numberField(ctx, ['warmupMinutes'], { label: 'Warm-up', unit: 'min', placeholder: '0', title: 'simulated before the first interval with its arrivals and staff, not counted' }),
    ),
  );
}

/** The interval count: typed freely; once committed, the grids take that many columns. */
function intervalsField(ctx: FormContext): HTMLElement {
  const wrap = numberField(ctx, ['intervals'], { label: 'Intervals', integer: true, title: 'the grids take this many columns once you leave the field' });
  const input = wrap.querySelector('input')!;
  input.addEventListener('change', () => {
    setIntervals(ctx.doc, getAt(ctx.doc, ['intervals']));
    ctx.restructure();
  });
  return wrap;
}

function removeButton(label: string, testId: string, remove: () => void, ctx: FormContext): HTMLElement {
  const b = el('button', { type: 'button', class: 'small secondary', 'data-testid': testId, 'aria-label': label }, 'Remove');
  b.addEventListener('click', () => {
    remove();
    ctx.restructure();
  });
  return b;
}

export function contactTypeSection(ctx: FormContext, i: number): HTMLElement {
  const p: PathKey[] = ['contactTypes', i];
  const type = getAt(ctx.doc, p) as Json;
  const id = typeof type['id'] === 'string' ? type['id'] : `type ${i + 1}`;
  const channel = type['channel'];
  const handleTime = Array.isArray(type['handleTime'])
    ? el('p', { class: 'hint' }, `Handle time: one distribution per interval (${type['handleTime'].length}), kept as it is: edit it in the JSON.`)
    : distributionEditor(ctx, [...p, 'handleTime'], { legend: 'Handle time', what: `handle time of ${id}`, fallbackMean: NEW_TYPE.handleTime });
  const patience =
    channel === 'email'
      ? el('p', { class: 'hint' }, 'Email never abandons (no patience).')
      : Array.isArray(type['patience'])
        ? el('p', { class: 'hint' }, `Patience: one distribution per interval (${type['patience'].length}), kept as it is: edit it in the JSON.`)
        : distributionEditor(ctx, [...p, 'patience'], { legend: 'Patience', what: `patience of ${id}`, none: 'none: never abandons', fallbackMean: NEW_TYPE.patience });
  const serviceLevel = section(
    ctx,
    [...p, 'serviceLevel'],
    'Service-level target',
    'bsub',
    el(
      'div',
      { class: 'bfields' },
      numberField(ctx, [...p, 'serviceLevel', 'target'], { label: 'Share answered', unit: '0..1', title: 'fraction of contacts to answer within the threshold, e.g. 0.8' }),
      numberField(ctx, [...p, 'serviceLevel', 'seconds'], { label: 'within', unit: 's', title: 'answer-time threshold, seconds after joining the queue' }),
    ),
  );
  return section(
    ctx,
    p,
    `Contact type ${i + 1}: ${id}`,
    'btype',
    el(
      'div',
      { class: 'bfields' },
      textField(ctx, [...p, 'id'], {
        label: 'Id',
        title: 'letters, digits, _ and -',
        onInput: (value) => renameContactType(ctx.doc, i, value),
        onCommit: () => ctx.restructure(),
      }),
      selectField(ctx, [...p, 'channel'], [['voice', 'voice'], ['chat', 'chat'], ['email', 'email']], {
        label: 'Channel',
        onChoose: (value) => {
          setAt(ctx.doc, [...p, 'channel'], value);
          if (value === 'email') setAt(ctx.doc, [...p, 'patience'], undefined);
        },
      }),
      numberField(ctx, [...p, 'priority'], { label: 'Priority', integer: true, placeholder: '0', title: 'a freed agent takes the highest-priority waiting contact first' }),
      el('div', { class: 'bfield-action' }, removeButton(`Remove contact type ${id}`, `remove-type-${i}`, () => removeContactType(ctx.doc, i), ctx)),
    ),
    el('p', { class: 'hint' }, 'Volume per interval: in the volume grid below.'),
    handleTime,
    patience,
    serviceLevel,
    botSection(ctx, p, id),
  );
}

function botSection(ctx: FormContext, p: PathKey[], id: string): HTMLElement {
  const bot = getAt(ctx.doc, [...p, 'bot']);
  const boxId = `b-bot-${String(p[1])}`;
  const box = el('input', { type: 'checkbox', id: boxId, 'data-testid': `bot-${String(p[1])}` });
  box.checked = bot !== undefined;
  box.addEventListener('change', () => {
    setAt(ctx.doc, [...p, 'bot'], box.checked ? structuredClone(NEW_BOT) : undefined);
    ctx.restructure();
  });
  const toggle = el('div', { class: 'bcheck' }, box, el('label', { for: boxId }, 'A bot (self-service) answers first'));
  if (!isObject(bot)) return el('div', { class: 'bbot' }, toggle);
  return section(
    ctx,
    [...p, 'bot'],
    'Bot',
    'bsub',
    toggle,
    el(
      'div',
      { class: 'bfields' },
      numberField(ctx, [...p, 'bot', 'share'], { label: 'Share entering the bot', unit: '0..1' }),
      numberField(ctx, [...p, 'bot', 'containment'], { label: 'Contained (resolved)', unit: '0..1' }),
      numberField(ctx, [...p, 'bot', 'dropout'], { label: 'Drop out in the bot', unit: '0..1', placeholder: '0' }),
    ),
    distributionEditor(ctx, [...p, 'bot', 'duration'], { legend: 'Bot session length', what: `bot session of ${id}`, fallbackMean: 90 }),
  );
}

export function agentGroupSection(ctx: FormContext, g: number): HTMLElement {
  const p: PathKey[] = ['agentGroups', g];
  const group = getAt(ctx.doc, p) as Json;
  const id = typeof group['id'] === 'string' ? group['id'] : `group ${g + 1}`;
  return section(
    ctx,
    p,
    `Agent group ${g + 1}: ${id}`,
    'bgroup',
    el(
      'div',
      { class: 'bfields' },
      textField(ctx, [...p, 'id'], { label: 'Id', title: 'letters, digits, _ and -', onCommit: () => ctx.restructure() }),
      numberField(ctx, [...p, 'concurrency'], { label: 'Chats at once per agent', integer: true, placeholder: '1', title: 'chat only: how many chats one agent holds at most' }),
      el('div', { class: 'bfield-action' }, removeButton(`Remove agent group ${id}`, `remove-group-${g}`, () => removeAgentGroup(ctx.doc, g), ctx)),
    ),
    Array.isArray(group['shifts']) ? el('p', { class: 'hint' }, `Staffed by ${group['shifts'].length} shifts (kept as they are: edit them in the JSON).`) : null,
  );
}
