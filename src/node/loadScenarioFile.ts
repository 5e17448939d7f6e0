import { readFile } from 'node:fs/promises';
import { UsageError } from '../cli/io.js';
import { parseScenarioText, ScenarioError, type Scenario } from '../scenario/index.js';

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
  try {
    return parseScenarioText(text, path);
  } catch (error) {
    if (error instanceof ScenarioError) {
      const lines = error.issues.map((i) => `  ${i.path}: ${i.message}`);
      throw new UsageError(`${path}: invalid scenario (${error.issues.length} problem${error.issues.length === 1 ? '' : 's'})\n${lines.join('\n')}`);
    }
    throw error;
  }
}
