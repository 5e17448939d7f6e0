import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { rmSync } from 'node:fs';
import { buildApp } from './buildApp.js';
import { launchChromium } from './chromium.js';
import { serveStatic, type StaticServer } from './staticServer.js';

/** The built page served on loopback and a headless Chromium, for one describe block. */
export interface ServedApp {
  readonly browser: Browser;
  /** The page's address, ending in "/". */
  readonly url: string;
}

/**
 * Registers the describe block's set-up and tear-down: build the page into a temp dir, serve it,
 * launch Chromium; afterwards close both and remove the build. Read the fields inside tests.
 */
export function useServedApp(): ServedApp {
  let dist = '';
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    dist = await buildApp();
    server = await serveStatic(dist);
    browser = await launchChromium();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dist !== '') rmSync(dist, { recursive: true, force: true });
  });
  return {
    get browser(): Browser {
      if (browser === undefined) throw new Error('useServedApp: Chromium is not running (read it inside a test)');
      return browser;
    },
    get url(): string {
      if (server === undefined) throw new Error('useServedApp: the page is not served (read it inside a test)');
      return server.url;
    },
  };
}
