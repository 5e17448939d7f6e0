/**
 * Intraday in the page (CONTRACT section 7, `ccsim intraday` and `compare --now --state`): a
 * card's "From now" opens the form (ui/intradayForm.ts); a state that fits makes a new card,
 * "<name> from HH:MM", whose source keeps the whole day's scenario and the state of now. Every
 * time the page prepares that card, its what-ifs (the card's knobs) change the whole day first and
 * the day is then cut at now with the state, as `ccsim intraday --set` and `ccsim compare --now
 * --state` do; so cards from the same source are the CLI's what-ifs, compared on the same
 * customers (common random numbers) by the page's ordinary compare.
 */
import type { Scenario, ScenarioIssue } from '../../../src/scenario/index.js';
import type { Prepared } from '../model/prepare.js';
import type { Sources } from '../model/sources.js';
import { el } from '../ui/dom.js';
import { intradayForm, type FromNowRequest } from '../ui/intradayForm.js';
import { cardTitle } from '../ui/scenarioCard.js';
import { clockOf, describeState, readStateText, restOfDay, stateFromForm } from './fromNowState.js';

export interface IntradayHost {
  readonly sources: Sources;
  /** The cards' sources and validated scenarios (what-ifs applied), in card order. */
  readonly cards: () => readonly { readonly source: string; readonly prepared: Prepared }[];
  readonly busy: () => boolean;
  /** Show `node` in the results column. */
  readonly show: (node: HTMLElement) => void;
  readonly status: (text: string, kind?: 'info' | 'error' | 'done') => void;
  /** A card for `key`; its index, or null when the page has no room for another card. */
  readonly addCard: (key: string) => number | null;
  /** Run (compare) only the cards `only`, by index. */
  readonly run: (only: readonly number[]) => void;
}

/** The state of now a rest-of-the-day source was made with. */
interface FromNow {
  readonly now: string;
  /** The state.json object (as made from the counts, or as pasted). */
  readonly input: unknown;
}

/** Cards cover the same intervals when these agree. */
const dayOf = (s: Scenario) => `${s.start}/${s.intervals}/${s.intervalMinutes}`;

export class IntradayFlow {
  private readonly fromNow = new Map<string, FromNow>();
  /** The last request made from each source, to fill the form again. */
  private readonly last = new Map<string, FromNowRequest>();

  constructor(private readonly host: IntradayHost) {}

  /** Whether a card of `source` is a rest of the day (no "From now" on it: it has a now). */
  isFromNow(source: string): boolean {
    return this.fromNow.has(source);
  }

  /** A card's prepared whole day (its what-ifs applied) cut at its now with its state; other cards as they are. */
  prepare(source: string, day: Prepared): Prepared {
    const f = this.fromNow.get(source);
    return f === undefined ? day : restOfDay(day, f.now, f.input);
  }

  /** The "From now" form for card i, in the results column. */
  open(i: number): void {
    const card = this.host.cards()[i];
    if (card === undefined) return;
    if (!card.prepared.ok) {
      this.host.status(`${cardTitle(i)} has problems (listed above); fix them before simulating from now.`, 'error');
      return;
    }
    const scenario = card.prepared.scenario;
    const last = this.last.get(card.source);
    const form = intradayForm({
      cardTitle: cardTitle(i),
      scenario,
      ...(last === undefined ? {} : { last }),
      onSubmit: (request) => this.submit(card.source, scenario, request),
      onClose: () => this.host.show(el('p', { class: 'hint' }, 'Closed: nothing was simulated from now.')),
    });
    this.host.show(form);
    form.querySelector<HTMLElement>('h2')?.scrollIntoView({ block: 'start' });
    form.querySelector<HTMLInputElement>('input')?.focus({ preventScroll: true });
  }

  /** Check the request against `scenario`; when it fits, make the card and run it. */
  private submit(source: string, scenario: Scenario, request: FromNowRequest): readonly ScenarioIssue[] | null {
    if (this.host.busy()) return [{ path: '(page)', message: 'a run is in progress: wait for it or cancel it first' }];
    let input: unknown;
    if (request.mode === 'form') {
      const built = stateFromForm(scenario, request.values);
      if (!built.ok) return built.issues;
      input = built.state;
    } else {
      const read = readStateText(request.text);
      if (!read.ok) return read.issues;
      input = read.input;
    }
    const now = clockOf(request.now);
    const rest = restOfDay({ ok: true, scenario }, now, input);
    if (!rest.ok) return rest.issues;
    this.last.set(source, request);

    const name = `${scenario.name} from ${now}`;
    const raw = JSON.parse(JSON.stringify(scenario)) as Record<string, unknown>;
    delete raw['forecast']; // its volumes are in the scenario already
    raw['name'] = name;
    raw['description'] = `The rest of ${scenario.name} from ${now}, started with ${describeState(input)}. What-ifs on this card change the whole day before it is cut at ${now}, as ccsim intraday --set does.`;
    const key = this.host.sources.addUpload(`${scenario.name.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}-from-${now.replace(':', '')}.json`, raw, 'intraday');
    this.fromNow.set(key, { now, input });
    const index = this.host.addCard(key);
    if (index === null) {
      this.host.status(`${name} was added to the scenario lists (no room for another card): pick it in one of them.`, 'info');
      return null;
    }
    this.host.run(this.sameDay(index));
    return null;
  }

  /** The cards that cover the same intervals as card `index` (the ones a comparison with it pairs). */
  private sameDay(index: number): number[] {
    const cards = this.host.cards();
    const target = cards[index]?.prepared;
    if (target === undefined || !target.ok) return [index];
    return cards.flatMap((c, i) => (c.prepared.ok && dayOf(c.prepared.scenario) === dayOf(target.scenario) ? [i] : []));
  }

  /**
   * The cards a run compares: all of them, unless a rest of the day sits beside cards of other
   * intervals (a whole day beside the day from 11:00 pairs nothing alike). Then nothing runs and
   * the results column says so, offering to compare the cards of the first rest of the day.
   */
  pick(): number[] | null {
    const cards = this.host.cards();
    const all = cards.map((_, i) => i);
    const first = cards.findIndex((c) => this.isFromNow(c.source));
    if (first < 0) return all;
    const same = this.sameDay(first);
    if (same.length === all.length) return all;
    const target = cards[first]!.prepared as { scenario: Scenario };
    const rows = cards.map((c, i) => {
      const what = c.prepared.ok ? `${c.prepared.scenario.name}: ${c.prepared.scenario.intervals} intervals from ${c.prepared.scenario.start}` : 'has problems';
      return el('li', {}, `${cardTitle(i)} (${what})${same.includes(i) ? '' : ' — left out'}`);
    });
    const button = el('button', { type: 'button', class: 'primary', 'data-testid': 'intraday-run-same-day' }, `Compare the ${same.length} card${same.length === 1 ? '' : 's'} from ${target.scenario.start}`);
    button.addEventListener('click', () => this.host.run(same));
    const box = el(
      'div',
      { class: 'confirm', 'data-testid': 'intraday-mixed-days', role: 'alert' },
      el('p', { class: 'error-title' }, `Not run: ${cardTitle(first).toLowerCase()} is the rest of a day from ${target.scenario.start}, and other cards cover other intervals.`),
      el('p', {}, 'A comparison pairs the same intervals on the same customers: compare the cards from now among themselves (add cards from it with what-ifs), or remove them to compare the whole days.'),
      el('ul', {}, ...rows),
      button,
    );
    this.host.show(box);
    this.host.status('Not run: a rest of the day and cards of other intervals (see the message).', 'error');
    return null;
  }
}
