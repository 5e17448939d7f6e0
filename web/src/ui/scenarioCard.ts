/** One scenario of the comparison: which scenario (bundled or uploaded) and its what-if knobs. */
import { describeKnobs, isEmpty } from '../model/knobs.js';
import type { CardState } from '../model/appState.js';
import { forecastPrompt, forecastWanted } from '../model/prepare.js';
import { canRoster } from '../model/roster.js';
import type { Sources } from '../model/sources.js';
import { el } from './dom.js';
import { knobForm } from './knobForm.js';

export interface CardCallbacks {
  readonly onSource: (source: string) => void;
  readonly onKnobs: () => void;
  readonly onRemove: (() => void) | null;
  /** Save the scenario as the form makes it (a file `ccsim run` and the upload accept). */
  readonly onDownload: () => void;
  /** A forecast CSV was chosen for this card (null: remove it). */
  readonly onForecast: (file: File | null) => void;
  /** Roster the card's scenario (ccsim roster); only offered when it has agents and shift templates. */
  readonly onRoster: () => void;
  /** Open the "From now" form (the rest of the day from a state of now); null: not offered (a card that is already from now). */
  readonly onFromNow?: (() => void) | null;
  /** A task is running (the Roster button starts one: disabled meanwhile). */
  readonly busy: boolean;
}

export const cardTitle = (index: number) => (index === 0 ? 'Baseline' : `Scenario ${index + 1}`);
/** `scenario-select` for the baseline (the page's main picker), `scenario-select-2`... for the others. */
export const selectTestId = (index: number) => (index === 0 ? 'scenario-select' : `scenario-select-${index + 1}`);

export function scenarioCard(index: number, card: CardState, sources: Sources, cb: CardCallbacks): HTMLElement {
  const selectId = `scenario-${index + 1}-select`;
  const select = el('select', { id: selectId, 'data-testid': selectTestId(index) });
  const bundled = el('optgroup', { label: 'Bundled scenarios' });
  for (const key of sources.bundledKeys()) {
    const info = sources.get(key)!;
    bundled.appendChild(el('option', { value: key }, info.label));
  }
  select.appendChild(bundled);
  for (const [origin, label] of [['upload', 'Uploaded'], ['found', 'Staffing found by simulation'], ['fitted', 'Fitted to a history'], ['built', 'Built in the page'], ['intraday', 'The rest of a day from now']] as const) {
    const mine = sources.uploaded.filter((u) => u.origin === origin);
    if (mine.length === 0) continue;
    const group = el('optgroup', { label });
    for (const u of mine) group.appendChild(el('option', { value: u.key }, sources.get(u.key)!.label));
    select.appendChild(group);
  }
  select.value = card.source;
  select.addEventListener('change', () => cb.onSource(select.value));

  const info = sources.get(card.source);
  const title = el('h3', {}, cardTitle(index));
  const remove =
    cb.onRemove === null
      ? null
      : el('button', { type: 'button', class: 'small secondary', 'aria-label': `Remove ${cardTitle(index).toLowerCase()}`, 'data-testid': `remove-${index + 1}` }, 'Remove');
  remove?.addEventListener('click', () => cb.onRemove?.());

  const save = el('button', { type: 'button', class: 'small secondary', 'data-testid': `download-scenario-${index + 1}`, title: 'the scenario with the changes below, as a JSON file' }, 'Save JSON');
  save.addEventListener('click', cb.onDownload);
  const roster = canRoster(info?.raw)
    ? el('button', { type: 'button', class: 'small secondary roster-button', 'data-testid': `roster-${index + 1}`, disabled: cb.busy, title: 'who works when: its agents on its shift templates, solved with HiGHS as ccsim roster does' }, 'Roster')
    : null;
  roster?.addEventListener('click', cb.onRoster);
  const fromNow = cb.onFromNow ? el('button', { type: 'button', class: 'small secondary', 'data-testid': `from-now-${index + 1}`, title: 'the rest of the day from the contacts waiting and in hand now, as ccsim intraday does' }, 'From now…') : null;
  if (cb.onFromNow) fromNow?.addEventListener('click', cb.onFromNow);
  const forecastId = `scenario-${index + 1}-forecast`;
  const forecastInput = el('input', { id: forecastId, type: 'file', accept: '.csv,text/csv', 'data-testid': `forecast-upload-${index + 1}` });
  forecastInput.addEventListener('change', () => {
    const file = forecastInput.files?.[0];
    if (file !== undefined) cb.onForecast(file);
  });
  let forecastState: HTMLElement | null = null;
  if (card.forecast !== undefined) {
    const drop = el('button', { type: 'button', class: 'small secondary', 'data-testid': `forecast-remove-${index + 1}` }, 'Remove');
    drop.addEventListener('click', () => cb.onForecast(null));
    forecastState = el('p', { class: 'forecast-state' }, `Forecast: ${card.forecast.fileName} `, drop);
  }
  // A scenario whose `forecast` file the page lacks: ask for it, in the user's words, by the input.
  const wanted = card.forecast === undefined ? forecastWanted(info?.raw, info?.forecast) : undefined;
  const forecast = el(
    'div',
    { class: 'forecast' },
    wanted === undefined ? null : el('p', { class: 'forecast-wanted', 'data-testid': `forecast-wanted-${index + 1}` }, `${forecastPrompt(wanted)}.`),
    el('label', { for: forecastId }, 'Forecast CSV: columns interval_start,type,volume,aht (sets volumes and handle-time means per interval)'),
    forecastInput,
    forecastState,
  );
  const summaryText = () => {
    const changes = [card.forecast ? `forecast ${card.forecast.fileName}` : '', isEmpty(card.knobs) ? '' : describeKnobs(card.knobs)].filter((c) => c !== '');
    return changes.length === 0 ? 'What if… (forecast, volume, staff, handle time, patience, target, bot)' : `What if… (${changes.join(', ')})`;
  };
  const summary = el('summary', {}, summaryText());
  const details = el(
    'details',
    { class: 'knobs', open: !isEmpty(card.knobs) || card.forecast !== undefined || wanted !== undefined },
    summary,
    forecast,
    knobForm(info?.raw, card.knobs, `s${index + 1}`, () => {
      summary.textContent = summaryText();
      cb.onKnobs();
    }),
  );
  return el(
    'section',
    { class: 'scenario-card', 'data-testid': `scenario-card-${index + 1}`, 'aria-label': cardTitle(index) },
    el('div', { class: 'card-head' }, title, el('span', { class: 'card-actions' }, fromNow, roster, save, remove)),
    el('label', { for: selectId, class: 'select-label' }, 'Scenario'),
    select,
    info && info.description !== '' ? el('p', { class: 'description' }, info.description) : null,
    details,
  );
}
