/**
 * Which field of a history file holds which of the contract's columns: header names matched
 * case-insensitively after trimming, renamed by `--columns` for another export's headers. Extra
 * columns are ignored without a word (ACD exports carry dozens).
 */
import { closestName } from '../scenario/didYouMean.js';
import type { ColumnMap } from './types.js';
import type { Problems } from './readError.js';

/** Every column name of the three history files (CONTRACT section 6). */
export const HISTORY_COLUMNS = [
  'date', 'interval_start', 'type', 'offered', 'answered', 'abandoned', 'aht', 'asa', 'service_level',
  'group', 'staff', 'arrival', 'ended', 'outcome', 'acw',
] as const;

/** `--columns` text that cannot be read, or names a column no history file has. */
export class ColumnMapError extends RangeError {
  override readonly name = 'ColumnMapError';
}

/**
 * Reads `offered="Calls Offered",aht=AHT`: comma-separated `column=header` pairs, a header in
 * double quotes when it holds a comma or a quote (doubled inside). Column names are the
 * contract's (any case); each may be given once, and two columns cannot share a header.
 * @throws ColumnMapError naming `--columns`
 */
export function parseColumnMap(text: string): ColumnMap {
  const map: Record<string, string> = {};
  const fail = (message: string): never => {
    throw new ColumnMapError(`--columns: ${message}`);
  };
  let i = 0;
  while (i <= text.length) {
    const eq = text.indexOf('=', i);
    const comma = text.indexOf(',', i);
    if (eq < 0 || (comma >= 0 && comma < eq)) {
      const piece = text.slice(i, comma < 0 ? text.length : comma).trim();
      fail(`expected column=header pairs separated by commas (offered="Calls Offered",aht=AHT), not ${JSON.stringify(piece)}`);
    }
    const column = text.slice(i, eq).trim().toLowerCase();
    let header: string;
    let k = eq + 1;
    while (text[k] === ' ') k++;
    if (text[k] === '"') {
      header = '';
      k++;
      for (;;) {
        const q = text.indexOf('"', k);
        if (q < 0) fail(`the quoted header of ${column} is not closed`);
        header += text.slice(k, q);
        if (text[q + 1] === '"') {
          header += '"';
          k = q + 2;
        } else {
          k = q + 1;
          break;
        }
      }
      while (text[k] === ' ') k++;
      if (k < text.length && text[k] !== ',') fail(`unexpected text after the quoted header of ${column}: ${JSON.stringify(text.slice(k))}`);
    } else {
      const end = text.indexOf(',', k);
      header = text.slice(k, end < 0 ? text.length : end);
      k = end < 0 ? text.length : end;
    }
    header = header.trim();
    if (!(HISTORY_COLUMNS as readonly string[]).includes(column)) {
      const best = closestName(column, HISTORY_COLUMNS);
      fail(`unknown column ${JSON.stringify(column)}${best === undefined ? '' : ` (did you mean ${best}?)`}; the columns are ${HISTORY_COLUMNS.join(', ')}`);
    }
    if (header === '') fail(`empty header for ${column}`);
    if (Object.hasOwn(map, column)) fail(`${column} is given twice`);
    const other = Object.keys(map).find((c) => map[c]!.toLowerCase() === header.toLowerCase());
    if (other !== undefined) fail(`${other} and ${column} both name the header ${JSON.stringify(header)}`);
    map[column] = header;
    i = k + 1;
  }
  return map;
}

/** The columns one file must have and may have. */
export interface FileColumns {
  /** What the file is, for messages: `interval history`. */
  readonly what: string;
  readonly required: readonly string[];
  readonly optional: readonly string[];
}

/** Field index (0-based) of each of the file's columns; -1 for an optional column the header lacks. */
export type ColumnIndex = Readonly<Record<string, number>>;

/**
 * The field of each column in a header row. Refuses (through `problems.fail`) an empty header, a
 * semicolon-separated one, a required column missing (naming the header found), a column that
 * `columns` renames to a header the file does not have, and a column found twice.
 */
export function resolveHeader(
  cells: readonly string[] | undefined,
  line: number,
  file: FileColumns,
  columns: ColumnMap | undefined,
  problems: Problems,
): ColumnIndex {
  const expected = `${file.required.join(',')}${file.optional.length > 0 ? `[,${file.optional.join(',')}]` : ''}`;
  if (cells === undefined || cells.every((c) => c.trim() === '')) {
    problems.fail(line, undefined, undefined, `empty file: expected the ${file.what} header ${expected}`);
  }
  if (cells.length === 1 && cells[0]!.includes(';')) {
    problems.fail(line, undefined, undefined, `looks semicolon-separated: ccsim reads comma-separated CSV (expected the header ${expected})`);
  }
  for (const key of Object.keys(columns ?? {})) {
    if (!(HISTORY_COLUMNS as readonly string[]).includes(key.toLowerCase())) {
      throw new ColumnMapError(`--columns: unknown column ${JSON.stringify(key)}; the columns are ${HISTORY_COLUMNS.join(', ')}`);
    }
  }
  const renamed = new Map(Object.entries(columns ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const names = cells.map((c) => c.trim().toLowerCase());
  const index: Record<string, number> = {};
  const missing: string[] = [];
  for (const column of [...file.required, ...file.optional]) {
    const header = renamed.get(column);
    const wanted = (header ?? column).trim().toLowerCase();
    const at = names.indexOf(wanted);
    const again = at < 0 ? -1 : names.indexOf(wanted, at + 1);
    if (again >= 0) {
      problems.fail(line, again + 1, column, `the header has ${JSON.stringify(cells[at]!.trim())} twice (columns ${at + 1} and ${again + 1})`);
    }
    if (at < 0 && file.required.includes(column)) missing.push(header === undefined ? column : `${column} (--columns: ${JSON.stringify(header)})`);
    else if (at < 0 && header !== undefined) {
      problems.fail(line, undefined, column, `--columns renames it to ${JSON.stringify(header)}, which the header lacks (${headerList(cells)})`);
    }
    index[column] = at;
  }
  if (missing.length > 0) {
    problems.fail(line, undefined, undefined, `missing column${missing.length === 1 ? '' : 's'} ${missing.join(', ')} (${headerList(cells)}; --columns maps other names)`);
  }
  return index;
}

/** `the header has: Date, Interval, ...` cut to a readable length (exports have dozens of columns). */
function headerList(cells: readonly string[]): string {
  const shown = cells.slice(0, 12).map((c) => JSON.stringify(c.trim()));
  return `the header has: ${shown.join(', ')}${cells.length > 12 ? `, and ${cells.length - 12} more` : ''}`;
}
