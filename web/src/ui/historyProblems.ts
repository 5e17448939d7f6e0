/** Problems with a history input, one per line as the CLI prints them, in a box beside the step that met them. */
import { el } from './dom.js';

export function historyProblems(testId: string, title: string, message: string): HTMLElement {
  return el(
    'div',
    { class: 'error-box', role: 'alert', 'data-testid': testId },
    el('p', { class: 'error-title' }, title),
    el('ul', {}, ...message.split('\n').map((line) => el('li', {}, line))),
  );
}
