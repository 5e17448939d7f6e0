/** The staff history file (CONTRACT section 6): `date,interval_start,group,staff`, into a dense StaffHistory. */
import { CsvByteStream, type CsvSink } from './csvStream.js';
import { STAFF } from './fields.js';
import { SlotFileReader, type HistoryReadOptions, type SlotFile } from './readSlots.js';
import type { Problems } from './readError.js';
import type { StaffHistory } from './types.js';

const STAFF_FILE: SlotFile = {
  what: 'staff history',
  series: 'group',
  defaultSource: 'staff history',
  // No row: unknown (NaN), not 0 agents; a replay must not read a gap in the export as nobody working.
  values: [{ name: 'staff', kind: STAFF, required: true, noRow: NaN }],
};

/** Builds a StaffHistory from the records of a staff history file (the header first); memory as IntervalHistoryBuilder. */
export class StaffHistoryBuilder implements CsvSink {
  private readonly reader: SlotFileReader;

  constructor(options: HistoryReadOptions = {}) {
    this.reader = new SlotFileReader(STAFF_FILE, options);
  }

  get problems(): Problems {
    return this.reader.problems;
  }

  row(cells: readonly string[], line: number): void {
    this.reader.row(cells, line);
  }

  /** @throws HistoryReadError with every problem found (up to MAX_PROBLEMS) */
  finish(): StaffHistory {
    const { table } = this.reader.finish();
    return { ...table.calendar, groups: table.series, staff: table.values[0]!, rows: table.rows };
  }
}

/** A staff history from its whole text. @throws HistoryReadError */
export function readStaffHistory(text: string, options: HistoryReadOptions = {}): StaffHistory {
  const builder = new StaffHistoryBuilder(options);
  const stream = new CsvByteStream(builder);
  stream.pushText(text);
  stream.endText();
  return builder.finish();
}
