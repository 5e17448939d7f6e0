/**
 * The page reading a large history (issue 20): `npx tsx bench/historyPage.ts`. Writes, into a
 * temp dir, the readers' benchmark files (bench/readHistory.ts: a year of 15-minute intervals for
 * 30 types, 1,051,200 rows; a contact log of 1,000,000 rows), then in the built page (served on
 * loopback, headless Debian Chromium, as the browser tests) chooses them in "From history" and
 * presses "Read history": (a) the year of intervals alone, (b) the example interval history with
 * the 1 M-row contact log. Reported: the worker's read time (the page's own figure), the wall
 * time from the click to the forecast charts, and whether the page stayed responsive meanwhile:
 * requestAnimationFrame callbacks counted on the main thread (frames, longest gap between two)
 * and the main thread's long tasks (over 50 ms, PerformanceObserver). A benchmark, not a test.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../test/browser/support/buildApp.js';
import { chromiumPath, launchChromium, noChromium } from '../test/browser/support/chromium.js';
import { openApp } from '../test/browser/support/page.js';
import { serveStatic } from '../test/browser/support/staticServer.js';
import { writeContactLog, writeIntervalHistory } from './readHistory.js';

if (chromiumPath() === null) {
  console.log(noChromium());
  process.exit(0);
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ccsim-bench-history-page-'));
const bigHistory = join(dir, 'year-history.csv');
const bigLog = join(dir, 'contacts-1m.csv');
const historyRows = writeIntervalHistory(bigHistory, 365, 30);
writeContactLog(bigLog, 1_000_000);
const mb = (path: string) => `${(statSync(path).size / 1e6).toFixed(0)} MB`;
console.log(`files: ${bigHistory} ${historyRows.toLocaleString('en')} rows (${mb(bigHistory)}); ${bigLog} 1,000,000 rows (${mb(bigLog)})`);

const dist = await buildApp();
const server = await serveStatic(dist);
const browser = await launchChromium();

interface Case {
  readonly name: string;
  readonly history: string;
  readonly contacts?: string;
}

const CASES: readonly Case[] = [
  { name: 'interval history, 1.05 M rows', history: bigHistory },
  { name: 'contact log, 1 M rows (+ example interval history)', history: join(ROOT, 'examples/history/history.csv'), contacts: bigLog },
];

try {
  for (const c of CASES) {
    const { page, problems, close } = await openApp(browser, server.url, { width: 1400, height: 900 });
    await page.getByTestId('history-panel').locator('summary').click();
    await page.getByTestId('history-file').setInputFiles(c.history);
    if (c.contacts !== undefined) await page.getByTestId('contacts-file').setInputFiles(c.contacts);
    // A frame counter and a long-task observer on the main thread, from just before the click.
    await page.evaluate(`(() => {
      const w = window;
      w.__frames = []; w.__long = []; w.__running = true;
      const tick = (t) => { w.__frames.push(t); if (w.__running) requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
      new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__long.push([e.startTime, e.duration]); }).observe({ type: 'longtask' });
      // When the worker has read the files (the progress turns to "forecasting…").
      const text = document.querySelector('[data-testid="progress-text"]');
      new MutationObserver(() => { if (w.__readAt === undefined && text.textContent === 'forecasting…') w.__readAt = performance.now(); }).observe(text, { childList: true, characterData: true, subtree: true });
      w.__clickAt = performance.now();
    })()`);
    const started = Date.now();
    await page.getByTestId('read-history').click();
    // The worker's reading is over once the progress says how long it took; the charts follow.
    await page.getByTestId('progress-text').filter({ hasText: /MB read in [\d.]+ s$/ }).waitFor({ timeout: 600_000 });
    const readSeconds = Number(/in ([\d.]+) s$/.exec((await page.getByTestId('progress-text').textContent()) ?? '')?.[1]);
    await page.locator('figure.forecast-chart').first().waitFor({ timeout: 600_000 });
    const wall = (Date.now() - started) / 1000;
    const stats = (await page.evaluate(`(() => {
      const w = window; w.__running = false;
      const gaps = (f) => { let gap = 0; for (let i = 1; i < f.length; i++) gap = Math.max(gap, f[i] - f[i - 1]); return gap; };
      const reading = w.__frames.filter((t) => t <= w.__readAt);
      const readLong = w.__long.filter(([t]) => t < w.__readAt);
      return {
        readMs: w.__readAt - w.__clickAt,
        readFrames: reading.length, readGap: gaps(reading), readLong: readLong.length, readLongest: Math.max(0, ...readLong.map(([, d]) => d)),
        frames: w.__frames.length, gap: gaps(w.__frames), long: w.__long.length, longest: Math.max(0, ...w.__long.map(([, d]) => d)),
      };
    })()`)) as { readMs: number; readFrames: number; readGap: number; readLong: number; readLongest: number; frames: number; gap: number; long: number; longest: number };
    const summary = ((await page.getByTestId('history-summary').textContent()) ?? '').replace(/\s+/g, ' ');
    console.log(`\n${c.name}`);
    console.log(`  worker read: ${readSeconds.toFixed(1)} s (click to read: ${(stats.readMs / 1000).toFixed(1)} s); click to forecast charts: ${wall.toFixed(1)} s (${await page.locator('figure.forecast-chart').count()} charts)`);
    console.log(`  main thread while reading: ${stats.readFrames} animation frames (${(stats.readFrames / (stats.readMs / 1000)).toFixed(0)} per s), longest gap ${stats.readGap.toFixed(0)} ms, long tasks ${stats.readLong} (longest ${stats.readLongest.toFixed(0)} ms)`);
    console.log(`  whole task (read, forecast, drawing): ${stats.frames} frames, longest gap ${stats.gap.toFixed(0)} ms; long tasks ${stats.long} (longest ${stats.longest.toFixed(0)} ms)`);
    console.log(`  ${summary.slice(0, 300)}`);
    if (problems.length > 0) console.log(`  problems: ${problems.join('; ')}`);
    await close();
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dist, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
}
