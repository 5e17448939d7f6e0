import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../cli/io.js';
import { forecastFileOf, parseScenarioText, ScenarioError, type Scenario } from '../scenario/index.js';

/**
 * Read and validate a scenario file. Any problem (missing file, bad JSON, invalid field) becomes
 * a UsageError whose message names the file and every field path at fault.
 */
export async function loadScenarioFile(path: string): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(code ?? error);
    throw new UsageError(`${path}: ${why}`);
  }
  // A `forecast` CSV (CONTRACT section 4) is read relative to the scenario file.
  const forecastFile = forecastFileOf(text);
  let forecast: string | undefined;
  if (forecastFile !== undefined) {
    const forecastPath = resolve(dirname(path), forecastFile);
    try {
      forecast = await readFile(forecastPath, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(`${path}: forecast ${forecastPath}: ${code === 'ENOENT' ? 'no such file' : String(code ?? error)}`);
    }
  }
  try {
    return parseScenarioText(text, path, { forecast });
  } catch (error) {
    if (error instanceof ScenarioError) {
      const lines = error.issues.map((i) => `  ${i.path}: ${i.message}`);
      throw new UsageError(`${path}: invalid scenario (${error.issues.length} problem${error.issues.length === 1 ? '' : 's'})\n${lines.join('\n')}`);
    }
    throw error;
  }
}
