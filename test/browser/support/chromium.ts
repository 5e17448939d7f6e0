import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/** Debian's chromium (`apt-get install chromium`), or CHROMIUM_PATH; null when neither exists. */
export function chromiumPath(): string | null {
  const path = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  return existsSync(path) ? path : null;
}

/** The one line printed when the browser tests are skipped. */
export const NO_CHROMIUM = 'browser tests skipped: no Chromium at /usr/bin/chromium; apt-get install chromium (or set CHROMIUM_PATH)';

/** Headless Chromium with the flags that keep it off the network. */
export async function launchChromium(): Promise<Browser> {
  const path = chromiumPath();
  if (path === null) throw new Error(NO_CHROMIUM);
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: path,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
