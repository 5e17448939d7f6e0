/**
 * Problems with the input, named by field path as the CLI names them (`path: message`), grouped
 * by where they come from (a card, an uploaded file, the link). Hidden when there are none.
 */
import type { ScenarioIssue } from '../../../src/scenario/index.js';
import { issueLine } from '../model/prepare.js';
import { el } from './dom.js';

export interface IssueGroup {
  readonly title: string;
  readonly issues: readonly ScenarioIssue[];
  /** Shown as a button that clears this group (e.g. a failed upload). */
  readonly dismiss?: () => void;
}

export class ErrorBox {
  readonly element = el('div', { class: 'error-box', 'data-testid': 'error', role: 'alert', hidden: true });

  show(groups: readonly IssueGroup[], lead?: string): void {
    this.element.replaceChildren();
    const shown = groups.filter((g) => g.issues.length > 0);
    if (shown.length === 0 && lead === undefined) {
      this.element.hidden = true;
      return;
    }
    if (lead !== undefined) this.element.appendChild(el('p', { class: 'error-lead' }, lead));
    for (const g of shown) {
      const head = el('p', { class: 'error-title' }, g.title);
      if (g.dismiss) {
        const b = el('button', { type: 'button', class: 'small secondary', 'data-testid': 'error-dismiss' }, 'Dismiss');
        b.addEventListener('click', g.dismiss);
        head.append(' ', b);
      }
      const ul = el('ul', {});
      for (const issue of g.issues) ul.appendChild(el('li', {}, issueLine(issue)));
      this.element.append(head, ul);
    }
    this.element.hidden = false;
  }

  clear(): void {
    this.show([]);
  }
}
