#!/usr/bin/env node
// In a checkout (src/ present) the CLI runs the TypeScript sources, bundled by esbuild into
// node_modules/.cache/ccsim/ whenever they change (bin/sourceBundle.mjs says why not tsx), so it
// is never a stale build; an installed package (no src/) runs the compiled build/.
import { existsSync } from 'node:fs';

const fromSource = existsSync(new URL('../src/cli/main.ts', import.meta.url));
const entry = fromSource
  ? await (await import('./sourceBundle.mjs')).sourceBundle('src/cli/bin.ts', 'cli')
  : new URL('../build/src/cli/bin.js', import.meta.url).href;
const { tuneV8ForSimulation, runCli } = await import(entry);
// Before any simulation code runs hot: see src/node/tuneV8.ts.
tuneV8ForSimulation();
process.exitCode = await runCli(process.argv.slice(2));
