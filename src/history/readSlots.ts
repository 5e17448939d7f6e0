/**
 * The dense (day, series, slot) table behind the interval and staff history readers, filled one
 * row at a time in one pass. Memory grows with days x series x slots, never with rows: the typed
 * arrays grow geometrically (x1.5) as days and series appear, in either direction of time, and
 * are copied once more into the exact layout of src/history/types.ts at the end.
 *
 * The interval length is not known in advance: it is the gcd of the `interval_start` minutes
 * (with 1440). A stray start (`08:07` in a file of half hours) would make that 1 minute and the
 * table 30 times larger, with 29 empty slots in 30; so a row off the current grid waits aside
 * until more than STRAY_SHARE of the rows are off it (then the grid is refined and they move in),
 * and at the end, rows off a coarser grid that all but fewer than STRAY_SHARE of the rows follow
 * are refused as off-grid (see inferGrid).
 */
import { dateText } from './calendar.js';
import { resolveHeader, type ColumnIndex, type FileColumns } from './columns.js';
import type { CsvSink } from './csvStream.js';
import { clockText, DATE, INTERVAL_START, notA, type FieldKind } from './fields.js';
import { Problems } from './readError.js';
import type { ColumnMap, HistoryCalendar } from './types.js';

/** Options of the interval and staff history readers. */
export interface HistoryReadOptions {
  /** The file's name in messages (`history.csv:17:5 (aht): ...`). */
  readonly source?: string;
  /** `--columns`: the contract's column name -> this export's header. */
  readonly columns?: ColumnMap;
  /**
   * The interval length when the caller knows it (a scenario's `intervalMinutes`): a row off that
   * grid is refused, and the table has that grid. Otherwise it is inferred (see SlotTable).
   */
  readonly intervalMinutes?: number;
}

/**
 * Rows off a coarser grid, below this share of all rows, are strays (refused), not a finer grid:
 * a file of genuine 15-minute intervals has half of its rows off the 30-minute grid.
 */
export const STRAY_SHARE = 0.1;

const DAY_MINUTES = 1440;

export interface SlotTableOptions {
  /** Number of value arrays. */
  readonly values: number;
  /** The interval length when the caller knows it (a scenario's): rows off it are refused. */
  readonly intervalMinutes?: number | undefined;
  readonly problems: Problems;
  /** 1-based field of `interval_start`, for messages. */
  readonly startColumn: number;
  /** What a series is, for messages: `type` or `group`. */
  readonly seriesName: string;
}

export interface SlotTableResult {
  readonly calendar: HistoryCalendar;
  /** Series names in order of first appearance. */
  readonly series: string[];
  /** Value arrays in cellIndex layout; `empty[v]` where no row. */
  readonly values: Float64Array[];
  readonly rows: number;
}

export class SlotTable {
  private grid = 0;
  private slots = 0;
  private base = 0;
  private dayCap = 0;
  private seriesCap = 0;
  private cells: Float64Array[] = [];
  /** Line of the row in each cell, 0 for none. */
  private lineOf = new Uint32Array(0);
  private readonly index = new Map<string, number>();
  private readonly names: string[] = [];
  private lastName = '';
  private lastSeries = -1;
  private minDay = Infinity;
  private maxDay = -Infinity;
  private rows = 0;
  private readonly minuteRows = new Uint32Array(DAY_MINUTES);
  private readonly minuteLine = new Uint32Array(DAY_MINUTES);
  /** Rows off the current grid: day, series, minute, line, then the values, per row. */
  private side: number[] = [];
  private sideRows = 0;

  constructor(private readonly options: SlotTableOptions) {}

  /** One row; `values` is read at once (the caller may reuse it). */
  add(day: number, name: string, minute: number, line: number, values: Float64Array): void {
    const fixed = this.options.intervalMinutes;
    if (fixed !== undefined && minute % fixed !== 0) {
      this.options.problems.add(line, this.options.startColumn, 'interval_start', `${clockText(minute)} is not on the ${fixed}-minute interval grid`);
      return;
    }
    this.rows++;
    if (this.minuteRows[minute]!++ === 0) this.minuteLine[minute] = line;
    const k = this.seriesOf(name);
    if (day < this.minDay) this.minDay = day;
    if (day > this.maxDay) this.maxDay = day;
    if (this.grid === 0) {
      this.grid = fixed ?? gcd(DAY_MINUTES, minute);
      this.slots = DAY_MINUTES / this.grid;
      this.base = day;
    }
    if (minute % this.grid !== 0) {
      this.side.push(day, k, minute, line, ...values);
      this.sideRows++;
      if (this.sideRows > this.rows * STRAY_SHARE) this.refine();
      return;
    }
    this.ensure(day, k);
    this.put(day, k, minute, line, values);
  }

  /**
   * The table in the exact layout, once the grid is known. Refuses (through problems) rows off
   * the grid and two rows for one cell.
   * @param empty the value of each array where no row gives one
   */
  finish(empty: readonly number[]): SlotTableResult {
    const { problems } = this.options;
    const grid = this.options.intervalMinutes ?? this.inferGrid();
    for (let m = 0; m < DAY_MINUTES; m++) {
      const n = this.minuteRows[m]!;
      if (n === 0 || m % grid === 0) continue;
      const share = (100 * (1 - this.offGrid(grid) / this.rows)).toFixed(1);
      const more = n > 1 ? `; ${n} rows start at ${clockText(m)}` : '';
      problems.add(this.minuteLine[m]!, this.options.startColumn, 'interval_start',
        `${clockText(m)} is off the ${grid}-minute grid that ${share}% of the rows follow${more}`);
    }
    problems.throwIfAny();
    this.relayout(this.minDay, this.maxDay - this.minDay + 1, this.names.length, grid);
    this.flushSide();
    problems.throwIfAny();
    const days = this.dayCap;
    const per = this.seriesCap * this.slots;
    const open = new Uint8Array(days);
    for (let d = 0; d < days; d++) {
      for (let i = d * per; i < (d + 1) * per; i++) {
        if (this.lineOf[i] !== 0) {
          open[d] = 1;
          break;
        }
      }
    }
    for (let v = 0; v < this.cells.length; v++) {
      const cells = this.cells[v]!;
      const value = empty[v]!;
      for (let i = 0; i < cells.length; i++) if (this.lineOf[i] === 0) cells[i] = value;
    }
    const calendar: HistoryCalendar = {
      intervalMinutes: grid,
      slots: this.slots,
      firstDay: this.minDay,
      lastDay: this.maxDay,
      days,
      open,
    };
    return { calendar, series: this.names, values: this.cells, rows: this.rows };
  }

  get rowCount(): number {
    return this.rows;
  }

  /**
   * The interval length: the gcd of the starts, unless fewer than STRAY_SHARE of the rows are off
   * a coarser grid (a divisor of 1440 and multiple of the gcd): then the coarsest such grid, and
   * those rows are strays.
   */
  private inferGrid(): number {
    let g = DAY_MINUTES;
    for (let m = 0; m < DAY_MINUTES; m++) if (this.minuteRows[m]! > 0) g = gcd(g, m);
    let best = g;
    for (let coarser = 2 * g; coarser <= DAY_MINUTES; coarser += g) {
      if (DAY_MINUTES % coarser === 0 && this.offGrid(coarser) < this.rows * STRAY_SHARE) best = coarser;
    }
    return best;
  }

  /** Rows whose start is not a multiple of `grid`. */
  private offGrid(grid: number): number {
    let off = 0;
    for (let m = 0; m < DAY_MINUTES; m++) if (m % grid !== 0) off += this.minuteRows[m]!;
    return off;
  }

  private seriesOf(name: string): number {
    if (name === this.lastName && this.lastSeries >= 0) return this.lastSeries;
    let k = this.index.get(name);
    if (k === undefined) {
      k = this.names.length;
      this.names.push(name);
      this.index.set(name, k);
    }
    this.lastName = name;
    this.lastSeries = k;
    return k;
  }

  /** Too many rows wait off the grid: they are no strays; a finer grid takes them in. */
  private refine(): void {
    let grid = this.grid;
    for (let r = 0; r < this.side.length; r += 4 + this.options.values) grid = gcd(grid, this.side[r + 2]!);
    this.relayout(this.base, this.dayCap, this.seriesCap, grid);
    this.flushSide();
  }

  private flushSide(): void {
    const side = this.side;
    this.side = [];
    this.sideRows = 0;
    const width = 4 + this.options.values;
    const values = new Float64Array(this.options.values);
    for (let r = 0; r < side.length; r += width) {
      for (let v = 0; v < values.length; v++) values[v] = side[r + 4 + v]!;
      this.ensure(side[r]!, side[r + 1]!);
      this.put(side[r]!, side[r + 1]!, side[r + 2]!, side[r + 3]!, values);
    }
  }

  /** Grows the table (x1.5) to hold day `day` and series `k`. */
  private ensure(day: number, k: number): void {
    let base = this.base;
    let cap = this.dayCap;
    let seriesCap = this.seriesCap;
    if (cap === 0 || day < base || day >= base + cap) {
      const lo = cap === 0 ? day : Math.min(day, base);
      const hi = cap === 0 ? day : Math.max(day, base + cap - 1);
      const grown = Math.max(hi - lo + 1, Math.ceil(cap * 1.5), 8);
      base = cap > 0 && day < this.base ? hi - grown + 1 : lo;
      cap = grown;
    }
    if (k >= seriesCap) seriesCap = Math.max(k + 1, Math.ceil(seriesCap * 1.5), 4);
    if (base !== this.base || cap !== this.dayCap || seriesCap !== this.seriesCap) this.relayout(base, cap, seriesCap, this.grid);
  }

  /** Moves every filled cell into a table of days base.., seriesCap series and `grid` minutes. */
  private relayout(base: number, dayCap: number, seriesCap: number, grid: number): void {
    const slots = DAY_MINUTES / grid;
    const size = dayCap * seriesCap * slots;
    const cells = this.cells.length === 0 ? Array.from({ length: this.options.values }, () => new Float64Array(size)) : this.cells.map(() => new Float64Array(size));
    const lineOf = new Uint32Array(size);
    for (let d = 0; d < this.dayCap; d++) {
      const to = this.base + d - base;
      if (to < 0 || to >= dayCap) continue; // no rows there (the new range holds every row's day)
      for (let k = 0; k < this.seriesCap; k++) {
        const from = (d * this.seriesCap + k) * this.slots;
        const into = (to * seriesCap + k) * slots;
        for (let s = 0; s < this.slots; s++) {
          const line = this.lineOf[from + s]!;
          const minute = s * this.grid;
          if (line === 0 || minute % grid !== 0) continue; // off the new grid: refused already
          const i = into + minute / grid;
          lineOf[i] = line;
          for (let v = 0; v < cells.length; v++) cells[v]![i] = this.cells[v]![from + s]!;
        }
      }
    }
    this.base = base;
    this.dayCap = dayCap;
    this.seriesCap = seriesCap;
    this.grid = grid;
    this.slots = slots;
    this.cells = cells;
    this.lineOf = lineOf;
  }

  private put(day: number, k: number, minute: number, line: number, values: Float64Array): void {
    const i = ((day - this.base) * this.seriesCap + k) * this.slots + minute / this.grid;
    const before = this.lineOf[i]!;
    if (before !== 0) {
      const [first, second] = before < line ? [before, line] : [line, before];
      this.options.problems.add(second, undefined, undefined,
        `repeats line ${first} (the same date, interval_start and ${this.options.seriesName}: ${dateText(day)} ${clockText(minute)} ${this.names[k]!})`);
      return;
    }
    this.lineOf[i] = line;
    for (let v = 0; v < this.cells.length; v++) this.cells[v]![i] = values[v]!;
  }
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** A value column of a slot file: `offered`, `aht`, `staff`... */
export interface ValueColumn {
  readonly name: string;
  readonly kind: FieldKind;
  /** A required column's cell must hold a value; an optional column's empty cell means unknown. */
  readonly required: boolean;
  /** The value of a cell no row gives (an interval of an open day without a row, a closed day). */
  readonly noRow: number;
}

/** The layout of a slot file: date, interval_start, a series column and values. */
export interface SlotFile {
  readonly what: string;
  /** `type` or `group`. */
  readonly series: string;
  readonly values: readonly ValueColumn[];
  readonly defaultSource: string;
}

export interface SlotFileResult {
  readonly table: SlotTableResult;
  /** The value columns the file has, in the order of table.values. */
  readonly present: readonly ValueColumn[];
}

/**
 * Reads the rows of an interval or staff history file (header first) into a SlotTable: each
 * cell checked (file, line, field and column in each problem), the table filled in one pass.
 */
export class SlotFileReader implements CsvSink {
  readonly problems: Problems;
  private columns: ColumnIndex | undefined;
  private headerLine = 1;
  private width = 0;
  private table: SlotTable | undefined;
  private present: { column: ValueColumn; field: number }[] = [];
  private scratch = new Float64Array(0);
  private lastDateText = '';
  private lastDay = NaN;

  constructor(
    private readonly file: SlotFile,
    private readonly options: HistoryReadOptions,
  ) {
    this.problems = new Problems(options.source ?? file.defaultSource);
    const minutes = options.intervalMinutes;
    if (minutes !== undefined && !(Number.isInteger(minutes) && minutes > 0 && 1440 % minutes === 0)) {
      throw new RangeError(`intervalMinutes must be a positive divisor of 1440, not ${minutes}`);
    }
  }

  row(cells: readonly string[], line: number): void {
    const blank = cells.length === 1 && cells[0]!.trim() === '';
    if (this.columns === undefined) {
      if (blank) return;
      this.header(cells, line);
      return;
    }
    if (blank) return;
    const problems = this.problems;
    if (cells.length !== this.width) {
      problems.add(line, undefined, undefined, `has ${cells.length} field${cells.length === 1 ? '' : 's'}; the header has ${this.width}`);
      return;
    }
    const errors = problems.count;
    const c = this.columns;
    const dateField = c['date']!;
    const dateCell = cells[dateField]!.trim();
    if (dateCell !== this.lastDateText) {
      this.lastDateText = dateCell;
      this.lastDay = DATE.parse(dateCell);
    }
    const day = this.lastDay;
    if (Number.isNaN(day)) problems.add(line, dateField + 1, 'date', notA(dateCell, DATE));
    const startField = c['interval_start']!;
    const startCell = cells[startField]!.trim();
    const minute = INTERVAL_START.parse(startCell);
    if (Number.isNaN(minute)) problems.add(line, startField + 1, 'interval_start', notA(startCell, INTERVAL_START));
    const seriesField = c[this.file.series]!;
    const name = cells[seriesField]!.trim();
    if (name === '') problems.add(line, seriesField + 1, this.file.series, `empty: each row names its ${this.file.series}`);
    for (let v = 0; v < this.present.length; v++) {
      const { column, field } = this.present[v]!;
      const text = cells[field]!.trim();
      const value = text === '' && !column.required ? NaN : column.kind.parse(text);
      if (Number.isNaN(value) && (text !== '' || column.required)) {
        problems.add(line, field + 1, column.name, text === '' ? `empty: expected ${column.kind.expected}` : notA(text, column.kind));
      }
      this.scratch[v] = value;
    }
    if (problems.count === errors) this.table!.add(day, name, minute, line, this.scratch);
  }

  finish(): SlotFileResult {
    if (this.columns === undefined) this.header(undefined, 1);
    if (this.table!.rowCount === 0) {
      this.problems.throwIfAny();
      this.problems.fail(this.headerLine, undefined, undefined, `no rows after the header: the ${this.file.what} is empty`);
    }
    this.problems.throwIfAny();
    const empty = this.present.map(({ column }) => column.noRow);
    return { table: this.table!.finish(empty), present: this.present.map((p) => p.column) };
  }

  private header(cells: readonly string[] | undefined, line: number): void {
    const file: FileColumns = {
      what: this.file.what,
      required: ['date', 'interval_start', this.file.series, ...this.file.values.filter((v) => v.required).map((v) => v.name)],
      optional: this.file.values.filter((v) => !v.required).map((v) => v.name),
    };
    const columns = resolveHeader(cells, line, file, this.options.columns, this.problems);
    this.columns = columns;
    this.headerLine = line;
    this.width = cells!.length;
    this.present = this.file.values.filter((v) => columns[v.name]! >= 0).map((column) => ({ column, field: columns[column.name]! }));
    this.scratch = new Float64Array(this.present.length);
    this.table = new SlotTable({
      values: this.present.length,
      intervalMinutes: this.options.intervalMinutes,
      problems: this.problems,
      startColumn: columns['interval_start']! + 1,
      seriesName: this.file.series,
    });
  }
}
