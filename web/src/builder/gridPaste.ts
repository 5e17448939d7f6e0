/**
 * Pasting a block of numbers from a spreadsheet into a grid (staff per group and interval, volume
 * per type and interval). Spreadsheets copy a block as tab-separated rows ending in newlines (CRLF
 * on Windows); one column comes as lines, one row as tabs. A paste is all or nothing: a cell that
 * is not a number refuses the whole paste with its row and column named, and nothing changes.
 * Pure: no DOM.
 */

/** One cell of a pasted block: a number, or null for an empty cell (the grid keeps its value). */
export type PastedCell = number | null;

export type PastedBlock =
  | { readonly ok: true; readonly rows: readonly (readonly PastedCell[])[] }
  | { readonly ok: false; readonly message: string };

/** A number as a spreadsheet copies it: "12", "12.5", " 7 ", "1,234" (thousands), "1 234". */
function readNumber(text: string): number | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  // Thousands separators (comma or space between groups of three digits) are dropped.
  const plain = /^-?\d{1,3}([, \u00a0\u202f]\d{3})+(\.\d+)?$/.test(t) ? t.replace(/[, \u00a0\u202f]/g, '') : t;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(plain)) return undefined;
  const n = Number(plain);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * The block in `text`: rows split on newlines (CRLF, LF or CR; one final newline is not an empty
 * row), cells on tabs. Every non-empty cell must be a number.
 */
export function parsePastedBlock(text: string): PastedBlock {
  const body = text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  if (body.trim() === '') return { ok: false, message: 'the clipboard holds no numbers' };
  const lines = body.split('\n');
  const rows: PastedCell[][] = [];
  for (const [r, line] of lines.entries()) {
    const cells: PastedCell[] = [];
    for (const [c, cell] of line.split('\t').entries()) {
      const value = readNumber(cell);
      if (value === undefined) {
        const shown = cell.trim().length > 24 ? `${cell.trim().slice(0, 24)}…` : cell.trim();
        return { ok: false, message: `row ${r + 1}, column ${c + 1} of the pasted block: "${shown}" is not a number; nothing was pasted` };
      }
      cells.push(value);
    }
    rows.push(cells);
  }
  return { ok: true, rows };
}

/** One cell a paste sets. */
export interface PastedValue {
  readonly row: number;
  readonly col: number;
  readonly value: number;
}

/**
 * The cells a block pasted with its top-left corner at (`row`, `col`) sets in a grid of
 * `rows` x `cols`, and how many of its cells fell outside the grid (dropped).
 */
export function placeBlock(block: readonly (readonly PastedCell[])[], at: { row: number; col: number }, size: { rows: number; cols: number }): { cells: PastedValue[]; outside: number } {
  const cells: PastedValue[] = [];
  let outside = 0;
  block.forEach((line, r) =>
    line.forEach((value, c) => {
      if (value === null) return;
      const row = at.row + r;
      const col = at.col + c;
      if (row < size.rows && col < size.cols) cells.push({ row, col, value });
      else outside++;
    }),
  );
  return { cells, outside };
}
