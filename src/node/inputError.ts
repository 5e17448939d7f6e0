/**
 * A problem with what the user supplied (an unreadable or invalid file, a bad option): the CLI
 * prints its message as one line and exits with `exitCode` (2), never a stack trace. The CLI's
 * own UsageError extends it, so the Node layer needs nothing from the CLI.
 */
export class InputError extends Error {
  override readonly name: string = 'InputError';
  readonly exitCode: number = 2;
}
