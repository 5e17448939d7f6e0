/**
 * Writing a center's history as the CSV files of CONTRACT section 6 (what `readIntervalHistory`,
 * `readStaffHistory` and the contact-log reader read back): for synthetic histories and the
 * sample data in examples/history. Durations in seconds with one decimal, fractions with four,
 * unknown values as empty cells, timestamps `YYYY-MM-DDTHH:MM:SS.s`.
 */
import { csvText } from '../experiment/intervalCsv.js';
import { formatClock } from '../scenario/values.js';
import { dateText } from './calendar.js';
import type { SynthIntervalRow, SynthStaffRow } from './synthesize.js';
import type { ContactLogRow } from './types.js';

export const INTERVAL_HISTORY_HEADER = 'date,interval_start,type,offered,answered,abandoned,aht,asa,service_level';
export const STAFF_HISTORY_HEADER = 'date,interval_start,group,staff';
export const CONTACT_LOG_HEADER = 'type,arrival,answered,ended,outcome,acw,group';

const fixed = (x: number, decimals: number): string => (Number.isFinite(x) ? String(Number(x.toFixed(decimals))) : '');

/** `YYYY-MM-DDTHH:MM:SS.s` of seconds since 1970-01-01 in the center's local time (one decimal). */
export function timestampText(seconds: number): string {
  const tenths = Math.round(seconds * 10);
  const day = Math.floor(tenths / 864_000);
  const rest = tenths - day * 864_000;
  const second = Math.floor(rest / 10);
  const hh = Math.floor(second / 3600);
  const mm = Math.floor((second % 3600) / 60);
  const ss = second % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${dateText(day)}T${two(hh)}:${two(mm)}:${two(ss)}.${rest % 10}`;
}

export function intervalHistoryLine(r: SynthIntervalRow): string {
  return [dateText(r.day), formatClock(r.minute), csvText(r.type), fixed(r.offered, 0), fixed(r.answered, 0), fixed(r.abandoned, 0), fixed(r.aht, 1), fixed(r.asa, 1), fixed(r.serviceLevel, 4)].join(',');
}

export function staffHistoryLine(r: SynthStaffRow): string {
  return [dateText(r.day), formatClock(r.minute), csvText(r.group), fixed(r.staff, 2)].join(',');
}

export function contactLogLine(r: Readonly<ContactLogRow>): string {
  const answered = r.outcome === 'answered';
  return [
    csvText(r.type),
    timestampText(r.arrival),
    answered ? timestampText(r.answered) : '',
    timestampText(r.ended),
    r.outcome,
    answered ? fixed(r.acw, 1) : '',
    csvText(r.group),
  ].join(',');
}
