/**
 * End-to-end: "From now" on a card (CONTRACT section 7 in the page), in headless Chromium. A state
 * entered by counts runs the rest of the day exactly as `ccsim intraday` (the Node API) does for the
 * same scenario, state, seed and replications; a what-if card from it is compared as `ccsim compare
 * --now --state` compares; the same state pasted as a state.json makes the same card; a bad field
 * is named by its path next to the field and nothing runs; keyboard, 390 px and 1400 px.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { compare, intraday } from '../../src/node/api.js';
import { restOfDay as cliRestOfDay } from '../../src/node/intradayApi.js';
import { readFileSync } from 'node:fs';
import { SPREAD_RULE } from '../../web/src/intraday/fromNowState.js';
import { chromiumPath, noChromium } from './support/chromium.js';
import { downloadOf, openApp } from './support/page.js';
import { useServedApp } from './support/servedApp.js';

const hasChromium = chromiumPath() !== null;
if (!hasChromium) console.warn(noChromium());

const TWO_SKILLS = fileURLToPath(new URL('../../scenarios/two-skills.json', import.meta.url));
const REPS = 3;
const SEED = 7;

/**
 * The state the counts below make, written out by the rule the page states (evenly spread from the
 * oldest: 5 waiting, the oldest at 100 s -> 100, 80, 60, 40, 20).
 */
const STATE = {
  waiting: { sales: [100, 80, 60, 40, 20], support: [60, 40, 20] },
  inService: { 'sales-team': { sales: [200, 150, 100, 50] }, flex: { support: [90, 45] } },
  staff: { flex: 6 },
};

/** Where `a` and `b` differ: integers exactly, other numbers beyond 1e-9 relative (Chromium's V8 and Node's may differ in the last bit of exp/log). */
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

/** A run output without the scenario's name (the page's card is "<name> from HH:MM"). */
const unnamed = (run: Record<string, unknown>) => {
  const { scenario: _name, ...rest } = run;
  return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
};

/** Fill the "From now" form with the counts that make {@link STATE}. */
async function fillCounts(page: Page, now: string): Promise<void> {
  const form = page.getByTestId('intraday-form');
  await form.getByTestId('intraday-now').fill(now);
  await form.getByTestId('intraday-waiting-sales-count').fill('5');
  await form.getByTestId('intraday-waiting-sales-longest').fill('100');
  await form.getByTestId('intraday-waiting-support-count').fill('3');
  await form.getByTestId('intraday-waiting-support-longest').fill('60');
  await form.getByTestId('intraday-inservice-sales-team-sales-count').fill('4');
  await form.getByTestId('intraday-inservice-sales-team-sales-longest').fill('200');
  await form.getByTestId('intraday-inservice-flex-support-count').fill('2');
  await form.getByTestId('intraday-inservice-flex-support-longest').fill('90');
  await form.getByTestId('intraday-staff-flex').fill('6');
}

async function runDone(page: Page, scenarios: number): Promise<void> {
  await expect.poll(() => page.getByTestId('status').textContent(), { timeout: 60_000 }).toMatch(new RegExp(`^Done: ${scenarios} scenarios? × ${REPS} replications`));
}

const focused = (page: Page) => page.evaluate("document.activeElement?.getAttribute('data-testid')");
const cardCount = (page: Page) => page.locator('.scenario-card').count();

describe.skipIf(!hasChromium)('intraday in the page (headless Chromium)', () => {
  const app = useServedApp();

  test('counts by form run the rest of the day as ccsim intraday does; a what-if card compares as compare --now --state; a pasted state.json makes the same card', async () => {
    const { page, problems, close } = await openApp(app.browser, `${app.url}#s=two-skills&reps=${REPS}&seed=${SEED}`);
    await page.getByTestId('from-now-1').click();
    const form = page.getByTestId('intraday-form');
    await form.waitFor();
    expect(await form.getByTestId('intraday-spread-rule').textContent()).toBe(SPREAD_RULE);
    // The plan's agents at the time typed are the empty field's placeholder (flex: 8 all day).
    await form.getByTestId('intraday-now').fill('11:00');
    expect(await form.getByTestId('intraday-staff-support-team').getAttribute('placeholder')).toBe('plan: 72');
    await fillCounts(page, '11:00');
    await form.getByTestId('intraday-run').click();

    // A new card, run alone (the whole day beside it covers other intervals).
    await runDone(page, 1);
    expect(await cardCount(page)).toBe(2);
    const card = page.getByTestId('scenario-card-2');
    expect(await card.locator('select option:checked').textContent()).toBe('Two skills with a cross-trained pool from 11:00');
    expect(await card.locator('.description').textContent()).toContain('started with 8 waiting (sales 5, support 3), 6 in hand, staff now: flex 6');
    expect(await page.getByTestId('from-now-2').count()).toBe(0);
    const single = JSON.parse((await downloadOf(page, () => page.getByTestId('download-json').click())).body.toString('utf8')) as Record<string, unknown>;
    const cli = await intraday(TWO_SKILLS, { now: '11:00', state: STATE, replications: REPS, seed: SEED, workers: 1 });
    const { now: _now, reforecast: _r, reforecastDetail: _d, carriedIn, notes: _n, ...cliRun } = cli;
    expect(carriedIn).toEqual({ sales: 5, support: 3 });
    expect(single['scenario']).toBe('Two skills with a cross-trained pool from 11:00');
    expect((single['intervals'] as unknown[]).length).toBe(10); // 11:00 to 15:30
    expect(differences(unnamed(single), unnamed(cliRun as unknown as Record<string, unknown>))).toEqual([]);
    expect(await page.getByTestId('kpi-table').locator('caption').textContent()).toMatch(/^From 11:00 to the end of the day: all contact types pooled/);
    // The charts start at now.
    const ticks = await page.getByTestId('chart-service-level').locator('.tick text').allTextContents();
    expect(ticks).toContain('11:00');
    expect(ticks).not.toContain('08:00');

    // A what-if from the same state: + Add copies the card, +3 flex agents. Run: the whole-day
    // baseline is left out on request, and the two cards from 11:00 are compared.
    await page.getByTestId('add-scenario').click();
    const whatIf = page.getByTestId('scenario-card-3');
    await whatIf.locator('summary').click();
    await whatIf.getByTestId('knob-add-flex').fill('3');
    await page.getByTestId('run').click();
    const mixed = page.getByTestId('intraday-mixed-days');
    await mixed.waitFor();
    expect(await mixed.textContent()).toContain('Baseline (Two skills with a cross-trained pool: 16 intervals from 08:00) — left out');
    expect(await page.getByTestId('kpi-table').count()).toBe(0);
    await page.getByTestId('intraday-run-same-day').click();
    await runDone(page, 2);
    const compared = JSON.parse((await downloadOf(page, () => page.getByTestId('download-json').click())).body.toString('utf8')) as {
      runs: Record<string, unknown>[];
      deltas: { summary: unknown; byType: unknown }[];
    };
    const raw = JSON.parse(readFileSync(TWO_SKILLS, 'utf8')) as { agentGroups: { id: string; staff: number | number[] }[] };
    const plus3 = structuredClone(raw);
    plus3.agentGroups.find((g) => g.id === 'flex')!.staff = 8 + 3;
    const expected = await compare([raw, plus3], { now: { now: '11:00', state: STATE }, replications: REPS, seed: SEED, workers: 1 });
    expect(compared.runs).toHaveLength(2);
    compared.runs.forEach((run, i) => expect(differences(unnamed(run), unnamed(expected.runs[i] as unknown as Record<string, unknown>))).toEqual([]));
    expect(differences(compared.deltas[0]!.summary, JSON.parse(JSON.stringify(expected.deltas[0]!.summary)))).toEqual([]);
    expect(differences(compared.deltas[0]!.byType, JSON.parse(JSON.stringify(expected.deltas[0]!.byType)))).toEqual([]);
    // The state fixes flex at 6 agents in the first interval; +3 shows from 11:30 on.
    const flexStaff = (run: Record<string, unknown>) => (run['intervals'] as { byGroup: Record<string, { staffed: { mean: number } }> }[]).map((iv) => Math.round(iv.byGroup['flex']!.staffed.mean));
    expect(flexStaff(compared.runs[0]!).slice(0, 2)).toEqual([6, 8]);
    expect(flexStaff(compared.runs[1]!).slice(0, 2)).toEqual([6, 11]);

    // The same state pasted as a state.json on the baseline: the same card as the counts made.
    await page.getByTestId('from-now-1').click();
    await form.waitFor();
    expect(await form.getByTestId('intraday-now').inputValue()).toBe('11:00'); // the last request, to start from
    // The counts (kept from the last request) written as a state.json are STATE, by the rule stated.
    await form.getByTestId('intraday-counts-as-json').click();
    expect(await form.getByTestId('intraday-state-text').inputValue()).toBe(`${JSON.stringify(STATE, null, 2)}\n`);
    expect(await form.getByTestId('intraday-mode-json').isChecked()).toBe(true);
    await form.getByTestId('intraday-state-text').fill(JSON.stringify(STATE));
    await form.getByTestId('intraday-run').click();
    await runDone(page, 3); // the three cards from 11:00
    expect(await cardCount(page)).toBe(4);
    const three = JSON.parse((await downloadOf(page, () => page.getByTestId('download-json').click())).body.toString('utf8')) as { runs: Record<string, unknown>[] };
    expect(three.runs[2]!['scenario']).toBe('Two skills with a cross-trained pool from 11:00 #2');
    expect(differences(unnamed(three.runs[2]!), unnamed(three.runs[0]!))).toEqual([]);
    const saved = async (i: number) => (await downloadOf(page, () => page.getByTestId(`download-scenario-${i}`).click())).body.toString('utf8');
    const fromCounts = await saved(2);
    expect(await saved(4)).toBe(fromCounts);
    // The saved card is the CLI's rest of the day (with the page's name): ccsim run takes it as it is.
    const rest = (await cliRestOfDay(TWO_SKILLS, { now: '11:00', state: STATE })).scenario;
    expect(JSON.parse(fromCounts)).toEqual({ ...JSON.parse(JSON.stringify(rest)), name: 'Two skills with a cross-trained pool from 11:00', description: expect.any(String) as unknown });
    expect(problems).toEqual([]);
    await close();
  });

  test('a bad field is named by its path next to it and nothing runs; a pasted state gets the CLI messages', async () => {
    const { page, problems, close } = await openApp(app.browser, `${app.url}#s=two-skills&reps=${REPS}&seed=${SEED}`);
    await page.getByTestId('from-now-1').click();
    const form = page.getByTestId('intraday-form');
    await fillCounts(page, '19:00');
    await form.getByTestId('intraday-waiting-sales-count').fill('-2');
    await form.getByTestId('intraday-inservice-flex-support-count').fill('7'); // 7 in hand, 6 present
    await form.getByTestId('intraday-run').click();
    const slot = (id: string) => form.getByTestId(`${id}-issue`);
    expect(await slot('intraday-now').textContent()).toBe("now: 19:00 is not within the scenario's day (intervals start 08:00 to 15:30)");
    expect(await slot('intraday-waiting-sales-count').textContent()).toBe('waiting.sales.count: must be a whole number of contacts from 0 to 10000, got -2');
    expect(await form.getByTestId('intraday-now').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByTestId('intraday-problems').textContent()).toContain('Nothing was run: 2 problems, each shown at its field.');
    // The focus is on the first field at fault.
    expect(await focused(page)).toBe('intraday-now');
    expect(await cardCount(page)).toBe(1);
    expect(await page.getByTestId('progress').getAttribute('value')).toBe('0');

    // Fixed time and count: the state's own check (the CLI's) names the group whose contacts in
    // hand need more agents than are present.
    await form.getByTestId('intraday-now').fill('11:00');
    await form.getByTestId('intraday-waiting-sales-count').fill('5');
    await form.getByTestId('intraday-run').click();
    await expect.poll(() => slot('intraday-inservice-flex').textContent()).toBe('inService.flex: 7 contacts in hand need 7 agents, but 6 are present (staff)');
    expect(await slot('intraday-now').textContent()).toBe('');
    expect(await cardCount(page)).toBe(1);

    // A pasted state: the CLI's messages, at their paths, next to the text; nothing runs.
    await form.getByTestId('intraday-mode-json').check();
    const bad = { waiting: { sales: [10, -4], billing: [3] }, inService: {}, staf: {} };
    await form.getByTestId('intraday-state-text').fill(JSON.stringify(bad));
    await form.getByTestId('intraday-run').click();
    const cliMessage = await cliRestOfDay(TWO_SKILLS, { now: '11:00', state: bad }).then(
      () => '',
      (error: Error) => error.message,
    );
    const lines = await slot('intraday-state-json').locator('.issue-line').allTextContents();
    expect(lines.length).toBe(3);
    for (const line of lines) expect(cliMessage).toContain(`  ${line}`);
    expect(lines).toContain('waiting.sales[1]: must be a number of seconds >= 0, got -4');
    // A file chosen goes into the text box, where its problems are shown.
    await form.getByTestId('intraday-state-file').setInputFiles({ name: 'state.json', mimeType: 'application/json', buffer: Buffer.from('{ "waiting": ') });
    await expect.poll(() => form.getByTestId('intraday-state-text').inputValue()).toBe('{ "waiting": ');
    await form.getByTestId('intraday-run').click();
    await expect.poll(() => slot('intraday-state-json').textContent()).toMatch(/^state\.json: not valid JSON \(/);
    expect(await cardCount(page)).toBe(1);
    expect(await page.getByTestId('kpi-table').count()).toBe(0);
    expect(problems).toEqual([]);
    await close();
  });

  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1400, height: 900 },
  ]) {
    test(`${viewport.width} px wide, by keyboard: the form opens, fills and runs with no horizontal scroll`, async () => {
      const { page, problems, close } = await openApp(app.browser, `${app.url}#s=two-skills&reps=${REPS}&seed=${SEED}`, viewport);
      await page.getByTestId('from-now-1').focus();
      await page.keyboard.press('Enter');
      const form = page.getByTestId('intraday-form');
      await form.waitFor();
      // The time field has the focus; Tab walks on to the mode choice and the first count.
      expect(await focused(page)).toBe('intraday-now');
      await page.keyboard.type('11:00');
      await page.keyboard.press('Tab');
      expect(await focused(page)).toBe('intraday-mode-form');
      await page.keyboard.press('Tab');
      expect(await focused(page)).toBe('intraday-waiting-sales-count');
      await page.keyboard.type('4');
      await page.keyboard.press('Tab');
      await page.keyboard.type('120');
      const width = () => page.evaluate('[document.documentElement.scrollWidth, document.documentElement.clientWidth]');
      await expect.poll(width).toSatisfy((w: unknown) => Array.isArray(w) && w[0] <= w[1]);
      await page.keyboard.press('Enter'); // submits the form
      await runDone(page, 1);
      expect(await page.getByTestId('scenario-card-2').locator('.description').textContent()).toContain('4 waiting (sales 4), 0 in hand');
      await expect.poll(width).toSatisfy((w: unknown) => Array.isArray(w) && w[0] <= w[1]);
      expect(problems).toEqual([]);
      await close();
    });
  }
});
