#!/usr/bin/env node
// In a checkout (src/ present) the CLI runs the TypeScript sources through tsx, so it is never a
// stale build; an installed package (no src/) runs the compiled build/.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/main.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
}
const { runCli } = await import(existsSync(source) ? source.href : '../build/src/cli/main.js');
process.exitCode = await runCli(process.argv.slice(2));
