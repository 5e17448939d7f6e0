#!/usr/bin/env node
// In a checkout (src/ present) the CLI runs the TypeScript sources through tsx, so it is never a
// stale build; an installed package (no src/) runs the compiled build/.
import { existsSync } from 'node:fs';

const fromSource = existsSync(new URL('../src/cli/main.ts', import.meta.url));
if (fromSource) {
  const { register } = await import('tsx/esm/api');
  register();
}
const load = (path) => import(new URL(fromSource ? `../src/${path}.ts` : `../build/src/${path}.js`, import.meta.url).href);
// Before any simulation code runs hot: see src/node/tuneV8.ts.
(await load('node/tuneV8')).tuneV8ForSimulation();
const { runCli } = await load('cli/main');
process.exitCode = await runCli(process.argv.slice(2));
