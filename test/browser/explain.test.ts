/**
 * End-to-end: "Why does an interval miss?" in the built page, in headless Chromium. The retail
 * day is run, 10:30 (below its calls target) is explained once by keyboard (the picker) and once
 * by a click on the service-level chart, on the page's Web Workers; each answer (the summary, the
 * causes, their gains and CIs, and the downloaded JSON) equals the Node API's `explain` (what
 * `ccsim explain --json` prints) for the scenario JSON the card saves, with the same seed and
 * replications. At 390 px nothing overflows sideways. Cancel stops the workers. Skipped, with
 * one line saying how to install Chromium, where there is none.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { explain } from '../../src/node/api.js';
import type { ExplainOutput } from '../../src/optimize/explain.js';
import { chromiumPath, noChromium } from './support/chromium.js';
import { downloadOf, openApp } from './support/page.js';
import { useServedApp } from './support/servedApp.js';

const hasChromium = chromiumPath() !== null;
if (!hasChromium) console.warn(noChromium());

const SEED = 5;
const REPLICATIONS = 10;
const screenshot = process.env['CCSIM_EXPLAIN_SCREENSHOT'];

/** The CLI's gain text: "+3.2 pts ±2.3". */
const gain = (m: { mean: number | null; ci95: number | null }) => {
  const mean = Number(m.mean!.toFixed(1)) || 0;
  return `${mean >= 0 ? '+' : ''}${mean.toFixed(1)} pts ±${m.ci95!.toFixed(1)}`;
};

/** The answer as the page shows it: summary, and per bar its cause, exact gain and CI, texts. */
async function shown(page: Page) {
  const result = page.getByTestId('explain-result');
  return {
    summary: await result.getByTestId('explain-summary').textContent(),
    bars: await result.locator('li.cause-row').evaluateAll((rows) =>
      rows.map((li) => ({
        cause: li.getAttribute('data-cause'),
        mean: Number(li.getAttribute('data-mean')),
        ci95: Number(li.getAttribute('data-ci95')),
        gain: li.querySelector('.cause-gain')?.textContent,
        action: li.querySelector('.cause-action')?.textContent,
      })),
    ),
    table: await result.locator('[data-testid="explain-table"] tbody tr').evaluateAll((rows) => rows.map((tr) => [...tr.children].map((c) => c.textContent))),
    skipped: await result.locator('[data-testid="explain-skipped"] li').evaluateAll((li) => li.map((x) => x.getAttribute('data-cause'))),
    staff: await result.locator('[data-testid="explain-staff"] tbody tr').evaluateAll((rows) => rows.map((tr) => [...tr.children].map((c) => c.textContent))),
  };
}

/** What the page must show for `expected`. */
function expectedView(expected: ExplainOutput) {
  return {
    summary: expected.summary,
    bars: expected.causes.map((c) => ({
      cause: c.cause,
      mean: c.deltaPts.mean,
      ci95: c.deltaPts.ci95,
      gain: expect.stringMatching(new RegExp(`^${gain(c.deltaPts).replace(/[+.]/g, '\\$&')}( · not significant)?$`)),
      action: c.action,
    })),
    table: expected.causes.map((c) => [expect.any(String), gain(c.deltaPts), expect.stringMatching(/^(yes|no)$/), c.action]),
    skipped: expected.skipped.map((s) => s.cause),
    staff: Object.entries(expected.staff).map(([g, s]) => [g, String(s.now), String(s.required), s.required > s.now ? String(s.required - s.now) : '—']),
  };
}

describe.skipIf(!hasChromium)('explain in headless Chromium', () => {
  const app = useServedApp();

  test('retail day 10:30: by keyboard and by a click on the chart, the answer equals ccsim explain --json for the same JSON, seed and replications', async () => {
    const { page, problems, close } = await openApp(app.browser, `${app.url}#s=retail-day&reps=${REPLICATIONS}&seed=${SEED}`, { width: 1400, height: 900 });
    // The scenario as the card saves it: what the CLI would be given.
    const saved = await downloadOf(page, () => page.getByTestId('download-scenario-1').click());
    const scenario = JSON.parse(saved.body.toString('utf8')) as Record<string, unknown>;
    const expected = await explain(scenario, { interval: '10:30', seed: SEED, replications: REPLICATIONS, workers: 3 });
    expect(expected.type).toBe('calls');
    expect(expected.shortfallPts).toBeGreaterThan(0);
    expect(expected.causes.length).toBeGreaterThanOrEqual(2);

    await page.getByTestId('run').click();
    await page.getByTestId('kpi-table').waitFor({ timeout: 60_000 });
    const picker = page.getByTestId('explain-interval');
    // The picker opens on the interval furthest below target; the keyboard moves it to 10:30.
    const labels = await picker.locator('option').allTextContents();
    const target = labels.findIndex((l) => l.startsWith('10:30'));
    expect(labels[target]).toMatch(/^10:30 · below target \(calls \d+% < 80%\)$/);
    await picker.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
    expect(await picker.inputValue()).toBe(String(target));
    await page.keyboard.press('Tab'); // contact type: the default, furthest below its target
    expect(await page.evaluate('document.activeElement.dataset.testid')).toBe('explain-type');
    expect(await page.getByTestId('explain-type').inputValue()).toBe('');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.dataset.testid')).toBe('explain-replications');
    expect(await page.getByTestId('explain-replications').inputValue()).toBe('50'); // the CLI's default
    await page.keyboard.press('Control+A');
    await page.keyboard.type(String(REPLICATIONS));
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.dataset.testid')).toBe('explain-button');
    await page.keyboard.press('Enter');
    await page.getByTestId('explain-result').waitFor({ timeout: 60_000 });

    expect(await shown(page)).toEqual(expectedView(expected));
    expect(await page.getByTestId('explain-command').textContent()).toBe(`ccsim explain <scenario.json> --interval 10:30 --replications ${REPLICATIONS} --seed ${SEED} --json`);
    expect(await page.getByTestId('explain-service-level').textContent()).toContain(`${(100 * expected.serviceLevel.mean!).toFixed(1)}%`);
    expect(await page.getByTestId('status').textContent()).toContain(expected.summary);
    expect(await page.getByTestId('status').getAttribute('data-live-workers')).toBe('0');
    // The bars, largest gain first, each as long as its gain on the shared scale.
    const widths = await page.locator('li.cause-row rect.cause-bar').evaluateAll((r) => r.map((x) => Number(x.getAttribute('width'))));
    expect(widths).toHaveLength(expected.causes.length);
    const means = expected.causes.map((c) => c.deltaPts.mean!);
    if (means[0]! > 0 && means[1]! > 0) expect(widths[0]! / widths[1]!).toBeCloseTo(means[0]! / means[1]!, 1);
    const download = await downloadOf(page, () => page.getByTestId('explain-download-json').click());
    expect(download.name).toBe('retail-day-explain-10-30.json');
    expect(JSON.parse(download.body.toString('utf8'))).toEqual(expected);
    if (screenshot !== undefined) await page.getByTestId('explain').screenshot({ path: screenshot });

    // A click on 10:30 in the service-level chart (of calls) explains it too (--type calls).
    const chart = page.getByTestId('chart-service-level').locator('svg');
    await chart.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < target; i++) await page.keyboard.press('ArrowRight');
    // Where the keyboard cursor stands is the centre of 10:30: click there.
    const at = (await page.evaluate(`(() => {
      const svg = document.querySelector('[data-testid="chart-service-level"] svg');
      const cursor = svg.querySelector('g.cursor');
      const plot = cursor.parentNode.getAttribute('transform');
      const left = Number(/translate\\(([\\d.]+)/.exec(plot)[1]);
      const top = Number(/,([\\d.]+)\\)/.exec(plot)[1]);
      const x = Number(/translate\\(([\\d.]+)/.exec(cursor.getAttribute('transform'))[1]);
      const box = svg.getBoundingClientRect();
      const scale = box.width / Number(svg.getAttribute('width'));
      return [box.left + (left + x) * scale, box.top + (top + 100) * scale];
    })()`)) as [number, number];
    await page.getByTestId('explain-output').evaluate((o) => o.replaceChildren());
    await page.mouse.click(at[0], at[1]);
    expect(await page.getByTestId('explain-type').inputValue()).toBe('calls');
    expect(await page.getByTestId('explain-interval').inputValue()).toBe(String(target));
    await page.getByTestId('explain-result').waitFor({ timeout: 60_000 });
    expect(await shown(page)).toEqual(expectedView(expected));
    expect(await page.getByTestId('explain-command').textContent()).toBe(`ccsim explain <scenario.json> --interval 10:30 --type calls --replications ${REPLICATIONS} --seed ${SEED} --json`);
    const clicked = await downloadOf(page, () => page.getByTestId('explain-download-json').click());
    expect(JSON.parse(clicked.body.toString('utf8'))).toEqual(expected);

    // On a phone: the answer is still there, redrawn narrower, and nothing overflows sideways.
    await page.setViewportSize({ width: 390, height: 800 });
    await expect
      .poll(() => page.locator('li.cause-row svg').first().getAttribute('width'))
      .toSatisfy((w: unknown) => Number(w) < 390);
    await expect.poll(() => page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')).toSatisfy((w: unknown) => Array.isArray(w) && w[0] <= w[1]);
    expect(await shown(page)).toEqual(expectedView(expected));
    const overflowing = await page.evaluate(`[...document.querySelectorAll('[data-testid="explain"] *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5 && !e.closest('.visually-hidden')).map((e) => e.tagName + '.' + e.className)`);
    expect(overflowing).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  }, 180_000);

  test('a multi-day scenario (the retail week): the interval furthest below target, its --day, and the CLI\u2019s document', async () => {
    const { page, problems, close } = await openApp(app.browser, `${app.url}#s=retail-week&reps=2&seed=${SEED}`, { width: 1400, height: 900 });
    const saved = await downloadOf(page, () => page.getByTestId('download-scenario-1').click());
    await page.getByTestId('run').click();
    await page.getByTestId('kpi-table').waitFor({ timeout: 120_000 });
    // The picker opens on the interval furthest below its target, labelled as the charts label it.
    const picked = page.getByTestId('explain-interval').locator('option:checked');
    const label = (await picked.textContent())!;
    const at = /^(?:Day (\d) )?(\d\d:\d\d) · below target/.exec(label);
    expect(at, label).not.toBeNull();
    const day = at![1] === undefined ? 0 : Number(at![1]) - 1;
    await page.getByTestId('explain-replications').fill('2');
    await page.getByTestId('explain-button').click();
    await page.getByTestId('explain-result').waitFor({ timeout: 120_000 });
    const expected = await explain(JSON.parse(saved.body.toString('utf8')) as Record<string, unknown>, { interval: at![2]!, day, seed: SEED, replications: 2, workers: 1 });
    expect(expected.multiDay).toBe(true);
    expect(await shown(page)).toEqual(expectedView(expected));
    expect(await page.getByTestId('explain-command').textContent()).toBe(`ccsim explain <scenario.json> --interval ${at![2]} --day ${day} --replications 2 --seed ${SEED} --json`);
    expect(await page.getByTestId('explain-days').textContent()).toContain(`day ${day} is`);
    const download = await downloadOf(page, () => page.getByTestId('explain-download-json').click());
    expect(download.name).toBe(`retail-week-explain-day${day}-${at![2]!.replace(':', '-')}.json`);
    expect(JSON.parse(download.body.toString('utf8'))).toEqual(expected);
    expect(problems).toEqual([]);
    await close();
  }, 180_000);

  test('Cancel stops an explain: its workers are terminated, nothing is shown, and Explain is ready again', async () => {
    const { page, problems, close } = await openApp(app.browser, `${app.url}#s=retail-day&reps=${REPLICATIONS}&seed=${SEED}`);
    await page.getByTestId('run').click();
    await page.getByTestId('kpi-table').waitFor({ timeout: 60_000 });
    await page.getByTestId('explain-replications').fill('1000');
    await page.getByTestId('explain-button').click();
    await expect.poll(() => page.getByTestId('cancel').isEnabled()).toBe(true);
    expect(await page.getByTestId('explain-button').isDisabled()).toBe(true);
    expect(await page.getByTestId('run').isDisabled()).toBe(true);
    await expect.poll(async () => Number(await page.getByTestId('progress').getAttribute('value'))).toBeGreaterThan(0);
    await page.getByTestId('cancel').click();
    await page.getByTestId('status').filter({ hasText: /^Explain cancelled after \d+ of \d+ replications/ }).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('status').getAttribute('data-live-workers')).toBe('0');
    expect(await page.getByTestId('explain-button').isEnabled()).toBe(true);
    expect(await page.getByTestId('explain-result').count()).toBe(0);
    // A replications field that is not a whole number in range is refused before anything runs.
    await page.getByTestId('explain-replications').fill('0');
    await page.getByTestId('explain-button').click();
    expect(await page.getByTestId('explain-problem').textContent()).toMatch(/^Replications: enter a whole number from 1 to \d+\.$/);
    expect(await page.getByTestId('cancel').isDisabled()).toBe(true);
    expect(problems).toEqual([]);
    await close();
  }, 120_000);
});
