#!/usr/bin/env node
// The published CLI runs the compiled build (made by `npm ci` through the `prepare` script).
// From a checkout without a build, fall back to running the TypeScript sources through tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../build/src/cli/main.js', import.meta.url));
if (existsSync(built)) {
  const { runCli } = await import(built);
  process.exitCode = await runCli(process.argv.slice(2));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { runCli } = await import('../src/cli/main.ts');
  process.exitCode = await runCli(process.argv.slice(2));
}
