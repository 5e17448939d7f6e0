import { setFlagsFromString } from 'node:v8';

/**
 * V8 settings for this process (and its worker threads), measured on the standard workload
 * (bench/RESULTS.md): a larger inlining budget (3000 bytes of bytecode per optimized function
 * instead of 920) lets the event dispatch inline the model's small handlers, so fewer numbers
 * are boxed at call boundaries (see docs/architecture.md, Hot loop rules); allocating feedback
 * vectors eagerly (`--no-lazy-feedback-allocation`) lets a fresh worker reach optimized code
 * sooner. 3000 was about 4-6 % faster warm than 2000 on the standard workload (the model's
 * breadth made the hot handlers outgrow 2000), for about 35 ms more compilation in the first
 * replication of a process. Larger budgets (5000) gave no more steady speed and a slower warm-up
 * in each new worker.
 * `--no-concurrent-recompilation` compiles optimized code on the thread that needs it instead of
 * on a background thread: a run uses a worker per core, so a background compiler only competes
 * with the workers for a core while they limp on in slower code. A fresh pool of 2 workers
 * finished 100 standard replications in 1.73 s instead of 1.91 s (start-up over a warm pool
 * 0.35 s instead of 0.52 s); steady speed and in-thread runs were unchanged.
 * `CCSIM_V8_FLAGS` (space-separated V8 flags) replaces these, for experiments.
 * Call it once, first thing, before simulation code runs hot; it changes no result.
 */
export function tuneV8ForSimulation(): void {
  const flags = process.env.CCSIM_V8_FLAGS ?? '--max-inlined-bytecode-size-cumulative=3000 --no-lazy-feedback-allocation --no-concurrent-recompilation';
  for (const flag of flags.split(' ').filter(Boolean)) setFlagsFromString(flag);
}
