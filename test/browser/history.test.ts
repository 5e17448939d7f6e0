/**
 * End-to-end: history in the page. The example files of examples/history are read in the page's
 * history worker; the forecast's backtest and its CSV equal `ccsim forecast --json` / `--out` on
 * the same file; "Fit" adds a card whose scenario is `ccsim fit --out`'s, byte for byte; "Replay"
 * draws the band and the verdict of `ccsim replay --json` for the same date, seed and
 * replications (its JSON export is that document). A bad row is refused with the CLI's
 * file:line:column message and adds nothing; Cancel stops a read mid-file. Skipped, with one line
 * saying how to install Chromium, where there is none.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import type { ForecastJson } from '../../src/history/forecastOutput.js';
import type { ReplayOutput } from '../../src/history/replay.js';
import { replayVerdicts } from '../../src/history/replayVerdict.js';
import { chromiumPath, noChromium } from './support/chromium.js';
import { downloadOf, openApp } from './support/page.js';
import { useServedApp } from './support/servedApp.js';

const hasChromium = chromiumPath() !== null;
if (!hasChromium) console.warn(noChromium());

const repo = fileURLToPath(new URL('../../', import.meta.url));
const example = (name: string) => join(repo, 'examples/history', name);
const run = promisify(execFile);
const tmp = mkdtempSync(join(tmpdir(), 'ccsim-history-page-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** `ccsim <args>` (the checkout's CLI); stdout, or the error with its stderr. */
async function ccsim(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [join(repo, 'bin/ccsim.js'), ...args], { cwd: tmp, maxBuffer: 64 << 20 });
  return stdout;
}

/** Where two JSON values differ: exactly, except non-integers within 1e-9 relative. */
function differences(a: unknown, b: unknown, where = ''): string[] {
  if (typeof a === 'number' && typeof b === 'number') {
    const ok = Number.isInteger(a) && Number.isInteger(b) ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
    return ok ? [] : [`${where}: ${a} vs ${b}`];
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${where}.${k}`));
  }
  return a === b ? [] : [`${where}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`];
}

/** What the replay is asked for: a small run, for speed. */
const REPLAY = { date: '2026-10-26', replications: 12, seed: 7 } as const;
const screenshotDir = process.env['CCSIM_HISTORY_SCREENSHOTS'];

describe.skipIf(!hasChromium)('history in headless Chromium', () => {
  const app = useServedApp();

  test('forecast, fit and replay of examples/history equal ccsim forecast, fit and replay on the same files', async () => {
    // The CLI on the same inputs: the page forecasts 7 days from the day after the history's last
    // date (Saturday 2026-10-31; Sundays are closed).
    const forecastOut = join(tmp, 'forecast.csv');
    const forecast = JSON.parse(await ccsim('forecast', example('history.csv'), '--start', '2026-11-01', '--days', '7', '--json', '--out', forecastOut)) as ForecastJson;
    const fittedFile = join(tmp, 'fitted.json');
    await ccsim('fit', example('skeleton.json'), '--history', example('history.csv'), '--contacts', example('contacts.csv'), '--out', fittedFile);
    const fitted = readFileSync(fittedFile, 'utf8');
    const replayText = await ccsim('replay', fittedFile, '--history', example('history.csv'), '--staff', example('staff.csv'), '--from', REPLAY.date, '--to', REPLAY.date, '--replications', String(REPLAY.replications), '--seed', String(REPLAY.seed), '--json');
    const replay = JSON.parse(replayText) as ReplayOutput;

    const { page, problems, close } = await openApp(app.browser, app.url, { width: 1400, height: 900 });
    // Keyboard: the box opens from its summary, the inputs and the button are real controls.
    await page.getByTestId('history-panel').locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('read-history').isDisabled()).toBe(true);
    await page.getByTestId('history-file').setInputFiles(example('history.csv'));
    await page.getByTestId('contacts-file').setInputFiles(example('contacts.csv'));
    await page.getByTestId('staff-file').setInputFiles(example('staff.csv'));
    await page.getByTestId('read-history').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('backtest-table').waitFor({ timeout: 60_000 });

    // The backtest per type: the CLI's numbers, shown as its report shows them.
    for (const [type, t] of Object.entries(forecast.byType)) {
      const row = page.getByTestId(`backtest-row-${type}`);
      const data = await row.evaluate((r) => Object.fromEntries(r.getAttributeNames().map((n: string) => [n, r.getAttribute(n)])));
      expect(data).toEqual({
        'data-testid': `backtest-row-${type}`,
        'data-wape': String(t.backtest.wape),
        'data-baseline-wape': String(t.backtest.baselineWape),
        'data-bias': String(t.backtest.bias),
        'data-coverage80': String(t.backtest.coverage80),
      });
      const cells = await row.locator('td').allTextContents();
      expect(cells.slice(0, 2)).toEqual([`${(t.backtest.wape! * 100).toFixed(1)}%`, `${(t.backtest.baselineWape! * 100).toFixed(1)}%`]);
      // One chart per type: recorded history, forecast line and its 80% band, all drawn.
      const chart = page.getByTestId(`forecast-chart-${type}`);
      for (const part of ['history-line', 'forecast-line', 'forecast-band']) {
        expect((await chart.locator(`path.${part}`).getAttribute('d'))?.length ?? 0).toBeGreaterThan(100);
      }
    }
    expect(await page.getByTestId('forecast-summary').textContent()).toContain('7 days from 2026-11-01');
    const csv = await downloadOf(page, () => page.getByTestId('export-forecast-csv').click());
    expect(csv.body.toString('utf8')).toBe(readFileSync(forecastOut, 'utf8'));
    // Keyboard reading of a chart: focus it, an arrow key shows an interval.
    await page.getByTestId('forecast-chart-billing').locator('svg').focus();
    await page.keyboard.press('End');
    expect(await page.getByTestId('forecast-chart-billing').locator('.tooltip').textContent()).toMatch(/^Sat 2026-11-07 \d\d:\d\d · billingforecast: /);
    if (screenshotDir !== undefined) await page.getByTestId('history-forecast').screenshot({ path: join(screenshotDir, 'history-forecast.png') });

    // Replaying the retail day, whose groups the staff history lacks, is refused as the CLI refuses it.
    const refusal = await ccsim('replay', join(repo, 'scenarios/retail-day.json'), '--history', example('history.csv'), '--staff', example('staff.csv')).then(
      () => '',
      (error: { stderr: string }) => error.stderr,
    );
    expect(refusal).toMatch(/^ccsim replay: agent group "voice-team" of the scenario has no rows in the staff history/);
    expect(await page.getByTestId('replay-scenario').inputValue()).toBe('0');
    await page.getByTestId('replay').click();
    await page.getByTestId('replay-error').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('replay-error').locator('li').allTextContents()).toEqual([refusal.replace(/^ccsim replay: /, '').trim()]);

    // Fit with the bundled example skeleton: a third card, the CLI's fitted scenario.
    expect(await page.locator('.scenario-card').count()).toBe(2);
    await page.getByTestId('fit').click();
    await page.getByTestId('fit-summary').waitFor({ timeout: 30_000 });
    expect(await page.locator('.scenario-card').count()).toBe(3);
    expect(await page.getByTestId('fit-summary').textContent()).toBe('skeleton.json fitted to 2026-11-02 (backtest 4 weeks): added as scenario 3: press Run to compare.');
    const saved = await downloadOf(page, () => page.getByTestId('download-scenario-3').click());
    expect(saved.body.toString('utf8')).toBe(fitted);

    // Replay the fitted card on one date: the CLI's document, band and verdict.
    expect(await page.getByTestId('replay-scenario').inputValue()).toBe('2');
    await page.getByTestId('replay-date').selectOption(REPLAY.date);
    await page.getByTestId('replay-replications').fill('0');
    await page.getByTestId('replay').click();
    await page.getByTestId('replay-error').filter({ hasText: 'replications: must be an integer from 1 to 1000, got 0' }).waitFor({ timeout: 10_000 });
    await page.getByTestId('replay-replications').fill(String(REPLAY.replications));
    await page.getByTestId('replay-seed').fill(String(REPLAY.seed));
    await page.getByTestId('replay').click();
    const chart = page.getByTestId('replay-chart-billing');
    await chart.waitFor({ timeout: 60_000 });
    const document = await downloadOf(page, () => page.getByTestId('export-replay-json').click());
    // Chromium's V8 rounds Math.exp/log/pow differently from Node 20's in the last bit now and
    // then (see app.test.ts), so waits may differ by an ulp; counts, booleans and text are exact.
    expect(differences(JSON.parse(document.body.toString('utf8')), replay)).toEqual([]);
    expect(await page.getByTestId('replay-verdict').locator('li').allTextContents()).toEqual(replayVerdicts(replay.byType['billing']!));
    const rows = replay.rows.filter((r) => r.type === 'billing');
    const bands = await chart.locator('rect.band').evaluateAll((rects) => rects.map((r) => [r.getAttribute('data-interval'), Number(r.getAttribute('data-lo')), Number(r.getAttribute('data-hi'))]));
    expect(differences(bands, rows.filter((r) => r.serviceLevel.lo !== null).map((r) => [r.interval, r.serviceLevel.lo, r.serviceLevel.hi]))).toEqual([]);
    expect(bands.length).toBe(20);
    // Recorded points outside the band: triangles in vermillion; inside: circles in black.
    const marks = await chart.locator('path.recorded-point').evaluateAll((ps) => ps.map((p) => [p.getAttribute('data-interval'), p.getAttribute('data-inside'), p.getAttribute('stroke'), p.getAttribute('d')!.split('L').length]));
    expect(marks.map((m) => [m[0], m[1]])).toEqual(rows.filter((r) => r.serviceLevel.recorded !== null).map((r) => [r.interval, String(r.serviceLevel.inside)]));
    for (const [, inside, stroke, segments] of marks) {
      expect(stroke).toBe(inside === 'false' ? '#D55E00' : '#000000');
      expect(segments).toBe(inside === 'false' ? 3 : 1); // a triangle is three lines; a circle is arcs
    }
    // The other type and KPI come from the same document.
    await page.getByTestId('replay-type').selectOption('outages');
    await page.getByTestId('replay-kpi').selectOption('asa');
    const asa = page.getByTestId('replay-chart-outages');
    expect(await asa.getAttribute('data-kpi')).toBe('asa');
    expect(await asa.locator('path.recorded-point.outside').count()).toBe(replay.rows.filter((r) => r.type === 'outages' && r.asa.inside === false).length);
    expect(await page.getByTestId('replay-verdict').locator('li').allTextContents()).toEqual(replayVerdicts(replay.byType['outages']!));
    await asa.locator('svg').focus();
    await page.keyboard.press('ArrowRight');
    expect(await asa.locator('.tooltip').textContent()).toContain(`${REPLAY.date} 08:30 · outages`);
    await asa.locator('svg').blur();
    await page.getByTestId('replay-type').selectOption('billing');
    await page.getByTestId('replay-kpi').selectOption('serviceLevel');
    if (screenshotDir !== undefined) await page.getByTestId('history-replay').screenshot({ path: join(screenshotDir, 'history-replay.png') });

    // An uploaded skeleton: one that is not a scenario is named by path and not chosen; a valid
    // one (center.json) is fitted into a fourth card, again the CLI's fitted scenario.
    await page.getByTestId('fit-skeleton-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"name": "x", "intervalMinutes": 7}') });
    await page.getByTestId('fit-error').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('fit-error').locator('.error-title').textContent()).toBe('broken.json is not a valid scenario; it was not chosen:');
    expect(await page.getByTestId('fit-error').locator('li').allTextContents()).toContain('contactTypes: required');
    expect(await page.getByTestId('fit-skeleton').inputValue()).toBe('example');
    await page.getByTestId('fit-skeleton-file').setInputFiles(example('center.json'));
    await expect.poll(() => page.getByTestId('fit-skeleton').inputValue()).toBe('upload');
    await page.getByTestId('fit').click();
    await page.getByTestId('fit-summary').filter({ hasText: /^center\.json fitted/ }).waitFor({ timeout: 30_000 });
    const centerFitted = join(tmp, 'center-fitted.json');
    await ccsim('fit', example('center.json'), '--history', example('history.csv'), '--contacts', example('contacts.csv'), '--out', centerFitted);
    const savedCenter = await downloadOf(page, () => page.getByTestId('download-scenario-4').click());
    expect(savedCenter.body.toString('utf8')).toBe(readFileSync(centerFitted, 'utf8'));
    expect(await page.getByTestId('replay-scenario').inputValue()).toBe('3');

    // A phone: nothing wider than the window; the charts redraw at the column's width.
    await page.setViewportSize({ width: 390, height: 800 });
    await expect.poll(() => page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')).toSatisfy((w: unknown) => Array.isArray(w) && w[0] <= w[1]);
    expect(await page.getByTestId('replay-chart-billing').locator('rect.band').count()).toBe(bands.length);
    expect(await page.getByTestId('history-panel').getAttribute('data-live-workers')).toBe('1');
    expect(problems).toEqual([]);
    await close();
  }, 240_000);

  test('a bad row is refused with the CLI’s file:line:column message, and nothing is added', async () => {
    const bad = join(tmp, 'bad-history.csv');
    const lines = readFileSync(example('history.csv'), 'utf8').split('\n');
    lines[3] = lines[3]!.replace(/^(\d{4}-\d\d-\d\d,\d\d:\d\d,\w+,)\d+/, '$1abc');
    writeFileSync(bad, lines.join('\n'));
    // What `ccsim forecast` says (exit 2), with the file's name instead of its path.
    const cli = await ccsim('forecast', bad, '--start', '2026-11-02', '--days', '7').then(
      () => '',
      (error: { stderr: string }) => error.stderr,
    );
    expect(cli).toBe(`ccsim forecast: ${bad}:4:4 (offered): "abc" is not a count (a number >= 0)\n`);

    const { page, problems, close } = await openApp(app.browser, app.url);
    await page.getByTestId('history-panel').locator('summary').click();
    await page.getByTestId('history-file').setInputFiles(bad);
    await page.getByTestId('read-history').click();
    const error = page.getByTestId('history-error');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.locator('li').allTextContents()).toEqual([cli.trim().replace(`ccsim forecast: ${tmp}/`, '')]);
    expect(await page.getByTestId('status').getAttribute('data-kind')).toBe('error');
    expect(await page.locator('.scenario-card').count()).toBe(2);
    expect(await page.getByTestId('history-view').count()).toBe(0);
    expect(await page.getByTestId('show-history').isHidden()).toBe(true);
    expect(await page.getByTestId('history-panel').getAttribute('data-live-workers')).toBe('0');
    expect(problems).toEqual([]);
    await close();
  }, 60_000);

  test('Cancel stops a read mid-file: its worker is terminated and the page is ready again', async () => {
    // About 40 MB of interval history (365 days x 96 intervals x 12 types): a read that takes a while.
    const header = 'date,interval_start,type,offered,answered,abandoned,aht,asa,service_level\n';
    const parts: string[] = [header];
    const start = Date.UTC(2025, 0, 1);
    for (let d = 0; d < 365; d++) {
      const date = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
      for (let s = 0; s < 96; s++) {
        const time = `${String(Math.floor(s / 4)).padStart(2, '0')}:${String((s % 4) * 15).padStart(2, '0')}`;
        for (let t = 0; t < 12; t++) parts.push(`${date},${time},type-${t},${(s + t) % 50},${(s + t) % 45},1,240.5,12.5,0.81\n`);
      }
    }
    const big = join(tmp, 'big-history.csv');
    writeFileSync(big, parts.join(''));
    const { page, problems, close } = await openApp(app.browser, app.url);
    await page.getByTestId('history-panel').locator('summary').click();
    await page.getByTestId('history-file').setInputFiles(big);
    await page.getByTestId('read-history').click();
    // Progress in bytes of the file, then Cancel.
    await page.getByTestId('progress-text').filter({ hasText: /^big-history\.csv: [\d.]+ of [\d.]+ MB read$/ }).waitFor({ timeout: 30_000 });
    await page.getByTestId('cancel').click();
    await page.getByTestId('status').filter({ hasText: /^Reading cancelled/ }).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('history-panel').getAttribute('data-live-workers')).toBe('0');
    expect(await page.getByTestId('read-history').isEnabled()).toBe(true);
    expect(await page.getByTestId('history-view').count()).toBe(0);
    expect(problems).toEqual([]);
    await close();
  }, 90_000);
});
