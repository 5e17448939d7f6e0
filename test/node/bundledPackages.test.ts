import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { externalPackages, sourceBundle } from '../../bin/sourceBundle.mjs';
import { workerEntry } from '../../src/node/workerEntry.js';

const listed = (JSON.parse(readFileSync(new URL('../../bin/bundled-packages.json', import.meta.url), 'utf8')) as { bundled: string[] }).bundled;
/** Static and dynamic imports of a bare package specifier in an ESM bundle. */
const packageImports = (code: string): Set<string> => {
  const found = new Set<string>();
  for (const m of code.matchAll(/(?:^import[^"\n]*from\s*|^import\s*|\bimport\()"([^".][^"]*)"/gm)) {
    const spec = m[1]!;
    if (spec.startsWith('node:')) continue;
    found.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
  }
  return found;
};

describe("a checkout's bundles carry the start-up packages (bin/bundled-packages.json)", () => {
  it('lists zod, ml-matrix and comlink, and every other dependency stays external', () => {
    expect(listed).toEqual(['zod', 'ml-matrix', 'comlink']);
    const external = externalPackages();
    for (const name of listed) expect(external).not.toContain(name);
    for (const name of ['highs', 'esbuild', 'bullmq', 'ioredis']) expect(external).toEqual(expect.arrayContaining([name, `${name}/*`]));
  });

  it('the CLI bundle imports none of them from node_modules; highs, bullmq and ioredis it loads when needed', async () => {
    const code = readFileSync(fileURLToPath(await sourceBundle('src/cli/bin.ts', 'cli')), 'utf8');
    const imports = packageImports(code);
    for (const name of listed) expect(imports).not.toContain(name);
    for (const name of ['highs', 'bullmq', 'ioredis']) expect(imports).toContain(name);
  }, 60_000);

  it("the replication worker's bundle imports no package at all (comlink is inside)", () => {
    const code = readFileSync(fileURLToPath(workerEntry()), 'utf8');
    expect([...packageImports(code)]).toEqual([]);
    expect(code).toContain('Comlink');
  }, 60_000);
});
