/**
 * Writes the sample history of examples/history from center.json, the known truth:
 *
 *   npx tsx examples/history/generate.ts [OUT_DIR]      (default: this folder)
 *
 * Eight weeks, Monday 2026-09-07 to Sunday 2026-11-01, seed 2026: every open date is one
 * replication of center.json (src/history/synthesize.ts) with the volume multiplied by its
 * weekday's factor (Mon 1.15, Tue 1.05, Wed 1.0, Thu 1.0, Fri 0.95, Sat 0.55, Sun closed) and a
 * growth of 0.5% a week, and a special day: Monday 2026-10-12 (a storm) with 1.8 times the
 * volume, which a forecast must not take for a normal Monday. The files are what an ACD exports:
 *
 * - history.csv: date,interval_start,type,offered,answered,abandoned,aht,asa,service_level
 * - staff.csv: date,interval_start,group,staff (the scenario's staff, as present)
 * - contacts.csv: one row per answered or abandoned call, for the last two weeks only (an ACD's
 *   contact detail is often kept for a short time; it is also what keeps this folder small)
 *
 * Running it again writes the same bytes (a test checks history.csv).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScenarioText } from '../../src/scenario/index.js';
import { dayNumber } from '../../src/history/calendar.js';
import { synthesizeHistory, type SynthesizeOptions } from '../../src/history/synthesize.js';
import { CONTACT_LOG_HEADER, contactLogLine, INTERVAL_HISTORY_HEADER, intervalHistoryLine, STAFF_HISTORY_HEADER, staffHistoryLine } from '../../src/history/historyCsv.js';

const here = fileURLToPath(new URL('.', import.meta.url));

export const SAMPLE: SynthesizeOptions = {
  fromDay: dayNumber('2026-09-07')!,
  days: 56,
  seed: 2026,
  weekdayFactors: [1.15, 1.05, 1, 1, 0.95, 0.55, 0],
  weeklyTrend: 0.005,
  specialDays: new Map([[dayNumber('2026-10-12')!, 1.8]]),
};
/** Contact detail is written from this day on (the last two weeks). */
export const CONTACTS_FROM = dayNumber('2026-10-19')!;

export function sampleFiles(): { history: string; staff: string; contacts: string } {
  const scenario = parseScenarioText(readFileSync(join(here, 'center.json'), 'utf8'), 'center.json');
  const history = [INTERVAL_HISTORY_HEADER];
  const staff = [STAFF_HISTORY_HEADER];
  const contacts = [CONTACT_LOG_HEADER];
  synthesizeHistory(scenario, SAMPLE, {
    interval: (r) => history.push(intervalHistoryLine(r)),
    staff: (r) => staff.push(staffHistoryLine(r)),
    contact: (r) => {
      if (r.arrival >= CONTACTS_FROM * 86_400) contacts.push(contactLogLine(r));
    },
  });
  const text = (lines: string[]) => `${lines.join('\n')}\n`;
  return { history: text(history), staff: text(staff), contacts: text(contacts) };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv[2] ?? here;
  const files = sampleFiles();
  writeFileSync(join(out, 'history.csv'), files.history);
  writeFileSync(join(out, 'staff.csv'), files.staff);
  writeFileSync(join(out, 'contacts.csv'), files.contacts);
  console.log(`wrote history.csv, staff.csv, contacts.csv to ${out}`);
}
