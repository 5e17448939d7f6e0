/** One CSV record: its cells and the file line it starts on (1-based). */
export interface CsvRow {
  readonly line: number;
  readonly cells: string[];
}

/**
 * Called once per record with its cells and the 1-based file line the record starts on. The
 * cells array is the stream's own and is reused for the next record: copy what you keep (the
 * strings themselves are yours).
 */
export type CsvRowHandler = (cells: readonly string[], line: number) => void;

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;
const BOM = 0xfeff;

/** Where the tokenizer stands between two characters. */
const enum State {
  /** In an unquoted cell (possibly still empty). */
  Plain,
  /** Inside a quoted cell. */
  Quoted,
  /** Inside a quoted cell, just after a quote: a doubled quote or the closing one. */
  QuoteSeen,
}

/**
 * An incremental CSV tokenizer (RFC 4180: comma-separated; double-quoted cells may hold commas,
 * newlines and doubled quotes; CRLF, LF or a lone CR end a record; a leading BOM is ignored; a
 * trailing newline does not make an empty record; a blank line is a record of one empty cell).
 * Text arrives in chunks of any size ({@link push}), split anywhere: inside a quoted cell, between
 * a CR and its LF, inside a doubled quote. Like spreadsheets, it is lenient where RFC 4180 is
 * silent: blanks before an opening quote are dropped, and text after a closing quote is kept.
 *
 * It allocates nothing per cell beyond the cell's string (a slice of the chunk, or the carried
 * part joined to one when a cell spans chunks) and reuses one cells array for every record, so
 * a multi-gigabyte file streams in constant memory. No I/O: Node and the browser feed it alike.
 */
export class CsvStream {
  private readonly cells: string[] = [];
  private count = 0;
  /** The current cell's text from earlier chunks (or before a doubled quote). */
  private carried = '';
  private state = State.Plain;
  /** The previous chunk ended with a CR that ended a record: an LF starting this one belongs to it. */
  private afterCr = false;
  private started = false;
  private line = 1;
  private rowLine = 1;
  private quoteLine = 0;

  constructor(private readonly onRow: CsvRowHandler) {}

  /**
   * The line where the quoted cell the text is in opened, or 0 when it is not in one. At the end
   * of the text, a quote never closed: {@link end} would make the rest of the text that cell (as
   * parseCsv does); a reader of a data file asks first and refuses the file.
   */
  get openQuoteLine(): number {
    return this.state === State.Quoted ? this.quoteLine : 0;
  }

  push(chunk: string): void {
    const n = chunk.length;
    let i = 0;
    if (!this.started && n > 0) {
      this.started = true;
      if (chunk.charCodeAt(0) === BOM) i = 1;
    }
    if (this.afterCr && i < n) {
      this.afterCr = false;
      if (chunk.charCodeAt(i) === LF) i++;
    }
    while (i < n) {
      if (this.state === State.Quoted) {
        const q = chunk.indexOf('"', i);
        const stop = q < 0 ? n : q;
        this.countLines(chunk, i, stop);
        this.carried += chunk.slice(i, stop);
        if (q < 0) return;
        this.state = State.QuoteSeen;
        i = q + 1;
        continue;
      }
      if (this.state === State.QuoteSeen) {
        if (chunk.charCodeAt(i) === QUOTE) {
          this.carried += '"';
          this.state = State.Quoted;
          i++;
          continue;
        }
        this.state = State.Plain; // closed: what follows up to the delimiter joins the cell
      }
      // Plain: scan to the next delimiter or quote.
      const start = i;
      let c = 0;
      for (;;) {
        while (i < n) {
          c = chunk.charCodeAt(i);
          if (c === COMMA || c === LF || c === CR || c === QUOTE) break;
          i++;
        }
        if (i < n && c === QUOTE && !this.opensQuote(chunk, start, i)) {
          i++; // a quote inside an unquoted cell is an ordinary character
          continue;
        }
        break;
      }
      if (i === n) {
        this.carried += chunk.slice(start, n);
        return;
      }
      if (c === QUOTE) {
        this.carried = '';
        this.state = State.Quoted;
        this.quoteLine = this.line;
        i++;
        continue;
      }
      this.cells[this.count++] = this.carried === '' ? chunk.slice(start, i) : this.carried + chunk.slice(start, i);
      this.carried = '';
      i++;
      if (c === COMMA) continue;
      if (c === CR) {
        if (i === n) this.afterCr = true;
        else if (chunk.charCodeAt(i) === LF) i++;
      }
      this.line++;
      this.emit();
      this.rowLine = this.line;
    }
  }

  /** The end of the text: emits the last record when it has no line end. */
  end(): void {
    const quoted = this.state !== State.Plain;
    this.state = State.Plain;
    if (this.carried !== '' || this.count > 0 || quoted) {
      this.cells[this.count++] = this.carried;
      this.carried = '';
      this.emit();
    }
  }

  private emit(): void {
    if (this.cells.length !== this.count) this.cells.length = this.count;
    this.count = 0;
    this.onRow(this.cells, this.rowLine);
  }

  /** A quote opens a quoted cell when only blanks precede it in the cell. */
  private opensQuote(chunk: string, start: number, at: number): boolean {
    return (this.carried + chunk.slice(start, at)).trim() === '';
  }

  private countLines(chunk: string, from: number, to: number): void {
    for (let k = chunk.indexOf('\n', from); k >= 0 && k < to; k = chunk.indexOf('\n', k + 1)) this.line++;
  }
}

/**
 * Parses CSV text as {@link CsvStream} does, into rows (each with its own cells array).
 */
export function parseCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  const stream = new CsvStream((cells, line) => rows.push({ line, cells: [...cells] }));
  stream.push(text);
  stream.end();
  return rows;
}
