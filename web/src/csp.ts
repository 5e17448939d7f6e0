/**
 * Runs before any other module of the page (main.ts imports it first). The built page's
 * Content-Security-Policy has no 'unsafe-eval', so zod must not compile its object parsers with
 * `new Function`: in jitless mode it neither compiles them nor probes whether it could (a probe
 * that, caught or not, is reported as a CSP violation). Schemas read the setting when they are
 * built, at module evaluation, hence this module first.
 */
import { config } from 'zod';

config({ jitless: true });
