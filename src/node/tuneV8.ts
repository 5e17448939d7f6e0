import { setFlagsFromString } from 'node:v8';

/**
 * V8 settings for this process (and its worker threads), measured on the standard workload
 * (bench/RESULTS.md): a larger inlining budget (3000 bytes of bytecode per optimized function
 * instead of 920) lets the event dispatch inline the model's small handlers, so fewer numbers
 * are boxed on the heap at call boundaries; allocating feedback vectors eagerly
 * (`--no-lazy-feedback-allocation`) lets a fresh worker reach optimized code sooner. 3000 was
 * about 4-6 % faster warm than 2000 on the standard workload (the model's breadth made the hot
 * handlers outgrow 2000, under tsx especially, whose modules read imported constants at run
 * time), for about 35 ms more compilation in the first replication of a process. Larger
 * budgets (5000) gave no more steady speed and a slower warm-up in each new worker.
 * `CCSIM_V8_FLAGS` (space-separated V8 flags) replaces these, for experiments.
 * Call it once, first thing, before simulation code runs hot; it changes no result.
 */
export function tuneV8ForSimulation(): void {
  const flags = process.env.CCSIM_V8_FLAGS ?? '--max-inlined-bytecode-size-cumulative=3000 --no-lazy-feedback-allocation';
  for (const flag of flags.split(' ').filter(Boolean)) setFlagsFromString(flag);
}
