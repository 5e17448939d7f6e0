/**
 * The page's history parts that need no browser: a File streamed in arbitrary chunks reads as the
 * CLI's file reader reads it (table and messages), the one-date cut of a history replays exactly
 * as the whole table does, and the forecast chart's series line up with the history and the
 * forecast they come from.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { inThreadRunner, ReplicationPool } from '../../src/experiment/index.js';
import { dayNumber } from '../../src/history/calendar.js';
import { forecastHistory } from '../../src/history/forecast.js';
import { IntervalHistoryBuilder } from '../../src/history/readIntervalHistory.js';
import { planReplay } from '../../src/history/replayPlan.js';
import { runReplay } from '../../src/history/replay.js';
import { cellIndex, type IntervalHistory } from '../../src/history/types.js';
import { readIntervalHistoryFile, readStaffHistoryFile } from '../../src/node/historyFiles.js';
import { loadScenarioFile } from '../../src/node/loadScenarioFile.js';
import { forecastSeries, HISTORY_DAYS_SHOWN } from '../../web/src/history/forecastSeries.js';
import { historySlice } from '../../web/src/history/historySlice.js';
import { streamFile } from '../../web/src/history/streamFile.js';

const example = (name: string) => fileURLToPath(new URL(`../../examples/history/${name}`, import.meta.url));

/** A Blob whose stream hands out `bytes` in the chunks given by `cuts` (byte offsets). */
function chunked(bytes: Uint8Array, cuts: readonly number[]): Blob {
  const ends = [...cuts, bytes.length];
  return {
    stream: () => {
      let at = 0;
      let k = 0;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (k >= ends.length) return controller.close();
          const end = ends[k++]!;
          controller.enqueue(bytes.slice(at, end));
          at = end;
        },
      });
    },
  } as unknown as Blob;
}

async function readStreamed(bytes: Uint8Array, cuts: readonly number[], source: string): Promise<IntervalHistory> {
  const builder = new IntervalHistoryBuilder({ source });
  let seen = 0;
  await streamFile(chunked(bytes, cuts), builder, (n) => (seen = n));
  expect(seen).toBe(bytes.length);
  return builder.finish();
}

describe('streamFile(file, sink, onBytes)', () => {
  test('reads examples/history/history.csv in 7-byte chunks into the table the CLI’s file reader makes', async () => {
    const bytes = new Uint8Array(readFileSync(example('history.csv')));
    const cuts = Array.from({ length: Math.floor((bytes.length - 1) / 7) }, (_, i) => 7 * (i + 1));
    const streamed = await readStreamed(bytes, cuts, 'history.csv');
    const file = await readIntervalHistoryFile(example('history.csv'));
    expect(streamed).toEqual(file);
  });

  test('a character cut between two chunks is read whole; a byte that is not UTF-8 is refused with the CLI’s message', async () => {
    const text = 'date,interval_start,type,offered\n2026-03-02,08:00,café,12\n';
    const bytes = new TextEncoder().encode(text);
    const cut = text.indexOf('é') + 1; // inside the two bytes of é
    expect((await readStreamed(bytes, [cut], 'h.csv')).types).toEqual(['café']);

    const bad = new Uint8Array([...bytes.slice(0, bytes.length - 3), 0xff, 0x32, 0x0a]);
    const message = await readStreamed(bad, [bad.length - 2], 'h.csv').then(
      () => '',
      (error: Error) => error.message,
    );
    expect(message).toBe('h.csv:2: not valid UTF-8: byte 0xFF at character 23 of the line (save the file as UTF-8)');
  });

  test('a bad row: the problem the file reader names, with the file’s name', async () => {
    const text = readFileSync(example('history.csv'), 'utf8').replace('2026-09-07,08:30,billing,76,', '2026-09-07,08:30,billing,-76,');
    const message = await readStreamed(new TextEncoder().encode(text), [100], 'history.csv').then(
      () => '',
      (error: Error) => error.message,
    );
    expect(message).toBe('history.csv:4:4 (offered): "-76" is not a count (a number >= 0)');
  });
});

describe('historySlice(history, fromDay, toDay)', () => {
  test('holds the same cells for its days, clamped to the table', async () => {
    const history = await readIntervalHistoryFile(example('history.csv'));
    const day = dayNumber('2026-10-24')!;
    const slice = historySlice(history, day, day + 1);
    expect([slice.firstDay, slice.lastDay, slice.days]).toEqual([day, day + 1, 2]);
    expect([...slice.open]).toEqual([1, 0]); // a Saturday, then a closed Sunday
    for (let d = 0; d < 2; d++) {
      for (let t = 0; t < history.types.length; t++) {
        for (let s = 0; s < history.slots; s++) {
          const a = cellIndex(history.slots, history.types.length, day + d - history.firstDay, t, s);
          const b = cellIndex(slice.slots, slice.types.length, d, t, s);
          for (const k of ['offered', 'answered', 'abandoned', 'aht', 'asa', 'serviceLevel'] as const) expect(slice[k][b]).toBe(history[k][a]);
        }
      }
    }
    const last = historySlice(history, history.lastDay, history.lastDay + 1);
    expect([last.firstDay, last.lastDay, last.days, last.offered.length]).toEqual([history.lastDay, history.lastDay, 1, history.types.length * history.slots]);
    expect(() => historySlice(history, history.lastDay + 1, history.lastDay + 2)).toThrow(RangeError);
  });

  test('a one-date replay plan carrying the cut replays exactly as with the whole history', async () => {
    const scenario = await loadScenarioFile(example('skeleton.json'));
    const history = await readIntervalHistoryFile(example('history.csv'), { intervalMinutes: 30 });
    const staff = await readStaffHistoryFile(example('staff.csv'), { intervalMinutes: 30 });
    const day = dayNumber('2026-10-26')!;
    const plan = planReplay(scenario, history, staff, { fromDay: day, toDay: day });
    const replay = async (p: typeof plan) => {
      const pool = new ReplicationPool(() => inThreadRunner(), 1);
      try {
        return await runReplay(p, pool, { replications: 4, seed: 3 });
      } finally {
        await pool.close();
      }
    };
    const whole = await replay(plan);
    expect(whole.rows.some((r) => r.serviceLevel.recorded !== null)).toBe(true);
    expect(await replay({ ...plan, history: historySlice(history, day, day + 1) })).toEqual(whole);
  });
});

describe('forecastSeries(history, result)', () => {
  test('two weeks of recorded offered, then the forecast and its band, over the opening hours', async () => {
    const history = await readIntervalHistoryFile(example('history.csv'));
    const result = forecastHistory(history, { startDay: history.lastDay + 1, days: 3 });
    const series = forecastSeries(history, result);
    const open = series.slotsShown;
    expect([series.firstSlot, series.lastSlot, open]).toEqual([16, 35, 20]); // 08:00 to 17:30
    expect(series.days.length).toBe(HISTORY_DAYS_SHOWN + 3);
    expect(series.forecastFrom).toBe(HISTORY_DAYS_SHOWN);
    expect(series.days[0]).toEqual({ date: '2026-10-18', weekday: 'Sun', part: 'history', open: false });
    expect(series.days[HISTORY_DAYS_SHOWN]).toEqual({ date: '2026-11-01', weekday: 'Sun', part: 'forecast', open: true });
    const t = history.types.indexOf('outages');
    const s = series.byType[t]!;
    expect(s.type).toBe('outages');
    // Monday 2026-10-19, 09:00: the history's cell; Sunday: nothing recorded.
    expect(s.actual[1 * open + (18 - 16)]).toBe(history.offered[cellIndex(history.slots, history.types.length, dayNumber('2026-10-19')! - history.firstDay, t, 18)]);
    expect(s.actual.slice(0, open).every(Number.isNaN)).toBe(true);
    expect(Number.isNaN(s.volume[open])).toBe(true);
    // Monday 2026-11-02, 10:00: the forecast's cell and band.
    const i = (HISTORY_DAYS_SHOWN + 1) * open + (20 - 16);
    const at = cellIndex(result.slots, result.types.length, 1, t, 20);
    expect([s.volume[i], s.lo[i], s.hi[i]]).toEqual([result.volume[at], result.lo[at], result.hi[at]]);
    expect(s.volume[i]).toBeGreaterThan(0);
    expect(Number.isNaN(s.actual[i])).toBe(true);
  });
});
