import { setFlagsFromString } from 'node:v8';

/**
 * V8 settings for this process (and its worker threads), measured on the standard workload
 * (bench/RESULTS.md): a larger inlining budget (2000 bytes of bytecode per optimized function
 * instead of 920) lets the event dispatch inline the model's small handlers, so fewer numbers
 * are boxed on the heap at call boundaries; allocating feedback vectors eagerly
 * (`--no-lazy-feedback-allocation`) lets a fresh worker reach optimized code sooner. Larger
 * budgets (5000) gave the same steady speed but a slower warm-up in each new worker.
 * `CCSIM_V8_FLAGS` (space-separated V8 flags) replaces these, for experiments.
 * Call it once, first thing, before simulation code runs hot; it changes no result.
 */
export function tuneV8ForSimulation(): void {
  const flags = process.env.CCSIM_V8_FLAGS ?? '--max-inlined-bytecode-size-cumulative=2000 --no-lazy-feedback-allocation';
  for (const flag of flags.split(' ').filter(Boolean)) setFlagsFromString(flag);
}
