/** What the results column shows before the first run (and after a cancelled one). */
import { el } from './dom.js';

export function intro(): HTMLElement {
  return el(
    'div',
    { class: 'intro' },
    el('h2', {}, 'Compare scenarios'),
    el('p', {}, 'The retail day and the same day with a voice bot are set up on the left. Press Run to simulate both with the same customers and see service level, waiting, abandonment and occupancy interval by interval.'),
    el('ul', {},
      el('li', {}, 'Pick other bundled scenarios, upload your own JSON file, or open “What if…” on a card to change volume, staff, handle time, patience, service-level target or the bot.'),
      el('li', {}, 'Add a scenario to compare a variant with its baseline: deltas are paired, so small changes show.'),
      el('li', {}, 'The address bar keeps your set-up: copy it to share.'),
    ),
  );
}
