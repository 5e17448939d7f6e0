/**
 * End-to-end: the built web app (vite build) served from 127.0.0.1 and driven in Debian's
 * headless Chromium through playwright-core. Skipped, with one line saying how to install
 * Chromium, where there is none.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { compare, staff } from '../../src/node/api.js';
import { loadScenarioFile } from '../../src/node/loadScenarioFile.js';
import { parseScenarioText, ScenarioError } from '../../src/scenario/index.js';
import { CONTENT_SECURITY_POLICY } from '../../web/src/contentSecurityPolicy.js';
import { emptyKnobs, KNOB_TABLE, setKnob } from '../../web/src/model/knobs.js';
import { encodeState } from '../../web/src/model/urlState.js';
import { chromiumPath, noChromium } from './support/chromium.js';
import { useServedApp } from './support/servedApp.js';
import { downloadOf, openApp } from './support/page.js';

const hasChromium = chromiumPath() !== null;
if (!hasChromium) console.warn(noChromium());

const scenarioFile = (name: string) => fileURLToPath(new URL(`../../scenarios/${name}`, import.meta.url));

/** A small valid scenario (two intervals, one queue) to upload. */
const tiny = (name: string, description?: string) => ({
  name,
  ...(description === undefined ? {} : { description }),
  intervalMinutes: 30,
  intervals: 2,
  start: '09:00',
  contactTypes: [
    {
      id: 'calls',
      channel: 'voice',
      volume: 60,
      handleTime: { dist: 'exponential', mean: 180 },
      patience: { dist: 'exponential', mean: 120 },
      serviceLevel: { seconds: 20, target: 0.8 },
    },
  ],
  agentGroups: [{ id: 'agents', skills: ['calls'], staff: 7 }],
});

/** Where `a` and `b` differ: structure, strings and integers exactly, other numbers beyond 1e-9 (relative, at least 1e-9 absolute). */
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

async function progress(page: Page): Promise<{ value: number; max: number }> {
  const bar = page.getByTestId('progress');
  return { value: Number(await bar.getAttribute('value')), max: Number(await bar.getAttribute('max')) };
}

async function progressValue(page: Page): Promise<number> {
  return (await progress(page)).value;
}

describe.skipIf(!hasChromium)('web app in headless Chromium', () => {
  const app = useServedApp();

  test('loads with the bundled scenarios, retail-day vs chatbot-voice set up, nothing run', async () => {
    const { page, problems, close } = await openApp(app.browser, app.url);
    const select = page.getByTestId('scenario-select');
    const options = await Promise.all((await select.locator('option').all()).map((o) => o.getAttribute('value')));
    expect(options).toEqual(expect.arrayContaining(['retail-day', 'chatbot-voice', 'two-skills', 'erlang-check']));
    expect(await select.inputValue()).toBe('retail-day');
    expect(await page.getByTestId('scenario-select-2').inputValue()).toBe('chatbot-voice');
    await expect.poll(() => page.getByTestId('run').isEnabled()).toBe(true);
    expect(await page.getByTestId('cancel').isDisabled()).toBe(true);
    expect(await page.getByTestId('error').isHidden()).toBe(true);
    expect(await page.getByTestId('kpi-table').count()).toBe(0);
    expect((await progress(page)).value).toBe(0);
    expect(page.url()).toContain('#s=retail-day&s=chatbot-voice');
    expect(problems).toEqual([]);
    await close();
  });

  test('runs one bundled scenario in Web Workers and draws the KPI table and charts', async () => {
    const { page, problems, close } = await openApp(app.browser, `${app.url}#s=two-skills&reps=4&seed=3`);
    expect(await page.getByTestId('scenario-card-2').count()).toBe(0);
    await page.getByTestId('run').click();
    await page.getByTestId('kpi-table').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('status').textContent()).toMatch(/^Done: 1 scenario × 4 replications/);
    expect(await progress(page)).toEqual({ value: 4, max: 4 });
    // 12 summary KPIs, then each contact type's own; one scenario, so no delta column.
    expect(await page.getByTestId('kpi-table').locator('tbody tr[data-kpi]').count()).toBe(12);
    expect(await page.getByTestId('kpi-table').locator('tr[data-type="support"][data-type-kpi="serviceLevel"] th').textContent()).toBe('support service level (%)');
    expect(await page.getByTestId('kpi-table').locator('tr[data-type="sales"][data-type-kpi]').count()).toBe(4);
    expect(await page.getByTestId('kpi-table').locator('td.delta').count()).toBe(0);
    const sl = page.getByTestId('chart-service-level');
    const lines = await Promise.all((await sl.locator('path.mean-line').all()).map((p) => p.getAttribute('d')));
    expect(lines).toHaveLength(1);
    expect(String(lines[0])).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+)+$/);
    expect(await sl.locator('path.ci-band').count()).toBe(1);
    expect(await sl.locator('line.target-line').count()).toBe(1);
    // two-skills: every group x every interval of occupancy cells.
    const scenario = parseScenarioText(readFileSync(scenarioFile('two-skills.json'), 'utf8'));
    expect(await page.getByTestId('chart-occupancy').locator('rect.heat-cell').count()).toBe(scenario.agentGroups.length * scenario.intervals);
    expect(await page.getByTestId('chart-outcomes').locator('g.layer rect').count()).toBe(4 * scenario.intervals);
    for (const id of ['chart-asa', 'chart-abandonment']) expect(await page.getByTestId(id).locator('path.mean-line').count()).toBe(1);
    // Every axis has a title with a unit.
    expect(await sl.locator('text.axis-title').allTextContents()).toEqual(['Service level (% answered within 20 s)', 'Interval start (clock time, 30-minute intervals)']);
    // The workers are gone when the run is over.
    expect(await page.getByTestId('status').getAttribute('data-live-workers')).toBe('0');
    // Keyboard: focus the chart, move the cursor, read the tooltip.
    await sl.locator('svg').focus();
    await page.keyboard.press('ArrowRight');
    const tip = sl.locator('.tooltip');
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toMatch(/^0\d:\d\d–\d\d:\d\d · .*± .* pts/);
    expect(problems).toEqual([]);
    await close();
  });

  test('staffing against requirement: a chart per agent group, the requirement of ccsim staff --method erlang-a, exact values', async () => {
    const { page, problems, close } = await openApp(app.browser, `${app.url}#s=two-skills&reps=2`);
    await page.getByTestId('run').click();
    await page.getByTestId('kpi-table').waitFor({ timeout: 30_000 });
    const section = page.getByTestId('chart-staffing');
    const scenario = parseScenarioText(readFileSync(scenarioFile('two-skills.json'), 'utf8'));
    const ids = scenario.agentGroups.map((g) => g.id);
    expect(await section.locator('figure.chart').evaluateAll((fs) => fs.map((f) => f.getAttribute('data-testid')))).toEqual([...ids.map((id) => `chart-staffing-${id}`), 'chart-staffing-total']);
    const cli = await staff(scenarioFile('two-skills.json'), { method: 'erlang-a' });
    // Each type's requirement counts in its specialist group; the cross-trained pool gets none.
    const assigned: Record<string, string[]> = { 'sales-team': ['sales'], 'support-team': ['support'], flex: [] };
    expect(Object.keys(assigned)).toEqual(ids);
    for (const [gi, id] of ids.entries()) {
      const chart = page.getByTestId(`chart-staffing-${id}`);
      for (const line of ['staff-line', 'required-line', 'required-exact']) expect(await chart.locator(`path.${line}`).count()).toBe(1);
      expect(await chart.locator('text.axis-title').allTextContents()).toEqual(['Agents', 'Time of day (clock time; 30-minute intervals)']);
      const given = scenario.agentGroups[gi]!.staff!;
      const staffed = typeof given === 'number' ? new Array<number>(scenario.intervals).fill(given) : given;
      const required = cli.byGroup[id]!.staff;
      const short = staffed.filter((x, i) => x < required[i]!).length;
      expect(await chart.locator('g.panel').getAttribute('data-short-intervals')).toBe(String(short));
      expect(await chart.locator('g.shortfall rect').count()).toBe(short);
      // Keyboard: the second interval's exact values.
      await chart.locator('svg').focus();
      await page.keyboard.press('ArrowRight');
      const tip = (await chart.locator('.tooltip div').allTextContents()).map((l) => l.trim());
      expect(tip[0]).toBe(`08:30–09:00 · ${id}`);
      expect(tip[2]).toBe(`Staff: ${staffed[1]} agent${staffed[1] === 1 ? '' : 's'}`);
      const exact = assigned[id]!.reduce((sum, t) => sum + cli.byType[t]!.requiredExact[1]!, 0).toFixed(2);
      expect(tip[3]).toBe(`Required (Erlang A): ${required[1]} agent${required[1] === 1 ? '' : 's'} (${exact} real-valued)`);
    }
    // The cross-trained pool carries no type's requirement, and says so.
    expect(await page.getByTestId('chart-staffing-flex').locator('.figure-note').textContent()).toMatch(/no contact type’s requirement counts here: sales and support count in a more specialised group/);
    expect(problems).toEqual([]);
    await close();

    // A scenario with shifts: agents present move inside an interval as breaks come and go.
    const shifts = await openApp(app.browser, `${app.url}#s=ai-deflection&reps=2`);
    await shifts.page.getByTestId('run').click();
    await shifts.page.getByTestId('kpi-table').waitFor({ timeout: 30_000 });
    const voice = shifts.page.getByTestId('chart-staffing-voice-team');
    expect(await voice.locator('.figure-note').textContent()).toMatch(/^Agents present: agents present from the shifts \(on break taken out, shrinkage 12% applied/);
    await voice.locator('svg').focus();
    for (let i = 0; i < 6; i++) await shifts.page.keyboard.press('ArrowRight');
    expect(await voice.locator('.tooltip').textContent()).toMatch(/Staff: \d+\.\d agents on average \(\d+ to \d+ as shifts and breaks change\)/);
    expect(shifts.problems).toEqual([]);
    await shifts.close();
  });

  test('find staffing by simulation: the search runs on the Web Workers, finds ccsim staff’s plan and adds it as a scenario to compare', async () => {
    const { page, problems, close } = await openApp(app.browser, `${app.url}#s=two-skills&reps=4&seed=1`);
    await page.getByTestId('run').click();
    await page.getByTestId('kpi-table').waitFor({ timeout: 30_000 });
    await page.getByTestId('find-staffing-1').click();
    await expect.poll(() => page.getByTestId('status').textContent(), { timeout: 60_000 }).toMatch(/^Staffing found for Two skills with a cross-trained pool: /);
    const cli = await staff(scenarioFile('two-skills.json'), { replications: 4, seed: 1, workers: 2 });
    const status = String(await page.getByTestId('status').textContent());
    expect(status).toContain(`${cli.plan.evaluations} simulations`);
    expect(status).toContain(`${cli.plan.targets!.met} of ${cli.plan.targets!.pairs} (interval, type) pairs meet every target`);
    expect(status).toContain('It was added as scenario 2: press Run to compare.');
    // The plan's notes, as ccsim staff prints them (here: the cross-trained pool left empty).
    expect(status).toMatch(/Notes: flex gets no agents in any interval: .* give flex a minStaff to keep it staffed\.$/);
    expect(cli.notes.join(' ')).toContain('flex gets no agents');
    expect(await page.getByTestId('progress-text').textContent()).toMatch(new RegExp(`^${cli.plan.evaluations} simulations · `));
    expect(await page.getByTestId('status').getAttribute('data-live-workers')).toBe('0');
    expect(await page.getByTestId('run').isEnabled()).toBe(true);
    expect(await page.getByTestId('scenario-select-2').locator('option:checked').textContent()).toBe('Two skills with a cross-trained pool (staffed by simulation)');
    // The plan is the one `ccsim staff` finds for the same replications and seed.
    const saved = await downloadOf(page, () => page.getByTestId('download-scenario-2').click());
    const found = parseScenarioText(saved.body.toString('utf8'));
    expect(Object.fromEntries(found.agentGroups.map((g) => [g.id, g.staff]))).toEqual(Object.fromEntries(Object.entries(cli.byGroup).map(([id, g]) => [id, g.staff])));
    // Compared with the original: both in every chart, the staffing chart included.
    await page.getByTestId('run').click();
    await expect.poll(() => page.getByTestId('chart-staffing-total').locator('g.panel').count(), { timeout: 30_000 }).toBe(2);
    expect(await page.getByTestId('kpi-table').locator('thead th').nth(2).textContent()).toBe('Two skills with a cross-trained pool (staffed by simulation)');
    expect(problems).toEqual([]);
    await close();
  });

  test('cancel stops a staffing search at once, terminates the workers and adds nothing', async () => {
    const { page, problems, close } = await openApp(app.browser, `${app.url}#s=retail-day&reps=2`);
    await page.getByTestId('run').click();
    await page.getByTestId('kpi-table').waitFor({ timeout: 30_000 });
    await page.getByTestId('replications').fill('400');
    await page.getByTestId('find-staffing-1').click();
    expect(await page.getByTestId('run').isDisabled()).toBe(true);
    expect(await page.getByTestId('find-staffing-1').isDisabled()).toBe(true);
    await expect.poll(() => progressValue(page), { timeout: 20_000 }).toBeGreaterThan(0);
    // Redrawn while the search runs (another contact type), its buttons stay disabled.
    await page.getByTestId('type-select').selectOption('chat');
    expect(await page.getByTestId('find-staffing-1').isDisabled()).toBe(true);
    await page.getByTestId('cancel').click();
    await expect.poll(() => page.getByTestId('status').textContent()).toMatch(/^Staffing search cancelled during simulation \d+; the workers were stopped \(0 running\)\.$/);
    expect(await page.getByTestId('status').getAttribute('data-live-workers')).toBe('0');
    expect(await page.getByTestId('run').isEnabled()).toBe(true);
    expect(await page.getByTestId('find-staffing-1').isEnabled()).toBe(true);
    expect(await page.getByTestId('scenario-card-2').count()).toBe(0);
    const stoppedAt = await progressValue(page);
    await page.waitForTimeout(600);
    expect(await progressValue(page)).toBe(stoppedAt);
    // The results of the run before are still there.
    expect(await page.getByTestId('kpi-table').count()).toBe(1);
    expect(problems).toEqual([]);
    await close();
  });

  test('compares retail-day with chatbot-voice: paired deltas, the same numbers as the Node API', async () => {
    const { page, problems, close } = await openApp(app.browser, app.url);
    await page.getByTestId('scenario-select').selectOption('retail-day');
    await page.getByTestId('scenario-select-2').selectOption('chatbot-voice');
    await page.getByTestId('replications').fill('3');
    await page.getByTestId('seed').fill('5');
    await page.getByTestId('run').click();
    await page.getByTestId('kpi-table').waitFor({ timeout: 30_000 });
    const table = page.getByTestId('kpi-table');
    const head = await table.locator('thead th').allTextContents();
    expect(head).toEqual(['KPI', 'Retail day (baseline)', 'Retail day with a voice bot', 'Δ vs baseline']);
    const slDelta = await table.locator('tr[data-kpi="serviceLevel"] td.delta').textContent();
    expect(slDelta).toMatch(/^[+−]\d+\.\d pts ± \d+\.\d pts/);
    expect(await page.getByTestId('chart-service-level').locator('path.mean-line').count()).toBe(2);
    expect(await page.getByTestId('chart-occupancy').locator('rect.heat-cell').count()).toBe(2 * 2 * 24);

    // The JSON download is the document `ccsim compare --json` prints for the same input.
    const { name, body } = await downloadOf(page, () => page.getByTestId('download-json').click());
    expect(name).toBe('ccsim-compare.json');
    const expected = await compare([scenarioFile('retail-day.json'), scenarioFile('chatbot-voice.json')], { replications: 3, seed: 5, workers: 1 });
    // Chromium's V8 rounds Math.exp/log/pow differently from Node 20's in the last bit now and
    // then, so continuous measures may differ by an ulp or so; the shape and the counts are exact.
    expect(differences(JSON.parse(body.toString('utf8')), JSON.parse(JSON.stringify(expected)))).toEqual([]);
    const sl = expected.deltas[0]!.summary.serviceLevel;
    expect(slDelta).toContain(`${(Math.abs(sl.mean!) * 100).toFixed(1)} pts ± ${(sl.ci95! * 100).toFixed(1)} pts`);

    // Per contact type, with the per-type paired deltas: calls' ASA falls by far more than the
    // pooled ASA, which mixes calls (20 s) with email (4 h).
    expect(await page.getByTestId('kpi-mix-note').textContent()).toBe('Pooled service level and ASA mix calls (20 s), chat (60 s), email (4 h): read the rows of each contact type below.');
    expect(await table.locator('tr[data-type="calls"][data-type-kpi="asa"] th').textContent()).toBe('calls ASA (s)');
    const callsAsa = await table.locator('tr[data-type="calls"][data-type-kpi="asa"] td').allTextContents();
    const [a, b] = [expected.runs[0]!.byType['calls']!.asa, expected.runs[1]!.byType['calls']!.asa];
    const d = expected.deltas[0]!.byType['calls']!.asa;
    expect(callsAsa.slice(0, 2)).toEqual([`${a.mean!.toFixed(1)} s ± ${a.ci95!.toFixed(1)} s`, `${b.mean!.toFixed(1)} s ± ${b.ci95!.toFixed(1)} s`]);
    expect(callsAsa[2]).toMatch(new RegExp(`^−${Math.abs(d.mean!).toFixed(1)} s ± ${d.ci95!.toFixed(1)} s`));
    expect(d.mean! + d.ci95!).toBeLessThan(0);
    expect(await table.locator('tr[data-type="email"][data-type-kpi="serviceLevel"] td.delta').count()).toBe(1);

    // CSV and chart exports.
    const csv = await downloadOf(page, () => page.getByTestId('download-summary-csv').click());
    expect(csv.body.toString('utf8').split('\n')[0]).toBe('scenario,scope,kpi,mean,ci95,n,delta_vs_baseline,delta_ci95');
    const callsAsaCsv = csv.body.toString('utf8').split('\n').find((l) => l.startsWith('Retail day with a voice bot,type:calls,asa,'))!.split(',');
    expect(Number(callsAsaCsv[6])).toBeCloseTo(d.mean!, 6);
    expect(Number(callsAsaCsv[7])).toBeCloseTo(d.ci95!, 6);
    const svg = await downloadOf(page, () => page.getByTestId('chart-service-level').getByTestId('export-svg').click());
    expect(svg.name).toBe('service-level-calls.svg');
    expect(svg.body.toString('utf8')).toMatch(/^<\?xml[^>]*>\n<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const png = await downloadOf(page, () => page.getByTestId('chart-occupancy').getByTestId('export-png').click());
    expect(png.body.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(problems).toEqual([]);
    await close();
  });

  test('an invalid upload shows the CLI’s path-named errors and nothing runs', async () => {
    const { page, problems, close } = await openApp(app.browser, app.url);
    const bad = JSON.parse(readFileSync(scenarioFile('retail-day.json'), 'utf8')) as { contactTypes: Record<string, unknown>[] };
    bad.contactTypes[0]!['handleTime'] = { dist: 'lognormal', mean: -300, cv: 0.9 };
    bad.contactTypes[1]!['patiance'] = { dist: 'exponential', mean: 300 };
    const text = JSON.stringify(bad, null, 2);
    let cliLines: string[] = [];
    try {
      parseScenarioText(text, 'bad.json');
    } catch (error) {
      cliLines = (error as ScenarioError).issues.map((i) => `${i.path}: ${i.message}`);
    }
    expect(cliLines.length).toBeGreaterThanOrEqual(2);
    await page.getByTestId('upload').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    const error = page.getByTestId('error');
    await error.waitFor({ state: 'visible' });
    expect(await error.locator('li').allTextContents()).toEqual(cliLines);
    expect(await error.textContent()).toContain('contactTypes[1].patiance: unknown key (did you mean "patience"?)');
    expect(await page.getByTestId('scenario-card-3').count()).toBe(0);

    await page.getByTestId('run').click();
    expect(await page.getByTestId('status').textContent()).toMatch(/^Not run/);
    expect(await page.getByTestId('kpi-table').count()).toBe(0);
    expect((await progress(page)).value).toBe(0);

    // Not JSON at all: the line and column, under (file).
    await page.getByTestId('upload').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "name": "x",\n}') });
    await expect.poll(() => error.locator('li').first().textContent()).toMatch(/^\(file\): not valid JSON: .* at line 3 column 1$/);
    await page.getByTestId('error-dismiss').click();
    expect(await error.isHidden()).toBe(true);
    expect(problems).toEqual([]);
    await close();
  });

  test('a what-if knob out of range is named by its path; fixed, the variant runs against its baseline', async () => {
    const { page, problems, close } = await openApp(app.browser, `${app.url}#s=two-skills&s=two-skills&reps=2`);
    const card = page.getByTestId('scenario-card-2');
    await card.locator('summary').click();
    await card.getByTestId('knob-sl-sales').fill('1.5');
    const error = page.getByTestId('error');
    await error.waitFor({ state: 'visible' });
    expect(await error.locator('li').allTextContents()).toEqual([expect.stringMatching(/^contactTypes\[0\]\.serviceLevel\.target: /)]);
    expect(page.url()).toContain('s=two-skills,sl.sales:1.5');
    await page.getByTestId('run').click();
    expect(await page.getByTestId('kpi-table').count()).toBe(0);

    await card.getByTestId('knob-sl-sales').fill('');
    await card.getByTestId('knob-staff').fill('0.8');
    expect(await error.isHidden()).toBe(true);
    await page.getByTestId('run').click();
    await page.getByTestId('kpi-table').waitFor({ timeout: 30_000 });
    const head = await page.getByTestId('kpi-table').locator('thead th').allTextContents();
    expect(head[2]).toBe('Two skills with a cross-trained pool (staff ×0.8)');
    // Fewer agents: occupancy up, clearly.
    expect(await page.getByTestId('kpi-table').locator('tr[data-kpi="occupancy"] td.delta').textContent()).toMatch(/^\+/);
    // The link reproduces the set-up and runs it.
    const link = await page.getByTestId('share-link').inputValue();
    expect(link).toMatch(/#s=two-skills&s=two-skills,staff:0\.8&reps=2&seed=1&run=1$/);
    expect(problems).toEqual([]);
    await close();
  });

  test('the what-if form has a field for every knob of the table, each reaching the link; text that is not a number is named until the card is redrawn', async () => {
    const { page, problems, close } = await openApp(app.browser, `${app.url}#s=retail-day&reps=2`);
    const card = page.getByTestId('scenario-card-1');
    await card.locator('summary').click();
    const raw = JSON.parse(readFileSync(scenarioFile('retail-day.json'), 'utf8')) as Record<'contactTypes' | 'agentGroups', { id: string }[]>;
    const knobs = emptyKnobs();
    for (const spec of KNOB_TABLE) {
      // 1 is a valid value of every knob; a knob by id is set on the first type or group.
      const id = spec.kind === 'multiplier' ? '' : raw[spec.on][0]!.id;
      await card.getByTestId(id === '' ? `knob-${spec.name}` : `knob-${spec.name}-${id}`).fill('1');
      setKnob(knobs, spec, id, 1);
    }
    // The address bar follows the page a moment later (history.replaceState), hence the polls.
    await expect.poll(() => page.url()).toContain(encodeState({ cards: [{ source: 'retail-day', knobs }], replications: 2, seed: 1, type: null }));
    const error = page.getByTestId('error');
    expect(await error.isHidden()).toBe(true);

    // "1e" is no number: the browser keeps the text but gives the page no value.
    const volume = card.getByTestId('knob-volume');
    await volume.fill('');
    await volume.pressSequentially('1e');
    await expect.poll(() => error.locator('li').allTextContents()).toEqual(['what if: Volume: not a number']);
    await expect.poll(() => page.url()).not.toContain('vol:');
    await page.getByTestId('run').click();
    expect(await page.getByTestId('status').textContent()).toBe('Not run: the input has problems (listed above).');
    // Redrawn (another card added), the field is empty again, and so is the list of problems.
    await page.getByTestId('add-scenario').click();
    expect(await page.getByTestId('scenario-card-1').getByTestId('knob-volume').inputValue()).toBe('');
    expect(await error.isHidden()).toBe(true);
    expect(problems).toEqual([]);
    await close();
  });

  test('a forecast CSV on a card: its errors are named like the CLI’s; once valid, the variant runs', async () => {
    const { page, problems, close } = await openApp(app.browser, `${app.url}#s=two-skills&s=two-skills&reps=2`);
    const card = page.getByTestId('scenario-card-2');
    await card.locator('summary').click();
    const clock = (i: number) => `${String(8 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 === 0 ? '00' : '30'}`;
    const rows = (volume: (i: number) => string) => Array.from({ length: 16 }, (_, i) => `${clock(i)},sales,${volume(i)},240`);
    const bad = ['interval_start,type,volume,aht', ...rows((i) => (i === 1 ? '-4' : '100'))].join('\n');
    await card.getByTestId('forecast-upload-2').setInputFiles({ name: 'sales.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    const error = page.getByTestId('error');
    await error.waitFor({ state: 'visible' });
    expect(await error.locator('li').allTextContents()).toEqual(['forecast: sales.csv row 3, column "volume": must be a number >= 0, not "-4"']);

    const good = ['interval_start,type,volume,aht', ...rows(() => '100')].join('\n');
    await page.getByTestId('scenario-card-2').getByTestId('forecast-upload-2').setInputFiles({ name: 'sales.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await expect.poll(() => error.isHidden()).toBe(true);
    await page.getByTestId('run').click();
    await page.getByTestId('kpi-table').waitFor({ timeout: 30_000 });
    expect((await page.getByTestId('kpi-table').locator('thead th').allTextContents())[2]).toBe('Two skills with a cross-trained pool (forecast sales.csv)');
    // 16 intervals x 100 sales contacts instead of the scenario's 3,760: far fewer arrivals.
    expect(await page.getByTestId('kpi-table').locator('tr[data-kpi="arrivals"] td.delta').textContent()).toMatch(/^−2,\d\d\d/);
    expect(problems).toEqual([]);
    await close();
  });

  test('an uploaded scenario that reads its volumes from a forecast CSV asks for that file in plain words; given it, it runs', async () => {
    const { page, problems, close } = await openApp(app.browser, `${app.url}#s=two-skills&reps=2`);
    // No volumes in the file: they are all in the forecast it names.
    const { volume: _, ...calls } = tiny('x').contactTypes[0]!;
    const scenario = { ...tiny('Forecast day'), forecast: 'data/forecast.csv', contactTypes: [calls] };
    await page.getByTestId('upload').setInputFiles({ name: 'forecast-day.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
    const card = page.getByTestId('scenario-card-2');
    await card.waitFor();
    const ask = 'This scenario reads its volumes from forecast.csv: choose that file';
    expect(await card.getByTestId('forecast-wanted-2').textContent()).toBe(`${ask}.`);
    expect(await card.getByTestId('forecast-upload-2').isVisible()).toBe(true);
    expect(await page.getByTestId('status').textContent()).toBe(`forecast-day.json was added as scenario 2. ${ask} (“Forecast CSV” under “What if…” on its card).`);
    const error = page.getByTestId('error');
    expect(await error.locator('li').allTextContents()).toEqual([
      'forecast: this scenario reads its volumes from forecast.csv: choose that file (“Forecast CSV” under “What if…” on its card)',
    ]);
    // Not the API's advice (loadScenarioFile, "pass the CSV text"), which a page user cannot follow.
    expect(await page.locator('body').textContent()).not.toMatch(/loadScenarioFile|CSV text/);
    await page.getByTestId('run').click();
    expect(await page.getByTestId('kpi-table').count()).toBe(0);

    const csv = 'interval_start,type,volume,aht\n09:00,calls,40,\n09:30,calls,80,\n';
    await card.getByTestId('forecast-upload-2').setInputFiles({ name: 'forecast.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => error.isHidden()).toBe(true);
    expect(await card.getByTestId('forecast-wanted-2').count()).toBe(0);
    await page.getByTestId('run').click();
    await page.getByTestId('kpi-table').waitFor({ timeout: 30_000 });
    expect((await page.getByTestId('kpi-table').locator('thead th').allTextContents())[2]).toBe('Forecast day');
    expect(problems).toEqual([]);
    await close();
  });

  test('a volume what-if of ×110 asks whether +10% (×1.1) was meant before running; ×1.1 runs at once', async () => {
    const { page, problems, close } = await openApp(app.browser, `${app.url}#s=two-skills&s=two-skills&reps=2`);
    const card = page.getByTestId('scenario-card-2');
    await card.locator('summary').click();
    await card.getByTestId('knob-volume').fill('110');
    await page.getByTestId('run').click();
    const confirm = page.getByTestId('confirm-multiplier');
    await confirm.waitFor();
    expect(await confirm.locator('li').allTextContents()).toEqual(['Scenario 2: ×110 multiplies volume by 110: did you mean +10% (×1.1)?']);
    expect(await page.getByTestId('status').textContent()).toMatch(/^Not run yet: /);
    expect((await progress(page)).value).toBe(0);
    expect(await page.getByTestId('kpi-table').count()).toBe(0);

    // "Run as typed" goes ahead with ×110.
    await page.getByTestId('confirm-as-typed').click();
    expect(await page.getByTestId('run').isDisabled()).toBe(true);
    expect(await page.getByTestId('status').textContent()).toBe('Running…');
    await page.getByTestId('cancel').click();
    await expect.poll(() => page.getByTestId('run').isEnabled()).toBe(true);

    // The suggestion: the field becomes 1.1 and the run goes ahead.
    await page.getByTestId('run').click();
    await page.getByTestId('confirm-suggested').click();
    await page.getByTestId('kpi-table').waitFor({ timeout: 30_000 });
    expect((await page.getByTestId('kpi-table').locator('thead th').allTextContents())[2]).toBe('Two skills with a cross-trained pool (volume ×1.1)');
    expect(await page.getByTestId('scenario-card-2').getByTestId('knob-volume').inputValue()).toBe('1.1');

    // 1.1 typed: no question.
    await page.getByTestId('run').click();
    await expect.poll(() => page.getByTestId('status').textContent(), { timeout: 30_000 }).toMatch(/^Done: 2 scenarios/);
    expect(await confirm.count()).toBe(0);
    expect(problems).toEqual([]);
    await close();
  });

  test('files that are not UTF-8 are refused with the CLI’s message (byte, line, column), never decoded with replacement characters', async () => {
    const { page, problems, close } = await openApp(app.browser, `${app.url}#s=two-skills&reps=2`);
    const latin1 = Buffer.from(JSON.stringify(tiny('Café'), null, 2), 'latin1');
    const path = join(mkdtempSync(join(tmpdir(), 'ccsim-latin1-')), 'cafe.json');
    writeFileSync(path, latin1);
    const cli = await loadScenarioFile(path).then(() => '', (e: Error) => e.message);
    expect(cli).toBe(`${path}: invalid scenario (1 problem)\n  (file): not valid UTF-8: byte 0xE9 at line 2 column 15 (save the file as UTF-8)`);
    await page.getByTestId('upload').setInputFiles({ name: 'cafe.json', mimeType: 'application/json', buffer: latin1 });
    const error = page.getByTestId('error');
    await error.waitFor({ state: 'visible' });
    expect(await error.locator('li').allTextContents()).toEqual(['(file): not valid UTF-8: byte 0xE9 at line 2 column 15 (save the file as UTF-8)']);
    expect(await page.getByTestId('scenario-card-2').count()).toBe(0);

    const card = page.getByTestId('scenario-card-1');
    await card.locator('summary').click();
    await card.getByTestId('forecast-upload-1').setInputFiles({ name: 'ventes.csv', mimeType: 'text/csv', buffer: Buffer.from('interval_start,type,volume,aht\n08:00,sal\u00e9s,1,2\n', 'latin1') });
    await expect.poll(() => error.locator('li').allTextContents()).toEqual(['forecast: ventes.csv: not valid UTF-8: byte 0xE9 at line 2 column 10 (save the file as UTF-8)']);
    expect(await error.textContent()).toContain('ventes.csv cannot be read as a forecast; it was not attached');
    expect(problems).toEqual([]);
    await close();
  });

  test('a scenario named like markup is shown as text, never run as HTML', async () => {
    const { page, problems, close } = await openApp(app.browser, `${app.url}#s=two-skills&reps=2`);
    const name = '<img src=x onerror=alert(1)>';
    const description = '<script>alert(2)</script><b onmouseover=alert(3)>bold</b>';
    await page.getByTestId('upload').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tiny(name, description))) });
    await page.getByTestId('scenario-card-2').waitFor();
    expect(await page.getByTestId('scenario-select-2').locator('option:checked').textContent()).toBe(`${name} (uploaded x.json)`);
    expect(await page.getByTestId('scenario-card-2').locator('.description').textContent()).toBe(description);
    await page.getByTestId('remove-1').click();
    await page.getByTestId('run').click();
    await page.getByTestId('kpi-table').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('kpi-table').locator('thead th').nth(1).textContent()).toBe(name);
    // In the SVG charts too: the staffing panel's heading and its tooltip.
    const staffing = page.getByTestId('chart-staffing-agents');
    expect(await staffing.locator('.panel-head tspan').first().textContent()).toBe(name);
    await staffing.locator('svg').focus();
    expect(await staffing.locator('.tooltip div').nth(1).textContent()).toBe(name);
    expect(await page.locator('img, script:not([src]), b').count()).toBe(0);
    await page.mouse.move(10, 10);
    expect(problems).toEqual([]);
    await close();
  });

  test('the built page carries a strict Content-Security-Policy, and a whole session breaks none of it', async () => {
    const html = await (await fetch(app.url)).text();
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
    const policy = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));
    expect(Object.fromEntries(policy)).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'worker-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
    });
    // Before the first script and stylesheet it governs; the page has no inline script or style.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.search(/<script|<link rel="stylesheet"/));
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=/);

    const { page, problems, close } = await openApp(app.browser, `${app.url}#s=retail-day&s=chatbot-voice&reps=3`);
    await page.getByTestId('run').click();
    await page.getByTestId('kpi-table').waitFor({ timeout: 30_000 });
    // Every chart's keyboard cursor and tooltip (styles set through the CSSOM), then the exports.
    for (const chart of await page.locator('figure.chart svg').all()) {
      await chart.focus();
      await page.keyboard.press('ArrowRight');
    }
    await page.getByTestId('type-select').selectOption('chat');
    const png = await downloadOf(page, () => page.getByTestId('chart-staffing-voice-team').getByTestId('export-png').click());
    expect(png.body.subarray(1, 4).toString('latin1')).toBe('PNG');
    const svg = await downloadOf(page, () => page.getByTestId('chart-staffing-voice-team').getByTestId('export-svg').click());
    expect(svg.name).toBe('staffing-voice-team.svg');
    await downloadOf(page, () => page.getByTestId('download-summary-csv').click());
    // A staffing search on the workers, then the found scenario compared.
    await page.getByTestId('replications').fill('2');
    await page.getByTestId('find-staffing-1').click();
    await expect.poll(() => page.getByTestId('status').textContent(), { timeout: 60_000 }).toMatch(/^Staffing found/);
    await page.getByTestId('run').click();
    await expect.poll(() => page.getByTestId('kpi-table').locator('thead th').count(), { timeout: 30_000 }).toBe(6);
    expect(problems).toEqual([]);

    // The policy is enforced, and a violation would have been seen: eval, an inline script, a
    // style attribute and a blob: worker are refused and reported.
    // (Page code as a string: this file is compiled without the DOM library. The string timer
    // stands for eval: code evaluated by the test driver itself is exempt from the page's CSP.)
    const refused = await page.evaluate(`(async () => {
      setTimeout('window.evalRan = true', 0);
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.head.appendChild(script);
      const div = document.createElement('div');
      div.setAttribute('style', 'color: rgb(255, 0, 0)');
      document.body.appendChild(div);
      const worker = await new Promise((resolve) => {
        try {
          const w = new Worker(URL.createObjectURL(new Blob(['postMessage(1)'], { type: 'text/javascript' })));
          w.onmessage = () => resolve(true);
          w.onerror = () => resolve(false);
        } catch {
          resolve(false);
        }
        setTimeout(() => resolve('no answer'), 3000);
      });
      await new Promise((r) => setTimeout(r, 100));
      return { evaluated: window.evalRan === true, inline: window.inlineRan === true, red: getComputedStyle(div).color === 'rgb(255, 0, 0)', worker };
    })()`);
    expect(refused).toEqual({ evaluated: false, inline: false, red: false, worker: false });
    await expect.poll(() => problems.filter((p) => p.startsWith('console: CSP violation')).map((p) => p.split(' ')[3]).sort()).toEqual(['script-src', 'script-src-elem', 'style-src-attr', 'worker-src']);
    await close();
  });

  test('a worker that fails to start fails the run with its message instead of hanging', async () => {
    const { page, problems, close } = await openApp(app.browser, `${app.url}#s=two-skills&reps=4`);
    await page.route(/replicationWorker-[^/]*\.js$/, (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: 'throw new Error("worker boom")' }),
    );
    await page.getByTestId('run').click();
    await expect.poll(() => page.getByTestId('status').textContent(), { timeout: 20_000 }).toMatch(/^The run failed: replication \d+ failed \(worker \d+\): worker error: .*worker boom/);
    expect(await page.getByTestId('error').textContent()).toMatch(/^The run failed: .*worker boom/);
    expect(await page.getByTestId('status').getAttribute('data-live-workers')).toBe('0');
    expect(await page.getByTestId('run').isEnabled()).toBe(true);
    expect(await page.getByTestId('kpi-table').count()).toBe(0);
    expect(problems.filter((p) => !p.includes('worker boom'))).toEqual([]);
    await close();
  });

  test('a run above the run-size limits waits for "Run anyway"; one beyond the hard limits is refused outright', async () => {
    const { page, problems, close } = await openApp(app.browser, `${app.url}#s=two-skills&reps=1000`);
    const big = { ...tiny('big day'), contactTypes: [{ ...tiny('x').contactTypes[0]!, volume: 2e5 }], agentGroups: [{ id: 'agents', skills: ['calls'], staff: 2000 }] };
    await page.getByTestId('upload').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(big)) });
    await page.getByTestId('scenario-card-2').waitFor();
    await page.getByTestId('run').click();
    const refusal = page.getByTestId('too-large');
    await refusal.waitFor();
    // The CLI's message, less its "--force" advice: 4e5 contacts x 1000 replications plus two-skills'.
    expect(await refusal.locator('p').textContent()).toMatch(/^Not run: this run would simulate about 4\.\de8 contacts \(limit 2e8\)\.$/);
    expect(await page.getByTestId('status').textContent()).toBe('Not run: larger than the usual limits (Run anyway goes ahead).');
    expect((await progress(page)).value).toBe(0);
    await page.getByTestId('run-anyway').click();
    await expect.poll(() => progressValue(page), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.getByTestId('cancel').click();
    await expect.poll(() => page.getByTestId('status').textContent()).toMatch(/^Cancelled after \d+ of 2000 replications/);

    const flood = { ...tiny('flood'), contactTypes: [{ ...tiny('x').contactTypes[0]!, volume: 1e300 }] };
    await page.getByTestId('upload').setInputFiles({ name: 'flood.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(flood)) });
    await page.getByTestId('scenario-card-3').waitFor();
    await page.getByTestId('run').click();
    await refusal.waitFor();
    expect(await refusal.locator('p').textContent()).toContain('scenario "flood": about 2e300 contacts per replication, more than ccsim can run (1e11, even with --force');
    expect(await page.getByTestId('run-anyway').count()).toBe(0);
    expect(await page.getByTestId('status').textContent()).toBe('Not run: beyond what ccsim can run.');
    expect(problems).toEqual([]);
    await close();
  });

  test('cancel stops a long run at once and terminates the workers', async () => {
    const { page, problems, close } = await openApp(app.browser, `${app.url}#s=retail-day&s=chatbot-voice&reps=1000`);
    await page.getByTestId('run').click();
    expect(await page.getByTestId('run').isDisabled()).toBe(true);
    await expect.poll(() => progressValue(page), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.getByTestId('cancel').click();
    await expect.poll(() => page.getByTestId('status').textContent()).toMatch(/^Cancelled after \d+ of 2000 replications; the workers were stopped \(0 running\)\.$/);
    expect(await page.getByTestId('status').getAttribute('data-live-workers')).toBe('0');
    expect(await page.getByTestId('run').isEnabled()).toBe(true);
    expect(await page.getByTestId('cancel').isDisabled()).toBe(true);
    expect(await page.getByTestId('kpi-table').count()).toBe(0);
    const stoppedAt = await progressValue(page);
    await page.waitForTimeout(600);
    expect(await progressValue(page)).toBe(stoppedAt);
    expect(problems).toEqual([]);
    await close();
  });
});
