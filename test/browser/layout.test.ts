/**
 * Page layout at a phone's width (390 px) and a laptop's (1400 px), in headless Chromium: no
 * horizontal page scroll after a 3-scenario comparison (tables scroll inside their own box, charts
 * are drawn at the column's width), the tables fit at 1400 px, and the sticky run panel never
 * covers a message the page has just shown.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { chromiumPath, noChromium } from './support/chromium.js';
import { useServedApp } from './support/servedApp.js';
import { openApp } from './support/page.js';

const hasChromium = chromiumPath() !== null;
if (!hasChromium) console.warn(noChromium());

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1400, height: 900 };
const THREE = '#s=retail-day&s=chatbot-voice&s=two-skills&reps=2&seed=1';

interface Box {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

async function box(page: Page, selector: string): Promise<Box> {
  const b = await page.locator(selector).boundingBox();
  if (b === null) throw new Error(`${selector} is not shown`);
  return { top: b.y, bottom: b.y + b.height, left: b.x, right: b.x + b.width };
}

/** `what` lies inside the window and shares no pixel with the run panel. */
async function clearOfRunPanel(page: Page, what: string): Promise<string[]> {
  const m = await box(page, what);
  const p = await box(page, '.run-panel');
  const { height } = page.viewportSize()!;
  const overlaps = m.left < p.right && p.left < m.right && m.top < p.bottom && p.top < m.bottom;
  const problems: string[] = [];
  if (overlaps) problems.push(`${what} [${m.top}, ${m.bottom}] is under the run panel [${p.top}, ${p.bottom}]`);
  if (m.top < 0 || m.bottom > height) problems.push(`${what} [${m.top}, ${m.bottom}] is not within the window (0 to ${height})`);
  return problems;
}

describe.skipIf(!hasChromium)('page layout in headless Chromium', () => {
  const app = useServedApp();

  for (const viewport of [PHONE, LAPTOP]) {
    test(`${viewport.width} px wide: a 3-scenario comparison scrolls no wider than the window; charts are drawn at the column's width`, async () => {
      const { page, problems, close } = await openApp(app.browser, `${app.url}${THREE}`, viewport);
      await page.getByTestId('run').click();
      await page.getByTestId('kpi-table').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('kpi-table').locator('thead th.delta').count()).toBe(2);
      // The page: nothing wider than the window (clientWidth: the window less any scroll bar).
      await expect.poll(() => page.evaluate('[document.documentElement.scrollWidth, document.documentElement.clientWidth, window.innerWidth]')).toSatisfy(
        (w: unknown) => Array.isArray(w) && w[0] <= w[1] && w[1] <= w[2],
      );
      // Every chart is drawn at the width of its box, not scaled or cut.
      const charts = (await page.evaluate(
        `[...document.querySelectorAll('figure.chart')].map((f) => [f.dataset.testid, Number(f.querySelector('svg').getAttribute('width')), f.querySelector('.figure-body').clientWidth])`,
      )) as [string, number, number][];
      expect(charts.length).toBeGreaterThanOrEqual(6);
      for (const [id, drawn, room] of charts) expect({ id, drawn }).toEqual({ id, drawn: room });
      // Chart text stays inside its chart: the staffing panels' headings (name and summary).
      const heads = (await page.evaluate(
        `[...document.querySelectorAll('text.panel-head')].map((t) => [t.textContent, t.getBoundingClientRect().right, t.closest('svg').getBoundingClientRect().right])`,
      )) as [string, number, number][];
      expect(heads.length).toBeGreaterThan(0);
      for (const [text, right, edge] of heads) expect({ text, inside: right <= edge + 1 }).toEqual({ text, inside: true });
      // Tables: at 1400 px every one fits its column; on a phone the wide ones scroll in their own box.
      const tables = (await page.evaluate(
        `[...document.querySelectorAll('.table-wrap')].map((w) => [w.firstElementChild.dataset.testid, w.scrollWidth, w.clientWidth, getComputedStyle(w).overflowX])`,
      )) as [string, number, number, string][];
      expect(tables.map(([id]) => id)).toEqual(expect.arrayContaining(['kpi-table', 'kpi-by-type', 'kpi-by-group']));
      for (const [id, scrollWidth, clientWidth, overflow] of tables) {
        if (viewport === LAPTOP) expect({ id, scrollWidth }).toEqual({ id, scrollWidth: clientWidth });
        else expect({ id, overflow }).toEqual({ id, overflow: 'auto' });
      }
      if (viewport === PHONE) {
        // One column: the cards, the run panel and the results stacked, each as wide as the window allows.
        const card = await box(page, '[data-testid="scenario-card-3"]');
        for (const other of ['.run-panel', '[data-testid="results"]']) {
          const b = await box(page, other);
          expect({ other, left: Math.round(b.left), right: Math.round(b.right) }).toEqual({ other, left: Math.round(card.left), right: Math.round(card.right) });
        }
      }
      expect(problems).toEqual([]);
      await close();
    });

    test(`${viewport.width} px wide: the sticky run panel covers neither the error box of an invalid upload nor the run-size message`, async () => {
      // Ten times the volume, 1000 replications: about 2.5e8 contacts, over the 2e8 a run may simulate unasked.
      const big = '#s=retail-day,vol:10&s=chatbot-voice,vol:10&s=two-skills,vol:10&reps=1000&seed=1';
      const { page, problems, close } = await openApp(app.browser, `${app.url}${big}`, viewport);
      // Three cards make the scenario column taller than the window: the panel sticks to its bottom.
      expect(await page.evaluate('document.querySelector(".panel").getBoundingClientRect().height')).toBeGreaterThan(viewport.height);
      await page.getByTestId('upload').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"name": 1}') });
      await page.getByTestId('error').waitFor({ state: 'visible' });
      await expect.poll(() => clearOfRunPanel(page, '[data-testid="error"]')).toEqual([]);

      // Scrolled away and run with a bad what-if value: the error box is brought back into view, clear of the panel.
      await page.getByTestId('error-dismiss').click();
      // (Its "What if…" is open: it has a volume multiplier.)
      await page.getByTestId('scenario-card-2').getByTestId('knob-staff').fill('-1');
      await page.evaluate('window.scrollTo(0, 0)');
      await page.getByTestId('run').click();
      expect(await page.getByTestId('status').textContent()).toMatch(/^Not run: the input has problems/);
      await expect.poll(() => clearOfRunPanel(page, '[data-testid="error"]')).toEqual([]);

      // Fixed, the run is over the size limits: the "Run anyway" message is shown where it can be read.
      await page.getByTestId('scenario-card-2').getByTestId('knob-staff').fill('');
      await page.evaluate('window.scrollTo(0, 0)');
      await page.getByTestId('run').click();
      await page.getByTestId('too-large').waitFor();
      await expect.poll(() => clearOfRunPanel(page, '[data-testid="too-large"]')).toEqual([]);
      expect(problems).toEqual([]);
      await close();
    });
  }
});
