import { AsyncLocalStorage } from 'node:async_hooks';
import { DEFAULT_COLUMNS } from './io.js';

// The width a running command's readable output must fit. runCli sets it from CliIo.columns
// around the whole command, so every report's table() and wrap() see it without each report
// (some owned by other modules) threading it through; concurrent in-process runs each see their own.
const width = new AsyncLocalStorage<number>();

/** Run `work` with readable output fitted to `columns` characters. */
export function withOutputWidth<T>(columns: number, work: () => T): T {
  return width.run(columns, work);
}

/** The width set by the running command (withOutputWidth), else DEFAULT_COLUMNS. */
export function outputWidth(): number {
  return width.getStore() ?? DEFAULT_COLUMNS;
}
