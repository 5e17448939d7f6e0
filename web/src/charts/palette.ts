/**
 * Colours: Okabe & Ito's colour-blind-safe palette for categories, viridis for the heatmap.
 * Scenarios also differ by line dash, so colour is never the only cue.
 */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
} as const;

const SCENARIO_COLOURS = [OKABE_ITO.blue, OKABE_ITO.vermillion, OKABE_ITO.green, OKABE_ITO.purple, OKABE_ITO.orange, OKABE_ITO.skyBlue, OKABE_ITO.black];
const SCENARIO_DASHES = ['', '7 3', '2 3', '9 3 2 3', '4 2', '1 2', '12 4'];

export function scenarioColour(i: number): string {
  return SCENARIO_COLOURS[i % SCENARIO_COLOURS.length]!;
}

export function scenarioDash(i: number): string {
  return SCENARIO_DASHES[i % SCENARIO_DASHES.length]!;
}

/** Outcomes of arrivals, in stacking order (bottom first). */
export const OUTCOMES = [
  { key: 'answered', label: 'Answered', colour: OKABE_ITO.blue },
  { key: 'contained', label: 'Contained by bot', colour: OKABE_ITO.green },
  { key: 'abandoned', label: 'Abandoned', colour: OKABE_ITO.vermillion },
  { key: 'unresolved', label: 'Unresolved', colour: OKABE_ITO.yellow },
] as const;

export type OutcomeKey = (typeof OUTCOMES)[number]['key'];

export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
export const TEXT = '#1f2328';
export const MUTED = '#57606a';
export const GRID = '#d8dee4';
