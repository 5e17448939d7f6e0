/**
 * The history worker (a module Web Worker of the page): `ccsim forecast`, `fit` and the planning
 * half of `replay` off the main thread. The files chosen on the page are streamed here
 * (web/src/history/streamFile.ts) into src/history's readers, with progress posted back; the
 * tables stay in this worker, and each request answers with what the page draws. Problems come
 * back as `{ error }` carrying the CLI's message (`history.csv:12:4 (offered): ...`), never as a
 * rejection. The page terminates the worker to cancel (historyTask.ts).
 */
import '../csp.js';
import * as Comlink from 'comlink';
import { dayNumber, dateText } from '../../../src/history/calendar.js';
import { ContactLogError, ContactLogSummary } from '../../../src/history/contactLogSummary.js';
import { ForecastError, forecastHistory } from '../../../src/history/forecast.js';
import type { ForecastOptions } from '../../../src/history/forecastOptions.js';
import { forecastCsv, forecastJson, type ForecastJson } from '../../../src/history/forecastOutput.js';
import { FitError, fitScenario, type FitOutput } from '../../../src/history/fitScenario.js';
import { ContactLogReader } from '../../../src/history/readContactLog.js';
import { HistoryReadError } from '../../../src/history/readError.js';
import { IntervalHistoryBuilder } from '../../../src/history/readIntervalHistory.js';
import { StaffHistoryBuilder } from '../../../src/history/readStaffHistory.js';
import { planReplay, ReplayInputError, type ReplayPlan } from '../../../src/history/replayPlan.js';
import type { IntervalHistory, StaffHistory } from '../../../src/history/types.js';
import { parseScenario, ScenarioError, type Scenario } from '../../../src/scenario/index.js';
import { forecastSeries, type ForecastSeries } from '../history/forecastSeries.js';
import { historySlice } from '../history/historySlice.js';
import { streamFile } from '../history/streamFile.js';

/** The files chosen on the page: the interval history, and optionally a contact log and a staff history. */
export interface HistoryFiles {
  readonly history: File;
  readonly contacts?: File;
  readonly staff?: File;
}

/** Reading progress: the file being read, bytes read of all files so far, and their total. */
export type ReadProgress = (file: string, read: number, total: number) => void;

export interface HistorySummary {
  readonly history: {
    readonly file: string;
    readonly rows: number;
    readonly types: readonly string[];
    readonly firstDate: string;
    readonly lastDate: string;
    readonly days: number;
    readonly openDays: number;
    readonly intervalMinutes: number;
  };
  readonly contacts: { readonly file: string; readonly rows: number; readonly types: readonly string[] } | null;
  readonly staff: { readonly file: string; readonly rows: number; readonly groups: readonly string[]; readonly firstDate: string; readonly lastDate: string } | null;
  /** Dates open in both the interval history and the staff history: the dates replay can replay. */
  readonly replayDates: readonly string[];
  /** The day after the history: where the page's forecast starts. */
  readonly nextDate: string;
  readonly bytes: number;
  /** Reading time in the worker, s. */
  readonly seconds: number;
}

export interface ForecastRequest {
  readonly days: number;
  readonly backtestWeeks: number;
}

export interface ForecastReply {
  /** `ccsim forecast --json` for the same file, start and days, without its rows (the chart has them). */
  readonly json: Omit<ForecastJson, 'rows'>;
  /** `ccsim forecast --out`: the forecast CSV. */
  readonly csv: string;
  readonly series: ForecastSeries;
}

export interface FitReply {
  readonly output: FitOutput;
  /** What `ccsim fit --out` writes. */
  readonly scenarioText: string;
}

export type Reply<T> = T | { readonly error: string };

export interface HistoryWorkerApi {
  read(files: HistoryFiles, progress: ReadProgress): Promise<Reply<HistorySummary>>;
  forecast(request: ForecastRequest): Promise<Reply<ForecastReply>>;
  /** Fit `skeleton` (a scenario's JSON value; `name` is its file in messages) to the history read. */
  fit(skeleton: unknown, name: string): Promise<Reply<FitReply>>;
  /** The replay plan of one date for `scenario` (validated), its history cut to that date. */
  planReplay(scenario: Scenario, date: string, progress: ReadProgress): Promise<Reply<{ readonly plan: ReplayPlan }>>;
}

/** Progress is posted at most this often, ms: enough for a smooth bar, nothing for the page to keep up with. */
const PROGRESS_EVERY_MS = 100;

interface Loaded {
  readonly files: HistoryFiles;
  readonly history: IntervalHistory;
  readonly contacts: ContactLogSummary | undefined;
  readonly staff: StaffHistory | undefined;
}

let loaded: Loaded | null = null;

/** Reads `files` one after another with one progress over their total size. */
class Reader {
  private done = 0;
  private last = 0;
  readonly total: number;

  constructor(
    files: readonly File[],
    private readonly progress: ReadProgress,
  ) {
    this.total = files.reduce((n, f) => n + f.size, 0);
  }

  async interval(file: File, intervalMinutes?: number): Promise<IntervalHistory> {
    const builder = new IntervalHistoryBuilder({ source: file.name, intervalMinutes });
    await this.stream(file, builder);
    return builder.finish();
  }

  async staff(file: File, intervalMinutes?: number): Promise<StaffHistory> {
    const builder = new StaffHistoryBuilder({ source: file.name, intervalMinutes });
    await this.stream(file, builder);
    return builder.finish();
  }

  async contacts(file: File): Promise<ContactLogSummary> {
    const summary = new ContactLogSummary();
    const reader = new ContactLogReader({ source: file.name }, (row) => {
      try {
        summary.add(row);
      } catch (error) {
        // As `ccsim fit` words it (src/node/fitApi.ts).
        if (error instanceof ContactLogError) throw new PageInputError(`${file.name}:${error.message}`);
        throw error;
      }
    });
    await this.stream(file, reader);
    reader.finish();
    return summary;
  }

  private async stream(file: File, sink: Parameters<typeof streamFile>[1]): Promise<void> {
    const before = this.done;
    this.progress(file.name, before, this.total);
    await streamFile(file, sink, (bytes) => {
      const now = performance.now();
      if (now - this.last < PROGRESS_EVERY_MS) return;
      this.last = now;
      this.progress(file.name, before + bytes, this.total);
    });
    this.done = before + file.size;
    this.progress(file.name, this.done, this.total);
  }
}

/** An input problem whose message is already the one to show. */
class PageInputError extends Error {}

function problem(error: unknown): { error: string } {
  if (error instanceof HistoryReadError || error instanceof PageInputError || error instanceof ReplayInputError) return { error: error.message };
  if (error instanceof ScenarioError) return { error: error.issues.map((i) => `${i.path}: ${i.message}`).join('\n') };
  return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}

/** Open days of a table, as day numbers. */
function openDays(table: { firstDay: number; days: number; open: Uint8Array }): number[] {
  const out: number[] = [];
  for (let d = 0; d < table.days; d++) if (table.open[d] === 1) out.push(table.firstDay + d);
  return out;
}

/** The page's words for the options `ccsim forecast` names by flag. */
const FORECAST_FIELD: Record<keyof ForecastOptions, string> = { startDay: 'start', days: 'days', backtestWeeks: 'backtest weeks', holidays: 'holidays' };

const api: HistoryWorkerApi = {
  async read(files, progress) {
    const started = performance.now();
    loaded = null;
    const list = [files.history, files.contacts, files.staff].filter((f): f is File => f !== undefined);
    const reader = new Reader(list, progress);
    try {
      const history = await reader.interval(files.history);
      const contacts = files.contacts === undefined ? undefined : await reader.contacts(files.contacts);
      const staff = files.staff === undefined ? undefined : await reader.staff(files.staff);
      loaded = { files, history, contacts, staff };
      const staffOpen = new Set(staff === undefined ? [] : openDays(staff));
      return {
        history: {
          file: files.history.name,
          rows: history.rows,
          types: history.types,
          firstDate: dateText(history.firstDay),
          lastDate: dateText(history.lastDay),
          days: history.days,
          openDays: openDays(history).length,
          intervalMinutes: history.intervalMinutes,
        },
        contacts: contacts === undefined ? null : { file: files.contacts!.name, rows: contacts.rows, types: contacts.types },
        staff:
          staff === undefined
            ? null
            : { file: files.staff!.name, rows: staff.rows, groups: staff.groups, firstDate: dateText(staff.firstDay), lastDate: dateText(staff.lastDay) },
        replayDates: openDays(history).filter((d) => staffOpen.has(d)).map(dateText),
        nextDate: dateText(history.lastDay + 1),
        bytes: reader.total,
        seconds: (performance.now() - started) / 1000,
      };
    } catch (error) {
      return problem(error);
    }
  },

  async forecast({ days, backtestWeeks }) {
    if (loaded === null) return { error: 'no interval history has been read' };
    const { history } = loaded;
    try {
      // `ccsim forecast --start <the day after the history> --days N --backtest-weeks K`.
      const result = forecastHistory(history, { startDay: history.lastDay + 1, days, backtestWeeks, holidays: [] });
      const { rows: _rows, ...json } = forecastJson(result);
      return { json, csv: forecastCsv(result), series: forecastSeries(history, result) };
    } catch (error) {
      if (error instanceof ForecastError) return { error: `${FORECAST_FIELD[error.option]}: ${error.message}` };
      return problem(error);
    }
  },

  async fit(skeleton, name) {
    if (loaded === null) return { error: 'no interval history has been read' };
    const { history, contacts, files } = loaded;
    try {
      const scenario = parseScenario(skeleton);
      const output = fitScenario(scenario, { history, contacts });
      return { output, scenarioText: `${JSON.stringify(output.scenario, null, 2)}\n` };
    } catch (error) {
      if (error instanceof ScenarioError) return { error: `${name}: invalid scenario\n${problem(error).error}` };
      // As `ccsim fit` names them, with the page's inputs for its flags.
      const input = (option: string) => (option === 'history' ? files.history.name : option === 'contacts' ? (files.contacts?.name ?? 'contact log') : option);
      if (error instanceof FitError) return { error: `${input(error.option)}: ${error.message}` };
      if (error instanceof ForecastError) return { error: `${error.option === 'startDay' ? 'date' : files.history.name}: ${error.message}` };
      return problem(error);
    }
  },

  async planReplay(scenario, date, progress) {
    if (loaded === null) return { error: 'no interval history has been read' };
    const { files } = loaded;
    if (files.staff === undefined || loaded.staff === undefined) return { error: 'replay needs a staff history (date,interval_start,group,staff): choose one and read the files again' };
    const day = dayNumber(date);
    if (day === undefined) return { error: `date: must be a date YYYY-MM-DD, got ${JSON.stringify(date)}` };
    try {
      // `ccsim replay` reads both files on the scenario's interval grid; a table read on the same
      // grid is the same table, so only a file read on another one is read again.
      const len = scenario.intervalMinutes;
      const again = [loaded.history.intervalMinutes !== len ? files.history : null, loaded.staff.intervalMinutes !== len ? files.staff : null].filter((f): f is File => f !== null);
      const reader = new Reader(again, progress);
      const history = loaded.history.intervalMinutes === len ? loaded.history : await reader.interval(files.history, len);
      const staff = loaded.staff.intervalMinutes === len ? loaded.staff : await reader.staff(files.staff, len);
      const plan = planReplay(scenario, history, staff, { fromDay: day, toDay: day });
      // The date and the next (a scenario past midnight reads its early rows): all the replay reads.
      return { plan: { ...plan, history: historySlice(history, day, day + 1) } };
    } catch (error) {
      return problem(error);
    }
  },
};

Comlink.expose(api);
