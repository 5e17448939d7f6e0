import type { ScenarioIssue } from './issues.js';

/**
 * A scenario that is not valid. `message` lists every issue, one per line, as `path: message`
 * (e.g. `contactTypes[0].handleTime.mean: must be > 0`); the CLI prints it and exits with code 2.
 */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  /** Every problem found, in document order where possible. */
  readonly issues: readonly ScenarioIssue[];
  /** Where the scenario came from (a file name), when the caller said. Not part of `message`. */
  readonly source: string | undefined;

  constructor(issues: readonly ScenarioIssue[], source?: string) {
    super(issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n'));
    this.issues = issues;
    this.source = source;
  }
}
