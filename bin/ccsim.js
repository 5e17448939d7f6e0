#!/usr/bin/env node
// In a checkout (src/ present) the CLI runs the TypeScript sources, bundled by esbuild into
// node_modules/.cache/ccsim/ whenever they change (bin/sourceBundle.mjs says why not tsx), so it
// is never a stale build; if the bundle cannot be written there, the sources run under tsx.
// An installed package (no src/) runs the compiled build/.
import { existsSync } from 'node:fs';

async function entry() {
  if (!existsSync(new URL('../src/cli/main.ts', import.meta.url))) return new URL('../build/src/cli/bin.js', import.meta.url).href;
  try {
    return await (await import('./sourceBundle.mjs')).sourceBundle('src/cli/bin.ts', 'cli');
  } catch {
    (await import('tsx/esm/api')).register();
    return new URL('../src/cli/bin.ts', import.meta.url).href;
  }
}
const { tuneV8ForSimulation, runCli, stopQuietlyOnClosedPipe } = await import(await entry());
stopQuietlyOnClosedPipe();
// Before any simulation code runs hot: see src/node/tuneV8.ts.
tuneV8ForSimulation();
process.exitCode = await runCli(process.argv.slice(2));
