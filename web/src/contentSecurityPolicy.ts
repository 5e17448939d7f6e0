/**
 * The Content-Security-Policy of the built page (vite.config.ts writes it into dist/index.html as
 * a <meta http-equiv>; the development server has none, since Vite's client injects inline
 * styles). Everything the page needs comes from its own origin:
 * - scripts and the replication Web Workers are files of the build ('self'; no inline scripts,
 *   no 'unsafe-eval': zod runs jitless, see csp.ts; no 'wasm-unsafe-eval': HiGHS (WebAssembly) runs
 *   only in the roster worker, and a document's <meta> policy does not reach a worker loaded from
 *   a URL: the worker gets the policy of its own response (none from a static server). A server
 *   that sends this policy as a header on the worker's script too must add 'wasm-unsafe-eval' there);
 * - styles are the built stylesheet; charts set styles through the CSSOM (element.style), which
 *   CSP does not restrict, so no 'unsafe-inline';
 * - images: `data:` for the favicon placeholder and the SVG drawn onto a canvas for PNG export;
 * - no plugins, no <base>, no form submissions.
 * `frame-ancestors` and reporting cannot be set from a <meta>; a server can add them as headers.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
