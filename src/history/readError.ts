/**
 * Problems found while reading a history file, each placed as `file:line:column (name): problem`
 * (line 1-based with the header as line 1, column the 1-based field number and name the
 * contract's column name; both omitted when the problem is the whole row or the header).
 */
export interface HistoryProblem {
  readonly line: number;
  readonly column?: number;
  readonly name?: string;
  readonly message: string;
}

/** A reader stops at this many problems: a file broken on every row says so in ten lines, not millions. */
export const MAX_PROBLEMS = 10;

/** A history file that cannot be read as the contract says; the message has one problem per line. */
export class HistoryReadError extends Error {
  override readonly name = 'HistoryReadError';

  constructor(
    readonly source: string,
    readonly problems: readonly HistoryProblem[],
  ) {
    const lines = problems.map((p) => problemText(source, p));
    if (problems.length >= MAX_PROBLEMS) lines.push(`(stopped after ${MAX_PROBLEMS} problems)`);
    super(lines.join('\n'));
  }
}

/** `source:line:column (name): message`, shorter when the column or the line is unknown. */
export function problemText(source: string, p: HistoryProblem): string {
  const at = p.line > 0 ? `:${p.line}${p.column === undefined ? '' : `:${p.column}`}` : '';
  const name = p.name === undefined ? '' : ` (${p.name})`;
  return `${source}${at}${name}: ${p.message}`;
}

/** The problems of one file being read. */
export class Problems {
  private readonly list: HistoryProblem[] = [];

  constructor(readonly source: string) {}

  get count(): number {
    return this.list.length;
  }

  /** Records a problem; throws once MAX_PROBLEMS are recorded. */
  add(line: number, column: number | undefined, name: string | undefined, message: string): void {
    this.list.push({ line, message, column, name });
    if (this.list.length >= MAX_PROBLEMS) this.throwIfAny();
  }

  /** Records a problem that ends the reading (a bad header, bytes that are not text) and throws. */
  fail(line: number, column: number | undefined, name: string | undefined, message: string): never {
    this.list.push({ line, message, column, name });
    throw new HistoryReadError(this.source, this.list);
  }

  throwIfAny(): void {
    if (this.list.length > 0) throw new HistoryReadError(this.source, this.list);
  }
}
