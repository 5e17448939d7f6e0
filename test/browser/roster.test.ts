/**
 * End-to-end: the page rosters the bundled retail week (202 agents, 101 shift templates) with
 * HiGHS in a module Web Worker and shows it as a Gantt chart with the coverage under it; its
 * "Export roster CSV" is the CLI's roster CSV, byte for byte. Skipped, with one line saying how
 * to install Chromium, where there is none.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadScenarioFile } from '../../src/node/loadScenarioFile.js';
import { rosterCsv, rosterScenario } from '../../src/optimize/rosterScenario.js';
import { chromiumPath, noChromium } from './support/chromium.js';
import { downloadOf, openApp } from './support/page.js';
import { useServedApp } from './support/servedApp.js';

const hasChromium = chromiumPath() !== null;
if (!hasChromium) console.warn(noChromium());

const retailWeek = fileURLToPath(new URL('../../scenarios/retail-week.json', import.meta.url));
const screenshot = process.env['CCSIM_ROSTER_SCREENSHOT'];

describe.skipIf(!hasChromium)('roster in headless Chromium', () => {
  const app = useServedApp();

  test('retail week: Roster draws one Gantt row per agent and one bar per shift, the coverage under it, and exports the CLI’s CSV', async () => {
    // What `ccsim roster scenarios/retail-week.json --out roster.csv` writes (same inputs, same roster).
    const expected = await rosterScenario(await loadScenarioFile(retailWeek));
    const expectedCsv = rosterCsv(expected);

    const { page, problems, close } = await openApp(app.browser, `${app.url}#s=retail-week`, { width: 1400, height: 900 });
    // Only a scenario with agents and shift templates offers Roster; it is a real, focusable button.
    const roster = page.getByTestId('roster-1');
    expect(await roster.evaluate((b) => b.tagName)).toBe('BUTTON');
    await roster.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('cancel').isEnabled()).toBe(true);
    const gantt = page.getByTestId('roster-gantt');
    await gantt.waitFor({ timeout: 90_000 });

    expect(await gantt.locator('g.agent-row').count()).toBe(202);
    expect(await gantt.locator('g.agent-row text').first().textContent()).toBe(expected.agents[0]!.agent);
    expect(await gantt.locator('rect.shift-bar').count()).toBe(expected.shifts.length);
    expect(await gantt.locator('rect.break').count()).toBe(expected.shifts.reduce((n, s) => n + s.breaks.length, 0));
    const coverage = page.getByTestId('roster-coverage-voice-team');
    expect(await coverage.locator('path.coverage-area').count()).toBe(1);
    expect(await coverage.locator('path.required-line').count()).toBe(1);
    expect(await coverage.locator('g.shortfall rect').count()).toBe(expected.byGroup['voice-team']!.shortfall.filter((s) => s > 0).length);
    // Both charts on one time scale: the same plot width at the same left edge.
    const plots = (await page.evaluate(
      `['roster-gantt', 'roster-coverage-voice-team'].map((id) => { const svg = document.querySelector('[data-testid="' + id + '"] svg'); return [svg.getAttribute('width'), /translate\\((\\d+)/.exec(svg.querySelector('g').getAttribute('transform'))[1]]; })`,
    )) as [string, string][];
    expect(Number(plots[0]![0])).toBeGreaterThan(900);
    expect(plots[1]).toEqual(plots[0]);
    const summary = await page.getByTestId('roster-summary').textContent();
    expect(summary).toContain(`${expected.shifts.length} shifts`);
    expect(summary).toContain(`of ${expected.agents.length} agents`);
    expect(summary).toContain(expected.byGroup['voice-team']!.status);
    expect(await page.getByTestId('roster-unassigned').count()).toBe(1);

    const csv = await downloadOf(page, () => page.getByTestId('export-roster-csv').click());
    expect(csv.name).toMatch(/^roster-.*\.csv$/);
    expect(csv.body.toString('utf8')).toBe(expectedCsv);
    if (screenshot !== undefined) await page.getByTestId('roster-view').screenshot({ path: screenshot });

    // On a phone the charts keep their width and scroll inside their figures, not the page.
    await page.setViewportSize({ width: 390, height: 800 });
    await expect.poll(() => page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')).toSatisfy((w: unknown) => Array.isArray(w) && w[0] <= w[1]);
    expect(await gantt.locator('rect.shift-bar').count()).toBe(expected.shifts.length);
    expect(await page.getByTestId('cancel').isEnabled()).toBe(false);
    expect(problems).toEqual([]);
    await close();
  }, 180_000);

  test('Cancel stops the roster: its worker is terminated and the page is ready again', async () => {
    const { page, problems, close } = await openApp(app.browser, `${app.url}#s=retail-week`);
    await page.getByTestId('roster-1').click();
    await expect.poll(() => page.getByTestId('cancel').isEnabled()).toBe(true);
    expect(await page.getByTestId('roster-1').isDisabled()).toBe(true);
    await page.getByTestId('cancel').click();
    await page.getByTestId('status').filter({ hasText: /^Roster cancelled/ }).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('status').getAttribute('data-live-workers')).toBe('0');
    expect(await page.getByTestId('roster-1').isEnabled()).toBe(true);
    expect(await page.getByTestId('roster-gantt').count()).toBe(0);
    // Scenarios without agents and shift templates offer no Roster.
    await page.getByTestId('scenario-select').selectOption('retail-day');
    expect(await page.getByTestId('roster-1').count()).toBe(0);
    expect(problems).toEqual([]);
    await close();
  }, 60_000);
});
