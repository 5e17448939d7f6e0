/**
 * The interval history file (CONTRACT section 6): `date,interval_start,type,offered` and the
 * optional `answered,abandoned,aht,asa,service_level`, into a dense IntervalHistory.
 */
import { CsvByteStream, type CsvSink } from './csvStream.js';
import { COUNT, DURATION, PERCENTAGE } from './fields.js';
import { SlotFileReader, type HistoryReadOptions, type SlotFile } from './readSlots.js';
import type { Problems } from './readError.js';
import type { IntervalHistory } from './types.js';

type Optional = 'answered' | 'abandoned' | 'aht' | 'asa' | 'service_level';

const INTERVAL_FILE: SlotFile = {
  what: 'interval history',
  series: 'type',
  defaultSource: 'interval history',
  values: [
    // An interval of an open day with no row had no contacts (the contract's rule).
    { name: 'offered', kind: COUNT, required: true, noRow: 0 },
    { name: 'answered', kind: COUNT, required: false, noRow: NaN },
    { name: 'abandoned', kind: COUNT, required: false, noRow: NaN },
    { name: 'aht', kind: DURATION, required: false, noRow: NaN },
    { name: 'asa', kind: DURATION, required: false, noRow: NaN },
    { name: 'service_level', kind: PERCENTAGE, required: false, noRow: NaN },
  ],
};

/**
 * Builds an IntervalHistory from the records of an interval history file (the header first),
 * fed by a CsvByteStream or anything else that tokenizes CSV. Memory: the dense table only
 * (days x types x slots), grown as days and types appear; nothing per row.
 */
export class IntervalHistoryBuilder implements CsvSink {
  private readonly reader: SlotFileReader;

  constructor(options: HistoryReadOptions = {}) {
    this.reader = new SlotFileReader(INTERVAL_FILE, options);
  }

  get problems(): Problems {
    return this.reader.problems;
  }

  row(cells: readonly string[], line: number): void {
    this.reader.row(cells, line);
  }

  /** @throws HistoryReadError with every problem found (up to MAX_PROBLEMS) */
  finish(): IntervalHistory {
    const { table, present } = this.reader.finish();
    const size = table.values[0]!.length;
    const array = (name: string): Float64Array => {
      const v = present.findIndex((c) => c.name === name);
      return v >= 0 ? table.values[v]! : new Float64Array(size).fill(NaN);
    };
    const columns = new Set(present.map((c) => c.name).filter((n): n is Optional => n !== 'offered'));
    return {
      ...table.calendar,
      types: table.series,
      offered: array('offered'),
      answered: array('answered'),
      abandoned: array('abandoned'),
      aht: array('aht'),
      asa: array('asa'),
      serviceLevel: array('service_level'),
      columns,
      rows: table.rows,
    };
  }
}

/** An interval history from its whole text. @throws HistoryReadError */
export function readIntervalHistory(text: string, options: HistoryReadOptions = {}): IntervalHistory {
  const builder = new IntervalHistoryBuilder(options);
  const stream = new CsvByteStream(builder);
  stream.pushText(text);
  stream.endText();
  return builder.finish();
}
