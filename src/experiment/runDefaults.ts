/**
 * The one place for the defaults of run options, used by the experiment layer, the Node API, the
 * CLI and the staffing search (CONTRACT section 2: `--replications 10`, `--seed 1`).
 */
export const RUN_DEFAULTS = {
  /** Replications of a run, compare or sweep. */
  replications: 10,
  /** Master seed. */
  seed: 1,
  /** Replications per candidate plan of `staff --method simulation` (its verification uses twice as many). */
  staffReplications: 20,
} as const;
