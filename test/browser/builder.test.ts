/**
 * End-to-end: the scenario builder in headless Chromium. From blank, a planner makes a center of
 * three contact types (voice, chat, email) and two agent groups through the forms, pastes the
 * volume and the staff grid from a "spreadsheet" (tab-separated rows through the clipboard), sees
 * the Erlang A requirement under each staff cell, uses the scenario and runs it: the page's run
 * is `ccsim run --json` of the saved JSON with the same seed and replications. A bad value is
 * named by its path next to its field and the scenario is refused. Skipped, with one line saying
 * how to install Chromium, where there is none.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { staff } from '../../src/node/api.js';
import { parseScenario, ScenarioError } from '../../src/scenario/index.js';
import { documentFrom } from '../../web/src/builder/scenarioDocument.js';
import { readScenarioToken } from '../../web/src/builder/scenarioLink.js';
import { chromiumPath, noChromium } from './support/chromium.js';
import { downloadOf, openApp } from './support/page.js';
import { useServedApp } from './support/servedApp.js';

const hasChromium = chromiumPath() !== null;
if (!hasChromium) console.warn(noChromium());

const repo = fileURLToPath(new URL('../../', import.meta.url));
const screenshot = process.env['CCSIM_BUILDER_SCREENSHOT'];

/** Where `a` and `b` differ: structure, strings and integers exactly, other numbers beyond 1e-9 (relative). */
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

const field = (page: Page, path: string) => page.locator(`[data-path="${path}"]`);

/** Type `value` into the field at `path` and leave it (so a committed change redraws the form). */
async function setField(page: Page, path: string, value: string): Promise<void> {
  await field(page, path).fill(value);
  await field(page, path).press('Tab');
}

/** Paste `text` at the field at `path` the way a user does: through the clipboard and Ctrl+V. */
async function paste(page: Page, path: string, text: string): Promise<void> {
  await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(text)})`);
  await field(page, path).focus();
  await page.keyboard.press('ControlOrMeta+V');
}

/** Rows of a block as a spreadsheet copies them: cells joined by tabs, rows ending in CRLF. */
const spreadsheet = (rows: readonly (readonly number[])[]) => rows.map((r) => `${r.join('\t')}\r\n`).join('');

const N = 16;
const VOLUME = [
  [60, 75, 90, 110, 120, 118, 110, 100, 95, 90, 88, 85, 80, 75, 70, 60],
  [30, 35, 40, 45, 50, 50, 48, 45, 42, 40, 38, 36, 34, 32, 30, 28],
  [20, 20, 22, 24, 26, 26, 25, 24, 22, 22, 20, 20, 18, 18, 16, 16],
];
const STAFF = [
  [14, 16, 19, 22, 23, 23, 22, 20, 19, 18, 18, 17, 16, 15, 14, 13],
  [6, 7, 8, 8, 9, 9, 9, 8, 8, 8, 7, 7, 7, 6, 6, 6],
];
const REPLICATIONS = 3;
const SEED = 7;

describe.skipIf(!hasChromium)('scenario builder in headless Chromium', () => {
  const app = useServedApp();

  test('from blank: 3 types and 2 groups through the forms, a pasted staff grid with its requirement, run in the page = ccsim run of the saved JSON', async () => {
    const { page, problems, close } = await openApp(app.browser, `${app.url}#s=erlang-check&reps=${REPLICATIONS}&seed=${SEED}`, { width: 1400, height: 900 });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    // Keyboard: the builder opens from its button with Enter.
    await page.getByTestId('build-scenario').focus();
    await page.keyboard.press('Enter');
    const builder = page.getByTestId('builder');
    // Blank: the schema's messages for what is missing, in the summary and at the section.
    expect(await page.getByTestId('builder-summary').locator('li').allTextContents()).toEqual(['contactTypes: must not be empty', 'agentGroups: must not be empty']);
    expect(await page.locator('#b-contactTypes-issue').textContent()).toBe('contactTypes: must not be empty');

    await setField(page, 'name', 'Builder test center');
    for (let i = 0; i < 3; i++) await page.getByTestId('builder-add-type').click();
    for (const [i, id, channel] of [[0, 'calls', 'voice'], [1, 'chat', 'chat'], [2, 'email', 'email']] as const) {
      await setField(page, `contactTypes[${i}].id`, id);
      await field(page, `contactTypes[${i}].channel`).selectOption(channel);
    }
    // Handle times of three kinds; the preview's mean follows.
    await field(page, 'contactTypes[0].handleTime.dist').selectOption('lognormal');
    await setField(page, 'contactTypes[0].handleTime.mean', '240');
    await setField(page, 'contactTypes[0].handleTime.cv', '0.8');
    await setField(page, 'contactTypes[1].handleTime.mean', '420');
    await setField(page, 'contactTypes[1].patience.mean', '300');
    await field(page, 'contactTypes[2].handleTime.dist').selectOption('gamma');
    await setField(page, 'contactTypes[2].handleTime.mean', '600');
    await setField(page, 'contactTypes[2].handleTime.cv', '0.5');
    expect(await page.getByTestId('preview-contactTypes[2].handleTime').getAttribute('data-mean')).toBe('600');
    expect(await page.getByTestId('preview-contactTypes[0].handleTime').locator('svg text.mean-label').textContent()).toBe('mean 4 min');
    await setField(page, 'contactTypes[1].serviceLevel.seconds', '60');
    await setField(page, 'contactTypes[2].serviceLevel.seconds', '14400');
    await setField(page, 'contactTypes[2].serviceLevel.target', '0.9');
    // Email has no patience field: it never abandons.
    expect(await field(page, 'contactTypes[2].patience.dist').count()).toBe(0);

    // Volume: a 3 x 16 block pasted at the first cell.
    await paste(page, 'contactTypes[0].volume[0]', spreadsheet(VOLUME));
    expect(await page.getByTestId('volume-grid-status').textContent()).toBe('Pasted 3 × 16 block at calls 08:00: 48 cells set.');
    expect(await field(page, 'contactTypes[2].volume[15]').inputValue()).toBe('16');

    for (let g = 0; g < 2; g++) await page.getByTestId('builder-add-group').click();
    await setField(page, 'agentGroups[0].id', 'voice-team');
    await setField(page, 'agentGroups[1].id', 'chat-team');
    await setField(page, 'agentGroups[1].concurrency', '2');
    // Skills: a new group serves every type; voice-team keeps calls (priority 1) and email,
    // chat-team keeps chat and takes email after 30 min at 1.2 x the handle time.
    await page.getByTestId('skill-0-1').uncheck();
    await page.getByTestId('skill-1-0').uncheck();
    await setField(page, 'agentGroups[0].skills[0].priority', '1');
    await setField(page, 'agentGroups[1].skills[1].afterSeconds', '1800');
    await setField(page, 'agentGroups[1].skills[1].handleTimeFactor', '1.2');

    // A block that is not all numbers is refused whole; then the staff grid is pasted.
    await paste(page, 'agentGroups[0].staff[0]', '5\t6\n7\tx\n');
    expect(await page.getByTestId('staff-grid-status').textContent()).toBe('Not pasted: row 2, column 2 of the pasted block: "x" is not a number; nothing was pasted.');
    expect(await field(page, 'agentGroups[0].staff[0]').inputValue()).toBe('10');
    await paste(page, 'agentGroups[0].staff[0]', spreadsheet(STAFF));
    expect(await page.getByTestId('staff-grid-status').textContent()).toBe('Pasted 2 × 16 block at voice-team 08:00: 32 cells set.');
    await expect.poll(() => page.getByTestId('builder-summary').getAttribute('data-problems')).toBe('0');
    // Up and down (and Enter) move between the grid's rows.
    await field(page, 'agentGroups[0].staff[5]').focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate("document.activeElement.getAttribute('data-path')")).toBe('agentGroups[1].staff[5]');
    // Text in a cell is kept as typed and named by its path under the grid.
    await field(page, 'agentGroups[1].staff[5]').fill('nine');
    expect(await page.getByTestId('staff-grid').locator('.field-issue').textContent()).toBe('agentGroups[1].staff[5]: must be a number, not a string');
    expect(await field(page, 'agentGroups[1].staff[5]').getAttribute('aria-invalid')).toBe('true');
    await field(page, 'agentGroups[1].staff[5]').fill(String(STAFF[1]![5]));
    expect(await page.getByTestId('builder-summary').textContent()).toMatch(/^✓ Valid: 3 contact types, 2 agent groups, 16 intervals/);

    // The saved JSON is the document the forms made.
    const saved = await downloadOf(page, () => page.getByTestId('builder-save').click());
    expect(saved.name).toBe('builder-test-center.json');
    const doc = JSON.parse(saved.body.toString('utf8')) as Record<string, any>;
    expect(doc['contactTypes'].map((t: Record<string, unknown>) => [t['id'], t['channel'], t['volume']])).toEqual([['calls', 'voice', VOLUME[0]], ['chat', 'chat', VOLUME[1]], ['email', 'email', VOLUME[2]]]);
    expect(doc['contactTypes'][0].handleTime).toEqual({ dist: 'lognormal', mean: 240, cv: 0.8 });
    expect(doc['contactTypes'][2].handleTime).toEqual({ dist: 'gamma', mean: 600, cv: 0.5 });
    expect(doc['contactTypes'][2].patience).toBeUndefined();
    expect(doc['agentGroups']).toEqual([
      { id: 'voice-team', skills: [{ type: 'calls', priority: 1 }, 'email'], staff: STAFF[0] },
      { id: 'chat-team', skills: ['chat', { type: 'email', afterSeconds: 1800, handleTimeFactor: 1.2 }], staff: STAFF[1], concurrency: 2 },
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'ccsim-builder-'));
    const file = join(dir, saved.name);
    writeFileSync(file, saved.body);

    // Under each staff cell: the requirement of ccsim staff --method erlang-a, and "(−k)" when short.
    const plan = await staff(file, { method: 'erlang-a' });
    let short = 0;
    for (const [g, id] of ['voice-team', 'chat-team'].entries()) {
      for (let i = 0; i < N; i++) {
        const need = plan.byGroup[id]!.staff[i]!;
        const gap = need - STAFF[g]![i]!;
        const note = page.getByTestId(`staff-grid-note-${g}-${i}`);
        expect(await note.textContent()).toBe(gap > 0 ? `need ${need} (−${gap})` : `need ${need}`);
        if (gap > 0) short++;
      }
    }
    expect(short).toBeGreaterThan(0);
    expect(short).toBeLessThan(2 * N);
    expect(await page.getByTestId('staff-grid-legend').textContent()).toContain('Counted here: voice-team: calls, email; chat-team: chat.');

    // Every control in the builder has a label.
    const unlabelled = await page.evaluate(`[...document.querySelector('[data-testid="builder"]').querySelectorAll('input, select, textarea')].filter((e) => e.labels.length === 0 && !e.getAttribute('aria-label')).map((e) => e.outerHTML)`);
    expect(await builder.locator('input').count()).toBeGreaterThan(100);
    expect(unlabelled).toEqual([]);

    // A bad value: named by its path next to its field, as ccsim run names it, and "Use" refuses.
    await setField(page, 'contactTypes[0].handleTime.mean', '-5');
    const bad = structuredClone(doc);
    bad['contactTypes'][0].handleTime.mean = -5;
    let cli: string[] = [];
    try {
      parseScenario(bad);
    } catch (error) {
      cli = (error as ScenarioError).issues.map((i) => `${i.path}: ${i.message}`);
    }
    expect(cli).toEqual(['contactTypes[0].handleTime.mean: must be > 0']);
    expect(await page.locator('#b-contactTypes-0-handleTime-mean-issue').textContent()).toBe(cli[0]);
    expect(await field(page, 'contactTypes[0].handleTime.mean').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('builder-summary').locator('li').allTextContents()).toEqual(cli);
    await page.getByTestId('builder-use').click();
    expect(await page.getByTestId('builder-status').textContent()).toMatch(/^Not added: the scenario has 1 problem/);
    expect(await page.getByTestId('scenario-card-2').count()).toBe(0);
    await setField(page, 'contactTypes[0].handleTime.mean', '240');
    expect(await page.locator('#b-contactTypes-0-handleTime-mean-issue').textContent()).toBe('');

    if (screenshot !== undefined) {
      await page.evaluate('window.scrollTo(0, 0)');
      await page.screenshot({ path: screenshot });
    }

    // Use it: a card, in the link; with the baseline removed, Run simulates it alone.
    await page.getByTestId('builder-use').click();
    expect(await page.getByTestId('builder-status').textContent()).toBe('Builder test center was added as scenario 2: press Run to simulate it.');
    expect(await page.getByTestId('scenario-select-2').locator('option:checked').textContent()).toBe('Builder test center (built in the page)');
    await page.getByTestId('remove-1').click();
    const token = /[#&]b=([A-Za-z0-9_-]+)/.exec(page.url())?.[1];
    expect(token).toBeDefined();
    expect(readScenarioToken(token!)).toEqual({ ok: true, raw: doc });
    await page.getByTestId('run').click();
    await page.getByTestId('kpi-table').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('status').textContent()).toMatch(new RegExp(`^Done: 1 scenario × ${REPLICATIONS} replications`));
    const result = await downloadOf(page, () => page.getByTestId('download-json').click());
    expect(result.name).toBe('ccsim-run.json');
    const { stdout } = await promisify(execFile)(process.execPath, ['bin/ccsim.js', 'run', file, '--json', '--seed', String(SEED), '--replications', String(REPLICATIONS)], { cwd: repo });
    const expected = JSON.parse(stdout) as Record<string, any>;
    expect(expected['replications']).toBe(REPLICATIONS);
    expect(Object.keys(expected['byType'])).toEqual(['calls', 'chat', 'email']);
    // Chromium's V8 may round Math.exp/log/pow differently from Node's in the last bit: continuous
    // measures may differ by an ulp or so; the shape and every count are exact.
    expect(differences(JSON.parse(result.body.toString('utf8')), expected)).toEqual([]);
    rmSync(dir, { recursive: true, force: true });

    // The link alone brings the built scenario back, in a fresh page.
    const again = await openApp(app.browser, page.url());
    expect(await again.page.getByTestId('scenario-select').locator('option:checked').textContent()).toBe('Builder test center (built in the page)');
    expect(await again.page.getByTestId('error').isHidden()).toBe(true);
    expect(again.problems).toEqual([]);
    await again.close();

    // On a phone the builder fits: the grids scroll inside their frames, never the page.
    await page.getByTestId('build-scenario').click();
    await page.setViewportSize({ width: 390, height: 800 });
    await expect.poll(() => page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')).toSatisfy((w: unknown) => Array.isArray(w) && w[0] <= w[1]);
    expect(await field(page, 'agentGroups[1].staff[15]').inputValue()).toBe(String(STAFF[1]![15]));
    expect(problems).toEqual([]);
    await close();
  }, 180_000);

  test('every bundled scenario opens valid and unchanged (Save JSON = the file, one number per interval written out); files, intervals, bot, JSON distributions, Undo', async () => {
    const { page, problems, close } = await openApp(app.browser, `${app.url}#s=erlang-check`, { width: 1400, height: 900 });
    await page.getByTestId('build-scenario').click();
    const ids = (await page.getByTestId('builder-start').locator('optgroup option').evaluateAll((os) => os.map((o) => o.getAttribute('value') ?? ''))).sort();
    expect(ids).toEqual(readdirSync(join(repo, 'scenarios')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort());
    for (const id of ids) {
      await page.getByTestId('builder-start').selectOption(id);
      const started = Date.now();
      await page.getByTestId('builder-start-button').click();
      const ms = Date.now() - started;
      expect(await page.getByTestId('builder-summary').getAttribute('data-problems'), id).toBe('0');
      const saved = await downloadOf(page, () => page.getByTestId('builder-save').click());
      expect(JSON.parse(saved.body.toString('utf8')), id).toEqual(documentFrom(JSON.parse(readFileSync(join(repo, 'scenarios', `${id}.json`), 'utf8'))).doc);
      // Drawn and validated at once, even the retail week (336 intervals: 672 grid cells).
      expect(ms, id).toBeLessThan(3000);
    }
    // A file that is not valid loads (the builder is where it is fixed), its problems named by path
    // where they are; text that is not JSON is refused with its line and column, nothing replaced.
    const typo = JSON.parse(readFileSync(join(repo, 'scenarios', 'two-skills.json'), 'utf8')) as Record<string, any>;
    typo['contactTypes'][1].patiance = typo['contactTypes'][1].patience;
    delete typo['contactTypes'][1].patience;
    await page.getByTestId('builder-load').setInputFiles({ name: 'typo.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(typo, null, 2)) });
    await expect.poll(() => page.getByTestId('builder-summary').locator('li').allTextContents()).toEqual(['contactTypes[1].patiance: unknown key (did you mean "patience"?)']);
    expect(await page.locator('#b-contactTypes-1-issue').textContent()).toBe('contactTypes[1].patiance: unknown key (did you mean "patience"?)');
    await page.getByTestId('builder-load').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "name": "x",\n}') });
    await expect.poll(() => page.getByTestId('builder-status').textContent()).toMatch(/^broken\.json was not loaded: \(file\): not valid JSON: .* at line 3 column 1$/);
    expect(await page.getByTestId('builder-summary').locator('li').count()).toBe(1);
    // Too big for a link (the retail week) is said in words.
    await page.getByTestId('builder-start').selectOption('retail-week');
    await page.getByTestId('builder-start-button').click();
    expect(await page.getByTestId('builder-link').getAttribute('data-fits')).toBe('false');
    expect(await page.getByTestId('builder-link').textContent()).toMatch(/^Too big for a link \([\d,]+ characters encoded, more than 8,000\): share it with “Save JSON”\.$/);
    // Groups on shifts keep them: their staff row says where to edit them.
    await page.getByTestId('builder-start').selectOption('ai-deflection');
    await page.getByTestId('builder-start-button').click();
    expect(await page.getByTestId('staff-grid').locator('td.row-note').allTextContents()).toEqual(['staffed by shifts: edit them in the JSON', 'staffed by shifts: edit them in the JSON']);
    // Intervals: once the field is left, the grids take that many columns (the last value repeated).
    await page.getByTestId('builder-start').selectOption('erlang-check');
    await page.getByTestId('builder-start-button').click();
    const erlang = JSON.parse(readFileSync(join(repo, 'scenarios', 'erlang-check.json'), 'utf8')) as Record<string, any>;
    const n = Number(erlang['intervals']);
    await setField(page, 'intervals', String(n + 2));
    expect(await page.getByTestId('staff-grid').locator('thead th').count()).toBe(n + 3);
    const lastStaff = documentFrom(erlang).doc['agentGroups'] as Record<string, any>[];
    expect(await field(page, `agentGroups[0].staff[${n + 1}]`).inputValue()).toBe(String(lastStaff[0]!['staff'][n - 1]));
    expect(await page.getByTestId('builder-summary').getAttribute('data-problems')).toBe('0');
    // A bot: its fields and its session length's preview appear, with the defaults.
    await page.getByTestId('bot-0').check();
    expect(await field(page, 'contactTypes[0].bot.share').inputValue()).toBe('0.5');
    expect(await page.getByTestId('preview-contactTypes[0].bot.duration').getAttribute('data-mean')).toBe('90');
    // Mixture or truncated as JSON: text that is not a distribution is named at the distribution.
    await field(page, 'contactTypes[0].handleTime.dist').selectOption('json');
    const json = page.locator('textarea[data-path="contactTypes[0].handleTime"]');
    expect(JSON.parse(await json.inputValue())).toMatchObject({ dist: 'mixture', of: [{ weight: 1 }] });
    await json.fill('{"dist": "truncated", "of": {"dist": "exponential", "mean": 200}, "max": 600}');
    expect(await page.getByTestId('builder-summary').getAttribute('data-problems')).toBe('0');
    expect(Number(await page.getByTestId('preview-contactTypes[0].handleTime').getAttribute('data-mean'))).toBeLessThan(200);
    await json.fill('{"dist": "truncated", "of": {"dist": "exponential", "mean": 200}}');
    expect(await page.locator('#b-contactTypes-0-handleTime-issue').textContent()).toBe('contactTypes[0].handleTime.max: give min or max (or both)');
    // Start replaces the document; Undo brings back the edited one, edits and all.
    await page.getByTestId('builder-start').selectOption('retail-week');
    await page.getByTestId('builder-start-button').click();
    expect(await field(page, 'name').inputValue()).toBe('Retail week');
    await page.getByTestId('builder-undo').click();
    expect(await field(page, 'name').inputValue()).toBe(erlang['name']);
    expect(await field(page, 'intervals').inputValue()).toBe(String(n + 2));
    expect(await page.getByTestId('bot-0').isChecked()).toBe(true);
    expect(problems).toEqual([]);
    await close();
  }, 120_000);
});
