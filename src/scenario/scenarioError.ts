import type { ScenarioIssue } from './issues.js';

/** At most this many issues are written out in a message; the rest are counted. */
export const LISTED_ISSUES = 100;

/** `path: message` lines of the first {@link LISTED_ISSUES} issues, then `... and N more problems`. */
export function issueLines(issues: readonly ScenarioIssue[], indent = ''): string[] {
  const lines = issues.slice(0, LISTED_ISSUES).map((issue) => `${indent}${issue.path}: ${issue.message}`);
  const more = issues.length - LISTED_ISSUES;
  if (more > 0) lines.push(`${indent}... and ${more} more problem${more === 1 ? '' : 's'}`);
  return lines;
}

/**
 * A scenario that is not valid. `message` lists every issue, one per line, as `path: message`
 * (e.g. `contactTypes[0].handleTime.mean: must be > 0`), the first 100 of them (a file with a million
 * bad items gives a short message); the CLI prints it and exits with code 2.
 */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  /** Every problem found, in document order where possible. */
  readonly issues: readonly ScenarioIssue[];
  /** Where the scenario came from (a file name), when the caller said. Not part of `message`. */
  readonly source: string | undefined;

  constructor(issues: readonly ScenarioIssue[], source?: string) {
    super(issueLines(issues).join('\n'));
    this.issues = issues;
    this.source = source;
  }
}
