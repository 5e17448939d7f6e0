/** The page's frame: the header, the scenario panel on the left and the results column on the right. */
import { append, el } from './dom.js';

/** The live parts the frame places (the app keeps and updates them). */
export interface PageParts {
  readonly cards: HTMLElement;
  readonly addButton: HTMLElement;
  readonly upload: HTMLInputElement;
  /** The "From history" box (forecast, fit, replay from CSV files). */
  readonly history?: HTMLElement;
  readonly errors: HTMLElement;
  readonly runPanel: HTMLElement;
  /** The results column (`<main id="main">`), the skip link's target. */
  readonly main: HTMLElement;
}

export function pageLayout(root: HTMLElement, parts: PageParts): void {
  const header = el(
    'header',
    { class: 'top' },
    el('h1', {}, 'ccsim'),
    el('p', { class: 'tagline' }, 'Contact-center scenarios, simulated in your browser: service level, waiting, abandonment and occupancy, interval by interval, with 95% confidence intervals.'),
  );
  const uploadField = el(
    'div',
    { class: 'upload' },
    el('label', { for: parts.upload.id }, 'Upload a scenario file (JSON, as for ccsim run)'),
    parts.upload,
  );
  const panel = el(
    'aside',
    { class: 'panel', 'aria-label': 'Scenarios and run' },
    el('h2', {}, 'Scenarios'),
    el('p', { class: 'hint' }, 'The first is the baseline. Every scenario is simulated with the same customers (common random numbers), so differences are paired.'),
    parts.cards,
    el('div', { class: 'panel-actions' }, parts.addButton, uploadField),
    parts.history,
    parts.errors,
    parts.runPanel,
  );
  const skip = el('a', { href: `#${parts.main.id}`, class: 'skip-link' }, 'Skip to results');
  // The skip link must not replace the state in the hash.
  skip.addEventListener('click', (e) => {
    e.preventDefault();
    parts.main.focus();
  });
  append(root, skip, header, el('div', { class: 'layout' }, panel, parts.main));
}
