/**
 * The one place for the defaults of run options, used by the experiment layer, the Node API, the
 * CLI, the staffing search and the page (CONTRACT section 2: `--replications 10`, `--seed 1`).
 */
export const RUN_DEFAULTS = {
  /** Replications of a run, compare or sweep. */
  replications: 10,
  /** Master seed. */
  seed: 1,
  /**
   * Replications of a comparison in the page: it shows confidence intervals and deltas side by
   * side, where 10 leaves them wide, and 20 take a second or two in Web Workers.
   */
  pageReplications: 20,
  /** Replications per candidate plan of `staff --method simulation` (its verification uses twice as many). */
  staffReplications: 20,
} as const;
