import { isUtf8 } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../cli/io.js';
import { forecastFileOf, parseScenarioText, ScenarioError, type Scenario, type ScenarioIssue } from '../scenario/index.js';
import { issueLines } from '../scenario/scenarioError.js';

/**
 * Read and validate a scenario file. Any problem (missing file, bad JSON, text that is not UTF-8,
 * invalid field) becomes a UsageError whose message names the file and every field path at fault.
 */
export async function loadScenarioFile(path: string): Promise<Scenario> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(code ?? error);
    throw new UsageError(`${path}: ${why}`);
  }
  try {
    const text = utf8Text(bytes, '(file)', '');
    // A `forecast` CSV (CONTRACT section 4) is read relative to the scenario file.
    const forecastFile = forecastFileOf(text);
    let forecast: string | undefined;
    if (forecastFile !== undefined) {
      const forecastPath = resolve(dirname(path), forecastFile);
      let csv: Buffer;
      try {
        csv = await readFile(forecastPath);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new UsageError(`${path}: forecast ${forecastPath}: ${code === 'ENOENT' ? 'no such file' : String(code ?? error)}`);
      }
      forecast = utf8Text(csv, 'forecast', `${forecastFile}: `);
    }
    return parseScenarioText(text, path, { forecast });
  } catch (error) {
    if (error instanceof ScenarioError) {
      const lines = issueLines(error.issues, '  ');
      throw new UsageError(`${path}: invalid scenario (${error.issues.length} problem${error.issues.length === 1 ? '' : 's'})\n${lines.join('\n')}`);
    }
    throw error;
  }
}

/**
 * The text of UTF-8 bytes. Anything else is refused rather than decoded with replacement
 * characters: a spreadsheet saved as Latin-1 or UTF-16 would otherwise silently turn "Café" into
 * "Caf\uFFFD" (and an id into one that no longer matches).
 * @throws ScenarioError at `path`, naming the byte, line and column
 */
function utf8Text(bytes: Buffer, path: string, prefix: string): string {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  const issue = (message: string): ScenarioIssue => ({ path, message: `${prefix}${message}` });
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ScenarioError([issue('not UTF-8 (it starts with a UTF-16 byte-order mark): save the file as UTF-8')]);
  }
  const at = firstInvalidUtf8(bytes);
  const lineStart = bytes.lastIndexOf(0x0a, at - 1) + 1;
  const line = bytes.subarray(0, lineStart).reduce((n, b) => n + (b === 0x0a ? 1 : 0), 1);
  const column = bytes.subarray(lineStart, at).toString('utf8').length + 1;
  const hex = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  throw new ScenarioError([issue(`not valid UTF-8: byte 0x${hex} at line ${line} column ${column} (save the file as UTF-8)`)]);
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence (bytes.length if none). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    // Expected continuation bytes, and the allowed range of the first one (no overlongs, surrogates or > U+10FFFF).
    const [n, lo, hi] =
      b < 0x80 ? [0, 0, 0] :
      b >= 0xc2 && b <= 0xdf ? [1, 0x80, 0xbf] :
      b === 0xe0 ? [2, 0xa0, 0xbf] :
      b === 0xed ? [2, 0x80, 0x9f] :
      b >= 0xe1 && b <= 0xef ? [2, 0x80, 0xbf] :
      b === 0xf0 ? [3, 0x90, 0xbf] :
      b >= 0xf1 && b <= 0xf3 ? [3, 0x80, 0xbf] :
      b === 0xf4 ? [3, 0x80, 0x8f] : [-1, 0, 0];
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return i;
}
