/**
 * Loading HiGHS (the `highs` package: HiGHS compiled to WebAssembly) without touching `node:*`,
 * so the scheduling module runs unchanged in Node and in a browser Web Worker.
 *
 * - Node: {@link defaultLoadHighs} imports the package's ESM build, which finds `highs.wasm` next
 *   to itself (through `import.meta.url`) and reads it from disk.
 * - Browser/worker: pass `createHighsLoader({ locateFile: () => wasmUrl })` where `wasmUrl` is the
 *   served URL of `highs.wasm` (with Vite: `import wasmUrl from 'highs/runtime?url'`), or
 *   `{ wasmBinary }` / `{ wasmModule }` when the bytes are already at hand.
 *
 * Each load instantiates a separate Wasm runtime (~3.5 MB binary, ~60 ms, its own linear memory
 * capped near 2 GB), so loaders here are memoised: one runtime per loader, reused by every solve.
 * Solves create and dispose their own models, so the runtime does not accumulate models.
 */
import type { Highs, InitOptions } from 'highs';

export type { Highs, InitOptions };

/** A function that resolves to a loaded HiGHS runtime (called once per solve; should memoise). */
export type HighsLoader = () => Promise<Highs>;

type LoaderFunction = (options?: InitOptions) => Promise<Highs>;

/**
 * The package's default export is the loader function, but under `moduleResolution: NodeNext`
 * its CommonJS-style d.ts types a default import as a namespace; depending on the bundler or the
 * CJS interop in use, the function may also sit one or two `.default` levels down. Unwrap it.
 */
function unwrapLoader(mod: unknown): LoaderFunction {
  let candidate: unknown = mod;
  for (let depth = 0; depth < 3; depth += 1) {
    if (typeof candidate === 'function') return candidate as LoaderFunction;
    if (candidate === null || typeof candidate !== 'object' || !('default' in candidate)) break;
    candidate = (candidate as { default: unknown }).default;
  }
  throw new TypeError('the "highs" package did not export a loader function');
}

/**
 * A memoised loader for HiGHS with the given Emscripten init options (`locateFile`, `wasmBinary`,
 * `wasmModule`, `print`, `printErr`). The first call imports the `highs` package and instantiates
 * the runtime; later calls return the same runtime. A failed load is not cached, so a later call
 * retries.
 */
export function createHighsLoader(init?: InitOptions): HighsLoader {
  let pending: Promise<Highs> | undefined;
  return () => {
    if (pending === undefined) {
      pending = import('highs')
        .then((mod: unknown) => unwrapLoader(mod)(init))
        .catch((error: unknown) => {
          pending = undefined;
          throw error;
        });
    }
    return pending;
  };
}

/**
 * The default loader: the package resolves `highs.wasm` relative to its own module URL, which
 * works in Node (and in bundlers that rewrite `new URL('highs.wasm', import.meta.url)`).
 * Shared by every solve that does not pass `loadHighs`.
 */
export const defaultLoadHighs: HighsLoader = createHighsLoader();
