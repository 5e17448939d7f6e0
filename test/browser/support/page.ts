import type { Browser, Page } from 'playwright-core';

export interface OpenedPage {
  readonly page: Page;
  /** Uncaught errors, console errors, Content-Security-Policy violations and dialogs (alert, confirm) seen so far. */
  readonly problems: string[];
  close(): Promise<void>;
}

/** A fresh context at laptop size (or `viewport`) with the app at `url`; collects anything that went wrong. */
export async function openApp(browser: Browser, url: string, viewport = { width: 1280, height: 900 }): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  // Report every CSP violation on the console (the built page carries a Content-Security-Policy).
  await context.addInitScript({
    content: "document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`));",
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(url);
  return { page, problems, close: () => context.close() };
}

/** Text of a download triggered by `click`, with its suggested file name. */
export async function downloadOf(page: Page, click: () => Promise<void>): Promise<{ name: string; body: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  return { name: download.suggestedFilename(), body: await readFile(path) };
}
