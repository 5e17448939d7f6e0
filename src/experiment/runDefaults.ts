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
  /**
   * Replications per date of `ccsim replay`. Its band is the 5th to 95th percentile of one day's
   * value over replications, so it needs far more than a mean does: with 10, each edge would be
   * interpolated between the two most extreme values; with 100, between the 5th and 6th (and the
   * 95th and 96th), which puts an edge within about +-0.02 of its quantile level.
   */
  replayReplications: 100,
  /**
   * Replications of `ccsim explain`: each cause's delta is paired with the baseline replication
   * by replication (common random numbers), but one interval holds few contacts, so 10 would
   * leave its deltas several points wide.
   */
  explainReplications: 50,
} as const;
