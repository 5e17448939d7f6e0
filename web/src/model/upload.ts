/** Files the user uploads, read as the CLI reads files: size-limited, strict UTF-8, checked before use. */
import { forecastFileOf, parseScenarioText, ScenarioError, utf8Text, type ScenarioIssue } from '../../../src/scenario/index.js';
import { scanJson } from '../../../src/scenario/jsonText.js';

export const withoutBom = (text: string) => (text.startsWith('\uFEFF') ? text.slice(1) : text);

/** Largest file the page reads (the CLI's limit): the largest scenario ccsim can run is about 20 MB. */
const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

/**
 * An uploaded file's text, read as the CLI reads files: at most 64 MB, and strictly UTF-8 (the
 * same messages naming the byte, line and column), never decoded with replacement characters.
 * @throws ScenarioError at `path`
 */
export async function uploadedText(file: File, path: string, prefix = ''): Promise<string> {
  if (file.size > MAX_UPLOAD_BYTES) {
    throw new ScenarioError([{ path, message: `${prefix}larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB, more than any scenario ccsim can run` }]);
  }
  return utf8Text(new Uint8Array(await file.arrayBuffer()), path, prefix);
}

/**
 * An uploaded scenario file's JSON value, or the path-named reasons it cannot be added. A file
 * that reads its volumes from a forecast CSV is validated once the CSV is chosen on its card (the
 * volumes may all be in there); keys written twice are lost by then, so they are refused now.
 */
export async function readScenarioUpload(file: File): Promise<{ readonly ok: true; readonly raw: unknown } | { readonly ok: false; readonly issues: readonly ScenarioIssue[] }> {
  try {
    const text = await uploadedText(file, '(file)');
    if (forecastFileOf(text) === undefined) parseScenarioText(text, file.name);
    else {
      const twice = scanJson(withoutBom(text)).duplicateKeys;
      if (twice.length > 0) throw new ScenarioError(twice, file.name);
    }
    return { ok: true, raw: JSON.parse(withoutBom(text)) as unknown };
  } catch (error) {
    const issues = error instanceof ScenarioError ? error.issues : [{ path: '(file)', message: error instanceof Error ? error.message : String(error) }];
    return { ok: false, issues };
  }
}
