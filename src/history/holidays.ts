import { dayNumber } from './calendar.js';

/** A holidays file that cannot be read as dates; the message names the file and line. */
export class HolidayFileError extends RangeError {
  override readonly name: string = 'HolidayFileError';
}

/**
 * The days of a `--holidays` file: one `YYYY-MM-DD` per line. A line may go on after a comma
 * (`2024-12-25,Christmas`, as a spreadsheet exports a list with names); blank lines, lines
 * starting with `#`, and a first line `date` (a header) are skipped. Sorted, duplicates once.
 * @throws HolidayFileError naming `source` and the 1-based line
 */
export function parseHolidays(text: string, source: string): number[] {
  const days = new Set<number>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let seenContent = false;
  lines.forEach((raw, k) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const first = (line.split(',')[0] ?? '').trim();
    if (!seenContent && first.toLowerCase() === 'date') {
      seenContent = true;
      return;
    }
    seenContent = true;
    const day = dayNumber(first);
    if (day === undefined) throw new HolidayFileError(`${source}:${k + 1}: expected a date YYYY-MM-DD, not ${JSON.stringify(first.slice(0, 40))}`);
    days.add(day);
  });
  return [...days].sort((a, b) => a - b);
}
