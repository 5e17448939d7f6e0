/**
 * The history files of CONTRACT section 6, read from disk as a stream: the bytes go through one
 * reused buffer into src/history's strict UTF-8 decoder, CSV tokenizer and readers, so a 1 M-row
 * interval history or a 5 M-row contact log never sits in memory as text. Every problem becomes
 * an InputError (exit 2) whose lines read `file:line:column (column): problem`.
 */
import { open } from 'node:fs/promises';
import { ColumnMapError } from '../history/columns.js';
import { CsvByteStream, type CsvSink } from '../history/csvStream.js';
import { ContactLogReader } from '../history/readContactLog.js';
import { HistoryReadError } from '../history/readError.js';
import { IntervalHistoryBuilder } from '../history/readIntervalHistory.js';
import type { HistoryReadOptions } from '../history/readSlots.js';
import { StaffHistoryBuilder } from '../history/readStaffHistory.js';
import type { ColumnMap, ContactLogRow, IntervalHistory, StaffHistory } from '../history/types.js';
import { InputError } from './inputError.js';

/** Options of the file readers: `--columns`, and the interval length when a scenario fixes it. */
export interface HistoryFileOptions {
  readonly columns?: ColumnMap;
  readonly intervalMinutes?: number;
}

/** Bytes read at a time: large enough that the per-chunk work vanishes, small beside any heap. */
const CHUNK_BYTES = 1 << 20;

/** Reads an interval history file. @throws InputError naming the file (and line, column, problem) */
export async function readIntervalHistoryFile(path: string, options: HistoryFileOptions = {}): Promise<IntervalHistory> {
  const builder = new IntervalHistoryBuilder(readOptions(path, options));
  await streamFile(path, builder);
  return asInputError(() => builder.finish());
}

/** Reads a staff history file. @throws InputError naming the file (and line, column, problem) */
export async function readStaffHistoryFile(path: string, options: HistoryFileOptions = {}): Promise<StaffHistory> {
  const builder = new StaffHistoryBuilder(readOptions(path, options));
  await streamFile(path, builder);
  return asInputError(() => builder.finish());
}

/**
 * Reads a contact log file, calling `visit` with one reused row object per contact (copy what
 * you keep). A row with a problem is not visited; the problems are thrown at the end.
 * @throws InputError naming the file (and line, column, problem)
 */
export async function readContactLogFile(
  path: string,
  options: { readonly columns?: ColumnMap },
  visit: (row: ContactLogRow) => void,
): Promise<{ rows: number }> {
  const reader = new ContactLogReader({ source: path, columns: options.columns }, visit);
  await streamFile(path, reader);
  return asInputError(() => reader.finish());
}

function readOptions(path: string, options: HistoryFileOptions): HistoryReadOptions {
  return {
    source: path,
    columns: options.columns,
    intervalMinutes: options.intervalMinutes,
  };
}

/** Streams the file's bytes into `sink`; an unreadable file or a bad record becomes an InputError. */
async function streamFile(path: string, sink: CsvSink): Promise<void> {
  let file;
  try {
    file = await open(path, 'r');
  } catch (error) {
    throw new InputError(`${path}: ${why(error)}`);
  }
  try {
    const info = await file.stat();
    if (info.isDirectory()) throw new InputError(`${path}: is a directory`);
    if (info.isCharacterDevice() || info.isBlockDevice() || info.isSocket()) throw new InputError(`${path}: is a device, not a file`);
    const stream = new CsvByteStream(sink);
    const buffer = new Uint8Array(CHUNK_BYTES);
    for (;;) {
      let bytesRead: number;
      try {
        ({ bytesRead } = await file.read(buffer, 0, CHUNK_BYTES, null));
      } catch (error) {
        throw new InputError(`${path}: could not be read (${why(error)})`);
      }
      if (bytesRead === 0) break;
      asInputError(() => stream.push(buffer.subarray(0, bytesRead)));
    }
    asInputError(() => stream.end());
  } finally {
    await file.close();
  }
}

/** Runs `f`, turning a reader's problems (or a bad `--columns`) into an InputError. */
function asInputError<T>(f: () => T): T {
  try {
    return f();
  } catch (error) {
    if (error instanceof HistoryReadError || error instanceof ColumnMapError) throw new InputError(error.message);
    throw error;
  }
}

function why(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String(code ?? error);
}
