/** Where a command writes. The real CLI passes process streams; tests pass string collectors. */
export interface CliIo {
  /** Write to standard output (the JSON document or the readable table). */
  stdout(text: string): void;
  /** Write to standard error (progress, warnings, error lines). */
  stderr(text: string): void;
  /** True when stderr is an interactive terminal (progress bars are drawn only then). */
  readonly stderrIsTTY: boolean;
}

/**
 * A problem with what the user typed or supplied (bad flag, unreadable or invalid file).
 * The CLI prints `ccsim: <message>` as one line and exits with code 2, never a stack trace.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly exitCode: number = 2;
}
