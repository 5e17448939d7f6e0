import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = import.meta.url;
const fromSource = here.endsWith('.ts');
const workerSource = new URL(`../../workers/replicationWorker.${fromSource ? 'ts' : 'js'}`, here);

let cached: URL | null = null;

/**
 * The module a replication worker thread starts from. From the compiled build it is
 * `build/workers/replicationWorker.js`. From the TypeScript sources (a checkout, under tsx) the
 * worker and the project code it imports are bundled once per process with esbuild (tsx's own
 * compiler) into `node_modules/.cache/ccsim/`, named by content hash: a worker then loads one
 * JavaScript file in tens of milliseconds instead of registering tsx and compiling every module
 * (about 0.7 s per worker), and it always runs the same code as the main thread. The bundle is
 * looked up first by the sources' names, sizes and modification times, so an unchanged checkout
 * does not bundle again. Packages stay imports from node_modules, except those
 * bin/bundled-packages.json lists (comlink, here), carried inside as bin/sourceBundle.mjs does.
 */
export function workerEntry(): URL {
  if (cached !== null) return cached;
  if (!fromSource) return (cached = workerSource);
  const root = fileURLToPath(new URL('../../', here));
  const dir = `${root}node_modules/.cache/ccsim`;
  const stamp = createHash('sha256');
  for (const top of ['src', 'workers']) {
    for (const name of (readdirSync(`${root}${top}`, { recursive: true }) as string[]).sort()) {
      const st = statSync(`${root}${top}/${name}`);
      if (st.isFile()) stamp.update(`${top}/${name}:${st.size}:${st.mtimeMs}\n`);
    }
  }
  const bundledList = readFileSync(`${root}bin/bundled-packages.json`, 'utf8');
  stamp.update(bundledList);
  const stamped = `${dir}/replication-worker-src-${stamp.digest('hex').slice(0, 16)}.mjs`;
  if (existsSync(stamped)) return (cached = pathToFileURL(stamped));
  const require = createRequire(here);
  const esbuild = require('esbuild') as typeof import('esbuild');
  const result = esbuild.buildSync({
    entryPoints: [fileURLToPath(workerSource)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: externalPackages(root, bundledList),
    write: false,
    logLevel: 'silent',
  });
  mkdirSync(dir, { recursive: true });
  // Write then rename (atomic): a concurrent process never loads half a file.
  writeFileSync(`${stamped}.${process.pid}.tmp`, result.outputFiles[0]!.contents);
  renameSync(`${stamped}.${process.pid}.tmp`, stamped);
  // Older bundles are of sources that no longer exist.
  for (const old of readdirSync(dir)) {
    if (old.startsWith('replication-worker-src-') && `${dir}/${old}` !== stamped) rmSync(`${dir}/${old}`, { force: true });
  }
  return (cached = pathToFileURL(stamped));
}

/** Every package the project depends on, and its subpaths, but those listed as bundled (see bin/sourceBundle.mjs). */
function externalPackages(root: string, bundledList: string): string[] {
  const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as Record<string, Record<string, string> | undefined>;
  const { bundled } = JSON.parse(bundledList) as { bundled: string[] };
  const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.optionalDependencies }).filter((n) => !bundled.includes(n));
  return names.flatMap((n) => [n, `${n}/*`]);
}
