import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './web/src/contentSecurityPolicy.js';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The Content-Security-Policy as a <meta> right after the charset, before any script or
 * stylesheet it governs. Build only: the development server's client injects inline styles.
 */
function contentSecurityPolicy(): Plugin {
  const charset = /<meta charset="utf-8"\s*\/?>/i;
  return {
    name: 'ccsim-content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!charset.test(html)) throw new Error('web/index.html: no <meta charset="utf-8"> to put the Content-Security-Policy after');
        if (CONTENT_SECURITY_POLICY.includes('"')) throw new Error('the Content-Security-Policy must not contain a double quote');
        return html.replace(charset, (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`);
      },
    },
  };
}

/**
 * The web front end (web/): `npm run web` serves it, `npm run build` writes it to dist/.
 * Tests use vitest.config.ts (vitest reads that file first), not this one.
 */
export default defineConfig({
  root: `${root}web`,
  base: './',
  plugins: [contentSecurityPolicy()],
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
