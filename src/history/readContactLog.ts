/**
 * The contact log (CONTRACT section 6): `type,arrival,answered,ended,outcome[,acw,group]`, one
 * row per contact, handed to a visitor one row at a time. A 5 M-row log keeps nothing per row:
 * one ContactLogRow object is refilled for every row (the visitor copies what it keeps).
 */
import { resolveHeader, type ColumnIndex, type FileColumns } from './columns.js';
import { CsvByteStream, type CsvSink } from './csvStream.js';
import { DURATION, notA, TIMESTAMP } from './fields.js';
import { Problems } from './readError.js';
import type { ColumnMap, ContactLogRow } from './types.js';

const LOG_FILE: FileColumns = {
  what: 'contact log',
  required: ['type', 'arrival', 'answered', 'ended', 'outcome'],
  optional: ['acw', 'group'],
};

export interface ContactLogOptions {
  /** The file's name in messages. */
  readonly source?: string;
  readonly columns?: ColumnMap;
}

/** Times in messages: the seconds as the file wrote them would be best, but these are exact. */
const seconds = (s: number) => `${Number(s.toFixed(3))} s`;

/**
 * Checks each row of a contact log and hands it to `visit` (see the module comment). Each row:
 * `type` not empty; `arrival` and `ended` timestamps; `outcome` answered or abandoned (any case);
 * `answered` a timestamp when answered and empty when abandoned; arrival <= answered <= ended
 * (arrival <= ended when abandoned); `acw` a duration no longer than ended - answered, and none
 * (empty or 0) for an abandoned contact. A row with a problem is not visited.
 */
export class ContactLogReader implements CsvSink {
  readonly problems: Problems;
  private columns: ColumnIndex | undefined;
  private headerLine = 1;
  private width = 0;
  private rows = 0;
  private readonly current: ContactLogRow = {
    line: 0, type: '', arrival: 0, answered: NaN, ended: 0, outcome: 'answered', acw: NaN, group: '',
  };

  constructor(
    private readonly options: ContactLogOptions,
    private readonly visit: (row: ContactLogRow) => void,
  ) {
    this.problems = new Problems(options.source ?? 'contact log');
  }

  row(cells: readonly string[], line: number): void {
    const blank = cells.length === 1 && cells[0]!.trim() === '';
    if (blank) return;
    if (this.columns === undefined) {
      this.columns = resolveHeader(cells, line, LOG_FILE, this.options.columns, this.problems);
      this.headerLine = line;
      this.width = cells.length;
      return;
    }
    const problems = this.problems;
    if (cells.length !== this.width) {
      problems.add(line, undefined, undefined, `has ${cells.length} field${cells.length === 1 ? '' : 's'}; the header has ${this.width}`);
      return;
    }
    const c = this.columns;
    const errors = problems.count;

    const type = cells[c['type']!]!.trim();
    if (type === '') this.at(line, 'type', 'empty: each contact has a type');
    const arrivalText = cells[c['arrival']!]!.trim();
    const arrival = TIMESTAMP.parse(arrivalText);
    if (Number.isNaN(arrival)) this.at(line, 'arrival', notA(arrivalText, TIMESTAMP));
    const outcomeText = cells[c['outcome']!]!.trim();
    const outcome = outcomeText.toLowerCase();
    const answeredOutcome = outcome === 'answered';
    if (!answeredOutcome && outcome !== 'abandoned') this.at(line, 'outcome', `${JSON.stringify(outcomeText)} is not an outcome (answered or abandoned)`);
    const answeredText = cells[c['answered']!]!.trim();
    let answered = NaN;
    if (answeredOutcome) {
      if (answeredText === '') this.at(line, 'answered', 'empty, but the outcome is answered: when was it answered?');
      else {
        answered = TIMESTAMP.parse(answeredText);
        if (Number.isNaN(answered)) this.at(line, 'answered', notA(answeredText, TIMESTAMP));
      }
    } else if (answeredText !== '' && outcome === 'abandoned') {
      this.at(line, 'answered', `${JSON.stringify(answeredText)}, but the outcome is abandoned: an abandoned contact was never answered (leave it empty)`);
    }
    const endedText = cells[c['ended']!]!.trim();
    const ended = TIMESTAMP.parse(endedText);
    if (Number.isNaN(ended)) this.at(line, 'ended', notA(endedText, TIMESTAMP));
    let acw = NaN;
    if (c['acw']! >= 0) {
      const acwText = cells[c['acw']!]!.trim();
      if (acwText !== '') {
        acw = DURATION.parse(acwText);
        if (Number.isNaN(acw)) this.at(line, 'acw', notA(acwText, DURATION));
        else if (outcome === 'abandoned' && acw > 0) this.at(line, 'acw', `${seconds(acw)} of after-contact work on an abandoned contact (leave it empty)`);
      }
    }
    if (problems.count !== errors) return;
    // Order of the moments, once each is known.
    if (answeredOutcome) {
      if (answered < arrival) this.at(line, 'answered', `answered ${seconds(arrival - answered)} before the arrival`);
      else if (ended < answered) this.at(line, 'ended', `ended ${seconds(answered - ended)} before it was answered`);
      else if (acw > ended - answered) this.at(line, 'acw', `${seconds(acw)} of after-contact work, longer than the handling (answered to ended: ${seconds(ended - answered)})`);
    } else if (ended < arrival) {
      this.at(line, 'ended', `abandoned ${seconds(arrival - ended)} before the arrival`);
    }
    if (problems.count !== errors) return;

    const row = this.current;
    row.line = line;
    row.type = type;
    row.arrival = arrival;
    row.answered = answered;
    row.ended = ended;
    row.outcome = answeredOutcome ? 'answered' : 'abandoned';
    row.acw = acw;
    row.group = c['group']! >= 0 ? cells[c['group']!]!.trim() : '';
    this.rows++;
    this.visit(row);
  }

  private at(line: number, column: string, message: string): void {
    this.problems.add(line, this.columns![column]! + 1, column, message);
  }

  /** @throws HistoryReadError with every problem found (up to MAX_PROBLEMS) */
  finish(): { rows: number } {
    if (this.columns === undefined) resolveHeader(undefined, 1, LOG_FILE, this.options.columns, this.problems);
    this.problems.throwIfAny();
    if (this.rows === 0) this.problems.fail(this.headerLine, undefined, undefined, 'no rows after the header: the contact log is empty');
    return { rows: this.rows };
  }
}

/** Reads a contact log from its whole text, visiting each row. @throws HistoryReadError */
export function readContactLog(text: string, options: ContactLogOptions, visit: (row: ContactLogRow) => void): { rows: number } {
  const reader = new ContactLogReader(options, visit);
  const stream = new CsvByteStream(reader);
  stream.pushText(text);
  stream.endText();
  return reader.finish();
}
