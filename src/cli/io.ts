import { InputError } from '../node/inputError.js';
/** Where a command writes. The real CLI passes process streams; tests pass string collectors. */
export interface CliIo {
  /** Write to standard output (the JSON document or the readable table). */
  stdout(text: string): void;
  /** Write to standard error (progress, warnings, error lines). */
  stderr(text: string): void;
  /** True when stderr is an interactive terminal (progress bars are drawn only then). */
  readonly stderrIsTTY: boolean;
  /**
   * Width of standard output in characters: readable reports fit every line into it (wide
   * tables are split into blocks). The terminal's width, or DEFAULT_COLUMNS when stdout is a
   * pipe or a file.
   */
  readonly columns: number;
}

/** Width of readable output when stdout is not a terminal (or reports no width). */
export const DEFAULT_COLUMNS = 100;

/**
 * A problem with what the user typed (a bad flag or value): an {@link InputError}, printed as
 * `ccsim <command>: <message>`, exit code 2, never a stack trace.
 */
export class UsageError extends InputError {
  override readonly name: string = 'UsageError';
}
