import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/** Debian's chromium (`apt-get install chromium`), or CHROMIUM_PATH; null when neither exists. */
export function chromiumPath(): string | null {
  const path = wantedPath();
  return existsSync(path) ? path : null;
}

const wantedPath = () => process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** The one line printed when the browser tests are skipped. */
export const noChromium = () => `browser tests skipped: no Chromium at ${wantedPath()}; apt-get install chromium (or set CHROMIUM_PATH)`;

/** Headless Chromium with the flags that keep it off the network. */
export async function launchChromium(): Promise<Browser> {
  const path = chromiumPath();
  if (path === null) throw new Error(noChromium());
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: path,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
