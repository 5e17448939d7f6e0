/**
 * What stops a run before it starts, shown in the results column: a what-if multiplier that
 * looks like a percentage (asked about), and a run larger than the limits (refused, or "Run
 * anyway" for a soft limit, as the CLI's --force).
 */
import { assertSimulable, checkRunSize, FORCE_ADVICE, RunTooLargeError } from '../../../src/experiment/index.js';
import type { Scenario } from '../../../src/scenario/index.js';
import { describeKnobs, emptyKnobs, type MultiplierQuestion } from '../model/knobs.js';
import { el } from './dom.js';
import { cardTitle } from './scenarioCard.js';

/** A multiplier question of card `card` (0-based). */
export interface CardQuestion {
  readonly card: number;
  readonly question: MultiplierQuestion;
}

/** The question about `asked`: run as typed, or with the multipliers those percentages mean. */
export function multiplierConfirm(asked: readonly CardQuestion[], onAsTyped: () => void, onSuggested: () => void): HTMLElement {
  const asTyped = el('button', { type: 'button', class: 'secondary', 'data-testid': 'confirm-as-typed' }, 'Run as typed');
  asTyped.addEventListener('click', onAsTyped);
  const suggested = asked.map(({ question: q }) => describeKnobs({ ...emptyKnobs(), [q.knob]: q.suggested })).join(', ');
  const useSuggested = el('button', { type: 'button', class: 'primary', 'data-testid': 'confirm-suggested' }, `Run with ${suggested}`);
  useSuggested.addEventListener('click', onSuggested);
  return el(
    'div',
    { class: 'confirm', role: 'alert', 'data-testid': 'confirm-multiplier' },
    el('p', { class: 'error-lead' }, 'Not run yet: check the what-if multipliers.'),
    el('ul', {}, ...asked.map(({ card, question }) => el('li', {}, `${cardTitle(card)}: ${question.question}`))),
    el('div', { class: 'confirm-buttons' }, useSuggested, asTyped),
  );
}

/** Why a run is refused: the message (with "Run anyway" for a soft limit) and the status line. */
export interface SizeRefusal {
  readonly element: HTMLElement;
  readonly status: string;
}

/**
 * Null when `replications` of each scenario are within the limits (or only the soft ones, with
 * `force`); else the refusal, whose "Run anyway" calls `onForce`.
 */
export function sizeRefusal(scenarios: readonly Scenario[], replications: number, force: boolean, onForce: () => void): SizeRefusal | null {
  let refusal: RunTooLargeError;
  try {
    // What no run can finish, in any scenario, first: then "Run anyway" is never offered in vain.
    scenarios.forEach(assertSimulable);
    checkRunSize(scenarios.map((scenario) => ({ scenario, replications })), force);
    return null;
  } catch (error) {
    if (!(error instanceof RunTooLargeError)) throw error;
    refusal = error;
  }
  // The CLI's wording names --force; on the page the button is the way to lift a soft limit.
  const shown = refusal.message.replace(`; ${FORCE_ADVICE}`, '');
  const anyway = el('button', { type: 'button', class: 'secondary', 'data-testid': 'run-anyway' }, 'Run anyway');
  anyway.addEventListener('click', onForce);
  return {
    element: el('div', { class: 'too-large', 'data-testid': 'too-large' }, el('p', {}, `Not run: ${shown}.`), refusal.forceable ? anyway : null),
    status: refusal.forceable ? 'Not run: larger than the usual limits (Run anyway goes ahead).' : 'Not run: beyond what ccsim can run.',
  };
}
