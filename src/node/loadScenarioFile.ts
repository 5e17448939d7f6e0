import { open } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { InputError } from './inputError.js';
import { forecastFileOf, parseScenarioText, ScenarioError, type Scenario } from '../scenario/index.js';
import { issueLines } from '../scenario/scenarioError.js';
import { utf8Text } from '../scenario/utf8Text.js';

/**
 * Read and validate a scenario file. Any problem (missing file, bad JSON, text that is not UTF-8,
 * invalid field) becomes a InputError whose message names the file and every field path at fault.
 */
export async function loadScenarioFile(path: string): Promise<Scenario> {
  const bytes = await readInput(path, (why) => `${path}: ${why}`);
  try {
    const text = utf8Text(bytes, '(file)', '');
    // A `forecast` CSV (CONTRACT section 4) is read relative to the scenario file.
    const forecastFile = forecastFileOf(text);
    let forecast: string | undefined;
    if (forecastFile !== undefined) {
      const forecastPath = resolve(dirname(path), forecastFile);
      const csv = await readInput(forecastPath, (why) => `${path}: forecast ${forecastPath}: ${why}`);
      forecast = utf8Text(csv, 'forecast', `${forecastFile}: `);
    }
    return parseScenarioText(text, path, { forecast });
  } catch (error) {
    if (error instanceof ScenarioError) {
      const lines = issueLines(error.issues, '  ');
      throw new InputError(`${path}: invalid scenario (${error.issues.length} problem${error.issues.length === 1 ? '' : 's'})\n${lines.join('\n')}`);
    }
    throw error;
  }
}

/** Largest scenario or forecast file read: the largest scenario ccsim can run (3e5 interval cells) is about 20 MB. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/**
 * The bytes of a scenario or forecast file, or a pipe (`<(command)`), at most MAX_INPUT_BYTES.
 * A device such as /dev/zero or /dev/urandom is refused at once instead of read for ever.
 * @throws InputError with `message(why)`
 */
export async function readInput(path: string, message: (why: string) => string): Promise<Buffer> {
  let file;
  try {
    file = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(message(code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String(code ?? error)));
  }
  try {
    const info = await file.stat();
    if (info.isDirectory()) throw new InputError(message('is a directory'));
    if (info.isCharacterDevice() || info.isBlockDevice() || info.isSocket()) throw new InputError(message('is a device, not a file'));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const { bytesRead, buffer } = await file.read({ buffer: Buffer.alloc(1 << 20) });
      if (bytesRead === 0) return Buffer.concat(chunks, total);
      total += bytesRead;
      if (total > MAX_INPUT_BYTES) throw new InputError(message(`larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB, more than any scenario ccsim can run`));
      chunks.push(buffer.subarray(0, bytesRead));
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(message(code === 'EISDIR' ? 'is a directory' : `could not be read (${String(code ?? error)})`));
  } finally {
    await file.close();
  }
}
