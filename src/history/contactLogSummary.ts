import { HandleTimeSample } from './handleTimeFit.js';
import type { ContactLogRow } from './types.js';
import { WaitHistogram } from './waitHistogram.js';

/**
 * What `ccsim fit` keeps of a contact log, per contact type, in memory that does not grow with
 * the rows: the waits (patience, censored) and the handle times. Feed it the reader's reused
 * row object, one row at a time.
 */
export class ContactLogSummary {
  readonly types: string[] = [];
  readonly waits: WaitHistogram[] = [];
  readonly handleTimes: HandleTimeSample[] = [];
  private readonly index = new Map<string, number>();
  rows = 0;

  /**
   * One contact. Throws a ContactLogError naming the line when its times are out of order
   * (answered before arrival, ended before answered or arrival).
   */
  add(row: Readonly<ContactLogRow>): void {
    let t = this.index.get(row.type);
    if (t === undefined) {
      t = this.types.length;
      this.index.set(row.type, t);
      this.types.push(row.type);
      this.waits.push(new WaitHistogram());
      this.handleTimes.push(new HandleTimeSample());
    }
    this.rows++;
    if (row.outcome === 'abandoned') {
      const wait = row.ended - row.arrival;
      if (!(wait >= 0)) throw new ContactLogError(row.line, 'ended', 'an abandoned contact ends before it arrives');
      this.waits[t]!.add(wait, true);
    } else {
      const wait = row.answered - row.arrival;
      const handle = row.ended - row.answered;
      if (!(wait >= 0)) throw new ContactLogError(row.line, 'answered', 'answered before it arrives');
      if (!(handle >= 0)) throw new ContactLogError(row.line, 'ended', 'ends before it is answered');
      this.waits[t]!.add(wait, false);
      this.handleTimes[t]!.add(handle);
    }
  }

  typeIndex(id: string): number | undefined {
    return this.index.get(id);
  }
}

/** A contact-log row whose times contradict each other. */
export class ContactLogError extends Error {
  override readonly name = 'ContactLogError';
  constructor(
    readonly line: number,
    readonly column: string,
    problem: string,
  ) {
    super(`line ${line}, column "${column}": ${problem}`);
  }
}
