// A checkout's TypeScript sources as one ESM file for plain node, built with esbuild (tsx's own
// compiler) into node_modules/.cache/ccsim/ and reused while the sources are unchanged. Used by
// bin/ccsim.js in a checkout and by the benchmark.
//
// Why not run the sources under tsx: tsx's loader detaches an ArrayBuffer in the thread it loads
// modules in, and in-thread replications then ran about 18 % slower (see docs/architecture.md,
// Hot loop rules). A bundle also starts faster.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

/**
 * The bundle of `entry` (a path relative to the project root), named `<name>-<stamp>.mjs`, where
 * the stamp covers the names, sizes and modification times of src/, workers/ and the entry's
 * directory. Packages stay external (resolved from the project's node_modules). Each source
 * file's `import.meta.url` becomes its own URL, so paths resolved from it (the project root, the
 * worker module, the bundled scenarios) are those of the checkout.
 * @param {string} entry
 * @param {string} name
 * @returns {Promise<string>} the bundle's file URL
 */
export async function sourceBundle(entry, name) {
  const stamp = createHash('sha256');
  const entryDir = entry.split('/').slice(0, -1).join('/') || '.';
  for (const top of new Set(['src', 'workers', entryDir])) {
    for (const file of readdirSync(`${root}${top}`, { recursive: true }).map(String).sort()) {
      const st = statSync(`${root}${top}/${file}`);
      if (st.isFile()) stamp.update(`${top}/${file}:${st.size}:${st.mtimeMs}\n`);
    }
  }
  stamp.update(readFileSync(`${root}bin/bundled-packages.json`));
  const dir = `${root}node_modules/.cache/ccsim`;
  const bundle = `${dir}/${name}-${stamp.digest('hex').slice(0, 16)}.mjs`;
  if (existsSync(bundle)) return pathToFileURL(bundle).href;
  const esbuild = await import('esbuild');
  mkdirSync(dir, { recursive: true });
  const temp = `${bundle}.${process.pid}.tmp`;
  await esbuild.build({
    entryPoints: [`${root}${entry}`],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: externalPackages(),
    outfile: temp,
    logLevel: 'warning',
    plugins: [
      {
        name: 'own-import-meta-url',
        setup(build) {
          build.onLoad({ filter: /\.ts$/ }, (file) => ({
            contents: readFileSync(file.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(file.path).href)),
            loader: 'ts',
          }));
        },
      },
    ],
  });
  // Rename (atomic): a concurrent process never loads half a file. Older bundles are of sources
  // that no longer exist.
  renameSync(temp, bundle);
  for (const old of readdirSync(dir)) {
    if (old.startsWith(`${name}-`) && `${dir}/${old}` !== bundle && !old.endsWith('.tmp')) rmSync(`${dir}/${old}`, { force: true });
  }
  return pathToFileURL(bundle).href;
}

/**
 * What a checkout's bundles import from node_modules instead of carrying: every package the
 * project depends on (and its subpaths) except those bin/bundled-packages.json lists. Also used
 * for the replication worker's bundle (src/node/workerEntry.ts reads the same list).
 * @returns {string[]}
 */
export function externalPackages() {
  const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
  const { bundled } = JSON.parse(readFileSync(`${root}bin/bundled-packages.json`, 'utf8'));
  const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.optionalDependencies }).filter((n) => !bundled.includes(n));
  return names.flatMap((n) => [n, `${n}/*`]);
}
