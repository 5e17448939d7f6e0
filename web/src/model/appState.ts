/** What the user has set up: the scenarios to compare (each a source plus knobs) and the run settings. */
import { emptyKnobs, type Knobs } from './knobs.js';
import type { ForecastFile } from './prepare.js';
import { RUN_DEFAULTS } from '../../../src/experiment/runDefaults.js';

/** A source is a bundled scenario id, or `upload:<n>` for an uploaded file. */
export interface CardState {
  source: string;
  knobs: Knobs;
  /** An uploaded forecast CSV merged into the scenario (not kept in the URL). */
  forecast?: ForecastFile;
}

export interface AppState {
  /** The first is the baseline. */
  cards: CardState[];
  replications: number;
  seed: number;
  /** Contact type shown in the per-interval charts (null = the first). */
  type: string | null;
}

export const MAX_SCENARIOS = 6;
export const MAX_REPLICATIONS = 1000;

/** What a new user sees: the retail day beside its voice-bot twin. */
export function defaultState(bundledIds: readonly string[]): AppState {
  const pick = (id: string) => (bundledIds.includes(id) ? id : bundledIds[0] ?? '');
  const cards = [pick('retail-day'), pick('chatbot-voice')].map((source) => ({ source, knobs: emptyKnobs() }));
  return { cards, replications: RUN_DEFAULTS.pageReplications, seed: RUN_DEFAULTS.seed, type: null };
}

export const isUpload = (source: string) => source.startsWith('upload:');
