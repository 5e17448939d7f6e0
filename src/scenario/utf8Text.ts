import type { ScenarioIssue } from './issues.js';
import { ScenarioError } from './scenarioError.js';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The text of UTF-8 bytes (a leading byte-order mark kept for the JSON reader to skip). Anything
 * else is refused rather than decoded with replacement characters: a spreadsheet saved as Latin-1
 * or UTF-16 would otherwise silently turn "Café" into "Caf\uFFFD" (and an id into one that no
 * longer matches). Works the same in Node and in a browser.
 * @throws ScenarioError at `path`, its message after `prefix`, naming the byte, line and column
 */
export function utf8Text(bytes: Uint8Array, path: string, prefix = ''): string {
  try {
    return strict.decode(bytes);
  } catch {
    // Not UTF-8: say where.
  }
  const issue = (message: string): ScenarioIssue => ({ path, message: `${prefix}${message}` });
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ScenarioError([issue('not UTF-8 (it starts with a UTF-16 byte-order mark): save the file as UTF-8')]);
  }
  const at = firstInvalidUtf8(bytes);
  const lineStart = bytes.lastIndexOf(0x0a, at - 1) + 1;
  const line = bytes.subarray(0, lineStart).reduce((n, b) => n + (b === 0x0a ? 1 : 0), 1);
  const column = strict.decode(bytes.subarray(lineStart, at)).length + 1;
  const hex = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  throw new ScenarioError([issue(`not valid UTF-8: byte 0x${hex} at line ${line} column ${column} (save the file as UTF-8)`)]);
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence (bytes.length if none). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
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
