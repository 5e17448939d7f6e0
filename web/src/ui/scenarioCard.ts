/** One scenario of the comparison: which scenario (bundled or uploaded) and its what-if knobs. */
import { describeKnobs, isEmpty } from '../model/knobs.js';
import type { CardState } from '../model/appState.js';
import type { Sources } from '../model/sources.js';
import { el } from './dom.js';
import { knobForm, type BadInputs } from './knobForm.js';

export interface CardCallbacks {
  readonly onSource: (source: string) => void;
  readonly onKnobs: () => void;
  readonly onRemove: (() => void) | null;
  /** Save the scenario as the form makes it (a file `ccsim run` and the upload accept). */
  readonly onDownload: () => void;
}

export const cardTitle = (index: number) => (index === 0 ? 'Baseline' : `Scenario ${index + 1}`);
/** `scenario-select` for the baseline (the page's main picker), `scenario-select-2`... for the others. */
export const selectTestId = (index: number) => (index === 0 ? 'scenario-select' : `scenario-select-${index + 1}`);

export function scenarioCard(index: number, card: CardState, sources: Sources, bad: BadInputs, cb: CardCallbacks): HTMLElement {
  const selectId = `scenario-${index + 1}-select`;
  const select = el('select', { id: selectId, 'data-testid': selectTestId(index) });
  const bundled = el('optgroup', { label: 'Bundled scenarios' });
  for (const key of sources.bundledKeys()) {
    const info = sources.get(key)!;
    bundled.appendChild(el('option', { value: key }, info.label));
  }
  select.appendChild(bundled);
  if (sources.uploaded.length > 0) {
    const up = el('optgroup', { label: 'Uploaded' });
    for (const u of sources.uploaded) up.appendChild(el('option', { value: u.key }, sources.get(u.key)!.label));
    select.appendChild(up);
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
  const summaryText = () => (isEmpty(card.knobs) ? 'What if… (volume, staff, handle time, patience, target, bot)' : `What if… (${describeKnobs(card.knobs)})`);
  const summary = el('summary', {}, summaryText());
  const details = el(
    'details',
    { class: 'knobs', open: !isEmpty(card.knobs) },
    summary,
    knobForm(info?.raw, card.knobs, `s${index + 1}`, bad, () => {
      summary.textContent = summaryText();
      cb.onKnobs();
    }),
  );
  return el(
    'section',
    { class: 'scenario-card', 'data-testid': `scenario-card-${index + 1}`, 'aria-label': cardTitle(index) },
    el('div', { class: 'card-head' }, title, el('span', { class: 'card-actions' }, save, remove)),
    el('label', { for: selectId, class: 'select-label' }, 'Scenario'),
    select,
    info && info.description !== '' ? el('p', { class: 'description' }, info.description) : null,
    details,
  );
}
