import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The web front end (web/): `npm run web` serves it, `npm run build` writes it to dist/.
 * Tests use vitest.config.ts (vitest reads that file first), not this one.
 */
export default defineConfig({
  root: `${root}web`,
  base: './',
  // The app imports the simulator from ../src and the bundled scenarios from ../scenarios.
  server: { fs: { allow: [root] } },
  build: {
    outDir: `${root}dist`,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  // The replication worker uses top-level await and dynamic import: ES module workers.
  worker: { format: 'es' },
  // Pre-bundle up front, or their late discovery inside the worker reloads the dev page.
  optimizeDeps: { include: ['comlink', 'comlink/dist/esm/node-adapter.mjs', 'seedrandom', 'zod', 'd3'] },
});
