/**
 * Screenshots of the main views for the README, taken with the same headless Chromium as the
 * tests: `npx tsx test/browser/support/screenshots.ts` (writes docs/screenshots/*.png).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildApp } from './buildApp.js';
import { launchChromium } from './chromium.js';
import { openApp } from './page.js';
import { serveStatic } from './staticServer.js';

const out = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
mkdirSync(out, { recursive: true });
const dist = await buildApp();
const server = await serveStatic(dist);
const browser = await launchChromium();
try {
  // 1. The default comparison: retail day vs the same day with a voice bot.
  {
    const { page, problems, close } = await openApp(browser, `${server.url}#s=retail-day&s=chatbot-voice&reps=20&seed=1`);
    await page.getByTestId('run').click();
    await page.getByTestId('kpi-table').waitFor({ timeout: 120_000 });
    await page.screenshot({ path: `${out}compare-overview.png` });
    const sl = page.getByTestId('chart-service-level');
    await sl.locator('svg').focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await sl.screenshot({ path: `${out}service-level.png` });
    await sl.locator('svg').blur();
    await page.getByTestId('chart-outcomes').screenshot({ path: `${out}outcomes.png` });
    await page.getByTestId('chart-occupancy').screenshot({ path: `${out}occupancy.png` });
    // Staffing against the Erlang A requirement, with the tooltip at 11:00.
    const staffing = page.getByTestId('chart-staffing-voice-team');
    await staffing.locator('svg').focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await staffing.screenshot({ path: `${out}staffing.png` });
    await staffing.locator('svg').blur();
    if (problems.length > 0) throw new Error(problems.join('\n'));
    await close();
  }
  // 2. A what-if variant against its baseline, with the form open.
  {
    const { page, problems, close } = await openApp(browser, `${server.url}#s=retail-day&s=retail-day,add.voice-team:4,pat.calls:150&reps=20&seed=1`);
    await page.getByTestId('run').click();
    await page.getByTestId('kpi-table').waitFor({ timeout: 120_000 });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: `${out}what-if.png` });
    if (problems.length > 0) throw new Error(problems.join('\n'));
    await close();
  }
  // 3. Staffing found by simulation, compared with the scenario's own staff.
  {
    const { page, problems, close } = await openApp(browser, `${server.url}#s=retail-day&reps=20&seed=1`);
    await page.getByTestId('run').click();
    await page.getByTestId('kpi-table').waitFor({ timeout: 120_000 });
    await page.getByTestId('find-staffing-1').click();
    await page.getByTestId('status').filter({ hasText: /^Staffing found/ }).waitFor({ timeout: 300_000 });
    await page.getByTestId('run').click();
    await page.getByTestId('chart-staffing-voice-team').locator('g.panel').nth(1).waitFor({ timeout: 120_000 });
    await page.getByTestId('chart-staffing-voice-team').screenshot({ path: `${out}staffing-found.png` });
    if (problems.length > 0) throw new Error(problems.join('\n'));
    await close();
  }
  // 4. An invalid upload: the CLI's path-named messages, nothing run.
  {
    const { page, close } = await openApp(browser, server.url);
    const bad = {
      name: 'Broken day',
      intervalMinutes: 30,
      intervals: 2,
      contactTypes: [{ id: 'calls', channel: 'voice', volume: 50, handleTime: { dist: 'exponential', mean: -180 }, patiance: { dist: 'exponential', mean: 60 }, serviceLevel: { seconds: 20, target: 0.8 } }],
      agentGroups: [{ id: 'agents', skills: ['call'], staff: 8 }],
    };
    await page.getByTestId('upload').setInputFiles({ name: 'broken-day.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad, null, 2)) });
    await page.getByTestId('error').waitFor({ state: 'visible' });
    await page.getByTestId('run').click();
    await page.screenshot({ path: `${out}invalid-upload.png` });
    await close();
  }
  // 5. The retail week's roster: the Gantt chart with the coverage under it.
  {
    const { page, problems, close } = await openApp(browser, `${server.url}#s=retail-week`, { width: 1400, height: 900 });
    await page.getByTestId('roster-1').click();
    await page.getByTestId('roster-coverage-voice-team').waitFor({ timeout: 120_000 });
    await page.getByTestId('roster-view').screenshot({ path: `${out}roster.png` });
    if (problems.length > 0) throw new Error(problems.join('\n'));
    await close();
  }
  // 6. The scenario builder, started from the two-skills scenario (valid: the requirement under each staff cell).
  {
    const { page, problems, close } = await openApp(browser, `${server.url}#s=two-skills`, { width: 1400, height: 900 });
    await page.getByTestId('build-scenario').click();
    await page.getByTestId('builder-start').selectOption('two-skills');
    await page.getByTestId('builder-start-button').click();
    await page.getByTestId('staff-grid-note-0-0').filter({ hasText: /^need \d+/ }).waitFor();
    await page.getByTestId('builder').screenshot({ path: `${out}builder.png` });
    if (problems.length > 0) throw new Error(problems.join('\n'));
    await close();
  }
  // 6. From history: the forecast of examples/history, then one date replayed with the fitted scenario.
  {
    const { page, problems, close } = await openApp(browser, server.url, { width: 1400, height: 900 });
    const example = (name: string) => fileURLToPath(new URL(`../../../examples/history/${name}`, import.meta.url));
    await page.getByTestId('history-panel').locator('summary').click();
    await page.getByTestId('history-file').setInputFiles(example('history.csv'));
    await page.getByTestId('contacts-file').setInputFiles(example('contacts.csv'));
    await page.getByTestId('staff-file').setInputFiles(example('staff.csv'));
    await page.getByTestId('read-history').click();
    await page.getByTestId('forecast-chart-billing').waitFor({ timeout: 120_000 });
    await page.getByTestId('history-forecast').screenshot({ path: `${out}history-forecast.png` });
    await page.getByTestId('fit').click();
    await page.getByTestId('fit-summary').waitFor({ timeout: 60_000 });
    await page.getByTestId('replay-date').selectOption('2026-10-26');
    await page.getByTestId('replay').click();
    await page.getByTestId('replay-chart-billing').waitFor({ timeout: 120_000 });
    await page.getByTestId('history-replay').screenshot({ path: `${out}history-replay.png` });
    if (problems.length > 0) throw new Error(problems.join('\n'));
    await close();
  }
  // Why does 10:30 miss? The retail day run, then 10:30 explained (the CLI's 50 replications, seed 1).
  {
    const { page, problems, close } = await openApp(browser, `${server.url}#s=retail-day&reps=20&seed=1`, { width: 1400, height: 900 });
    await page.getByTestId('run').click();
    await page.getByTestId('kpi-table').waitFor({ timeout: 120_000 });
    const interval = page.getByTestId('explain-interval');
    const labels = await interval.locator('option').allTextContents();
    await interval.selectOption(String(labels.findIndex((l) => l.startsWith('10:30'))));
    await page.getByTestId('explain-button').click();
    await page.getByTestId('explain-result').waitFor({ timeout: 180_000 });
    await page.getByTestId('explain').screenshot({ path: `${out}explain.png` });
    if (problems.length > 0) throw new Error(problems.join('\n'));
    await close();
  }
  // The rest of today from 11:00 (two-skills): the "From now" form filled by counts, then the
  // card it makes compared with a what-if from the same state (+3 flex agents).
  {
    const { page, problems, close } = await openApp(browser, `${server.url}#s=two-skills&reps=20&seed=1`, { width: 1400, height: 900 });
    await page.getByTestId('from-now-1').click();
    const form = page.getByTestId('intraday-form');
    const counts = { now: '11:00', 'waiting-sales-count': '14', 'waiting-sales-longest': '150', 'waiting-support-count': '9', 'waiting-support-longest': '95', 'inservice-flex-support-count': '3', 'inservice-flex-support-longest': '240', 'staff-flex': '6' };
    for (const [id, value] of Object.entries(counts)) await form.getByTestId(`intraday-${id}`).fill(value);
    await form.screenshot({ path: `${out}intraday.png` });
    await form.getByTestId('intraday-run').click();
    await page.getByTestId('kpi-table').waitFor({ timeout: 120_000 });
    await page.getByTestId('add-scenario').click();
    await page.getByTestId('scenario-card-3').locator('summary').click();
    await page.getByTestId('scenario-card-3').getByTestId('knob-add-flex').fill('3');
    await page.getByTestId('run').click();
    await page.getByTestId('intraday-run-same-day').click();
    await page.getByTestId('status').filter({ hasText: /^Done: 2 scenarios/ }).waitFor({ timeout: 120_000 });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: `${out}intraday-compare.png` });
    if (problems.length > 0) throw new Error(problems.join('\n'));
    await close();
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dist, { recursive: true, force: true });
}
console.log(`screenshots written to ${out}`);
