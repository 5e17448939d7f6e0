/** The scenarios shipped in ../scenarios, bundled into the page by Vite. */

/** Parsed JSON of every bundled scenario file, by id (its file name without `.json`). */
const files = import.meta.glob<unknown>('../../../scenarios/*.json', { eager: true, import: 'default' });
/** Forecast CSV files next to them (a scenario's `forecast` field names one). */
const csvFiles = import.meta.glob<string>('../../../scenarios/*.csv', { eager: true, query: '?raw', import: 'default' });

export interface BundledScenario {
  readonly id: string;
  /** The scenario file's JSON value, as written (not yet validated). */
  readonly raw: unknown;
  /** Text of the CSV its `forecast` field names, when that file is bundled. */
  readonly forecast?: string;
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

function forecastOf(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const name = (raw as Record<string, unknown>)['forecast'];
  if (typeof name !== 'string') return undefined;
  const wanted = baseName(name);
  const hit = Object.entries(csvFiles).find(([path]) => baseName(path) === wanted);
  return hit?.[1];
}

export const BUNDLED: readonly BundledScenario[] = Object.entries(files)
  .map(([path, raw]): BundledScenario => {
    const forecast = forecastOf(raw);
    const id = baseName(path).replace(/\.json$/, '');
    return forecast === undefined ? { id, raw } : { id, raw, forecast };
  })
  .sort((a, b) => a.id.localeCompare(b.id));

export function bundledById(id: string): BundledScenario | undefined {
  return BUNDLED.find((s) => s.id === id);
}

/** The scenario's `name` field for display, or its id. */
export function displayName(raw: unknown, fallback: string): string {
  const name = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)['name'] : undefined;
  return typeof name === 'string' && name.trim() !== '' ? name : fallback;
}
