/**
 * The set-up in the URL hash, so a link reproduces it:
 * `#s=retail-day&s=retail-day,staff:0.9,add.voice-team:2&reps=20&seed=1&type=calls`.
 * Each `s` is a bundled scenario id followed by its knobs. A scenario built in the page travels
 * as `b=<token>` (its JSON, see builder/scenarioLink.ts) followed by its knobs, when it is small
 * enough. Uploaded scenarios cannot travel in a link (they are left out; "Save JSON" downloads them).
 */
import type { ScenarioIssue } from '../../../src/scenario/index.js';
import { MAX_REPLICATIONS, MAX_SCENARIOS, isUpload, type AppState, type CardState } from './appState.js';
import { knobTokens, parseKnobTokens } from './knobs.js';

/** encodeURIComponent, but "," and ":" (safe in a fragment) stay as they are. */
const readable = (s: string) => encodeURIComponent(s).replace(/%2C/g, ',').replace(/%3A/g, ':');

/** Scenarios built in the page, as link tokens (model/sources.ts). */
export interface ScenarioLinks {
  /** The link token of a card's source; undefined when it has none (not built, or too big). */
  tokenOf(source: string): string | undefined;
  /** The source a token read from a link stands for, or why it cannot be used. */
  sourceOf(token: string): string | ScenarioIssue;
}

export function encodeState(state: AppState, extra: Record<string, string> = {}, links?: ScenarioLinks): string {
  const parts: string[] = [];
  for (const card of state.cards) {
    const token = links?.tokenOf(card.source);
    if (token !== undefined) parts.push(`b=${readable([token, ...knobTokens(card.knobs)].join(','))}`);
    if (isUpload(card.source)) continue;
    parts.push(`s=${readable([card.source, ...knobTokens(card.knobs)].join(','))}`);
  }
  parts.push(`reps=${state.replications}`, `seed=${state.seed}`);
  if (state.type !== null) parts.push(`type=${readable(state.type)}`);
  for (const [k, v] of Object.entries(extra)) parts.push(`${k}=${readable(v)}`);
  return `#${parts.join('&')}`;
}

export interface DecodedState {
  /** Only the fields the hash sets. */
  readonly state: Partial<AppState>;
  readonly issues: ScenarioIssue[];
  readonly run: boolean;
}

/** Read a hash made by encodeState; anything it cannot use is reported under path `url`. */
export function decodeState(hash: string, bundledIds: readonly string[], links?: ScenarioLinks): DecodedState {
  const issues: ScenarioIssue[] = [];
  const state: Partial<AppState> = {};
  let run = false;
  const cards: CardState[] = [];
  const body = hash.replace(/^#/, '');
  if (body === '') return { state, issues, run };
  for (const part of body.split('&')) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    let value: string;
    try {
      value = decodeURIComponent(eq < 0 ? '' : part.slice(eq + 1));
    } catch {
      issues.push({ path: 'url', message: `cannot read "${part}"` });
      continue;
    }
    if (key === 's') {
      const [id = '', ...tokens] = value.split(',');
      if (!bundledIds.includes(id)) {
        issues.push({ path: 'url', message: `unknown bundled scenario "${id}" (bundled: ${bundledIds.join(', ')})` });
        continue;
      }
      const { knobs, rejected } = parseKnobTokens(tokens);
      for (const token of rejected) issues.push({ path: 'url', message: `unknown setting "${token}" for ${id}` });
      if (cards.length < MAX_SCENARIOS) cards.push({ source: id, knobs });
    } else if (key === 'b' && links !== undefined) {
      const [token = '', ...tokens] = value.split(',');
      const source = links.sourceOf(token);
      if (typeof source !== 'string') {
        issues.push(source);
        continue;
      }
      const { knobs, rejected } = parseKnobTokens(tokens);
      for (const t of rejected) issues.push({ path: 'url', message: `unknown setting "${t}" for the built scenario` });
      if (cards.length < MAX_SCENARIOS) cards.push({ source, knobs });
    } else if (key === 'reps') {
      const n = Number(value);
      if (Number.isInteger(n) && n >= 1 && n <= MAX_REPLICATIONS) state.replications = n;
      else issues.push({ path: 'url', message: `reps must be an integer from 1 to ${MAX_REPLICATIONS}` });
    } else if (key === 'seed') {
      const n = Number(value);
      if (Number.isInteger(n) && n >= 0) state.seed = n;
      else issues.push({ path: 'url', message: 'seed must be an integer >= 0' });
    } else if (key === 'type') {
      state.type = value;
    } else if (key === 'run') {
      run = value === '1';
    } else {
      issues.push({ path: 'url', message: `unknown parameter "${key}"` });
    }
  }
  if (cards.length > 0) state.cards = cards;
  return { state, issues, run };
}
