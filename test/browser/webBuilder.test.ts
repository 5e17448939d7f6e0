/** The scenario builder's pure logic (no browser): the document, pasted blocks, issue placement, the requirement per cell, links. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { staff } from '../../src/node/api.js';
import { parseScenario, ScenarioError } from '../../src/scenario/index.js';
import { cellRequirement } from '../../web/src/builder/cellRequirement.js';
import { densityPreview } from '../../web/src/builder/densityPreview.js';
import { parsePastedBlock, placeBlock } from '../../web/src/builder/gridPaste.js';
import { fieldForIssue, pathPrefixes } from '../../web/src/builder/issueFields.js';
import { addAgentGroup, addContactType, blankDocument, documentFileName, documentFrom, removeContactType, renameContactType, setIntervals, setSkillCell, skillCell, type Json } from '../../web/src/builder/scenarioDocument.js';
import { linkToken, MAX_LINK_TOKEN_CHARS, readScenarioToken, scenarioToken } from '../../web/src/builder/scenarioLink.js';
import { emptyKnobs } from '../../web/src/model/knobs.js';
import { decodeState, encodeState, type ScenarioLinks } from '../../web/src/model/urlState.js';

const scenarioFile = (name: string) => fileURLToPath(new URL(`../../scenarios/${name}.json`, import.meta.url));
const raw = (name: string): Json => JSON.parse(readFileSync(scenarioFile(name), 'utf8')) as Json;

/** The issues parseScenario reports, as `path: message` lines (empty when valid). */
function issues(doc: unknown): string[] {
  try {
    parseScenario(doc);
    return [];
  } catch (error) {
    return (error as ScenarioError).issues.map((i) => `${i.path}: ${i.message}`);
  }
}

describe('parsePastedBlock(text) and placeBlock(block, at, size)', () => {
  test('tab-separated rows with CRLF, a final newline that is no row, empty cells kept as null', () => {
    expect(parsePastedBlock('1\t2\t3\r\n4\t\t6\r\n')).toEqual({ ok: true, rows: [[1, 2, 3], [4, null, 6]] });
  });

  test('one column as lines (LF or CR), one row as tabs, spreadsheet number formats', () => {
    expect(parsePastedBlock('10\n11\n12')).toEqual({ ok: true, rows: [[10], [11], [12]] });
    expect(parsePastedBlock('10\r11')).toEqual({ ok: true, rows: [[10], [11]] });
    expect(parsePastedBlock('7\t8\t9')).toEqual({ ok: true, rows: [[7, 8, 9]] });
    expect(parsePastedBlock(' 1,234\t2.5\t 3 ')).toEqual({ ok: true, rows: [[1234, 2.5, 3]] });
  });

  test('a cell that is not a number refuses the whole paste, naming its row and column', () => {
    expect(parsePastedBlock('1\t2\n3\tabc')).toEqual({ ok: false, message: 'row 2, column 2 of the pasted block: "abc" is not a number; nothing was pasted' });
    expect(parsePastedBlock('08:00\t5')).toMatchObject({ ok: false, message: expect.stringMatching(/^row 1, column 1 .*"08:00"/) });
    expect(parsePastedBlock(' \n')).toEqual({ ok: false, message: 'the clipboard holds no numbers' });
  });

  test('placed at a cell, the block fills from there; cells past the edge are counted, empty cells skipped', () => {
    const block = [[1, 2, 3], [4, null, 6], [7, 8, 9]];
    const placed = placeBlock(block, { row: 1, col: 2 }, { rows: 3, cols: 4 });
    expect(placed.cells).toEqual([
      { row: 1, col: 2, value: 1 },
      { row: 1, col: 3, value: 2 },
      { row: 2, col: 2, value: 4 },
    ]);
    expect(placed.outside).toBe(5);
  });
});

describe('pathPrefixes(path) and fieldForIssue(path, fields)', () => {
  test('prefixes of a path as the CLI writes it, quoted keys included', () => {
    expect(pathPrefixes('contactTypes[0].handleTime.mean')).toEqual(['contactTypes', 'contactTypes[0]', 'contactTypes[0].handleTime', 'contactTypes[0].handleTime.mean']);
    expect(pathPrefixes('agentGroups[1]["odd].key"].x')).toEqual(['agentGroups', 'agentGroups[1]', 'agentGroups[1]["odd].key"]', 'agentGroups[1]["odd].key"].x']);
    expect(pathPrefixes('(root)')).toEqual(['(root)']);
  });

  test('the field with the longest prefix; none when no field is a prefix', () => {
    const fields = new Set(['name', 'contactTypes', 'contactTypes[0]', 'contactTypes[0].handleTime', 'contactTypes[0].handleTime.mean', 'agentGroups[0].staff']);
    expect(fieldForIssue('contactTypes[0].handleTime.mean', fields)).toBe('contactTypes[0].handleTime.mean');
    expect(fieldForIssue('contactTypes[0].handleTime.cv', fields)).toBe('contactTypes[0].handleTime');
    expect(fieldForIssue('contactTypes[0].patiance', fields)).toBe('contactTypes[0]');
    expect(fieldForIssue('agentGroups[0].staff[3]', fields)).toBe('agentGroups[0].staff');
    expect(fieldForIssue('agentGroups[1].id', fields)).toBeUndefined();
    expect(fieldForIssue('contactTypes[10]', fields)).toBe('contactTypes');
    expect(fieldForIssue('(root)', fields)).toBeUndefined();
  });
});

describe('the builder document', () => {
  test('blank: the schema names what is missing; three types and two groups added are a valid scenario', () => {
    const doc = blankDocument();
    expect(issues(doc)).toEqual(['contactTypes: must not be empty', 'agentGroups: must not be empty']);
    for (let i = 0; i < 3; i++) addContactType(doc);
    addAgentGroup(doc);
    addAgentGroup(doc);
    expect(issues(doc)).toEqual([]);
    const s = parseScenario(doc);
    expect(s.contactTypes.map((t) => t.id)).toEqual(['type1', 'type2', 'type3']);
    expect(s.contactTypes[0]!.volume).toEqual(new Array(16).fill(100));
    expect(s.agentGroups.map((g) => [g.id, g.skills, g.staff])).toEqual([
      ['group1', ['type1', 'type2', 'type3'], new Array(16).fill(10)],
      ['group2', ['type1', 'type2', 'type3'], new Array(16).fill(10)],
    ]);
  });

  test('renaming a type renames its skills (short and long form); removing it removes them', () => {
    const doc = blankDocument();
    addContactType(doc);
    addContactType(doc);
    addAgentGroup(doc);
    setSkillCell(doc, 0, 'type2', { afterSeconds: 30, handleTimeFactor: 1.2 });
    renameContactType(doc, 0, 'calls');
    renameContactType(doc, 1, 'chat');
    expect((doc['agentGroups'] as Json[])[0]!['skills']).toEqual(['calls', { type: 'chat', afterSeconds: 30, handleTimeFactor: 1.2 }]);
    expect(skillCell(doc, 0, 'chat')).toEqual({ index: 1, cell: { type: 'chat', afterSeconds: 30, handleTimeFactor: 1.2 } });
    setSkillCell(doc, 0, 'chat', {});
    expect((doc['agentGroups'] as Json[])[0]!['skills']).toEqual(['calls', 'chat']);
    removeContactType(doc, 0);
    expect((doc['agentGroups'] as Json[])[0]!['skills']).toEqual(['chat']);
    setSkillCell(doc, 0, 'chat', null);
    expect(issues(doc)).toContain('agentGroups[0].skills: must not be empty');
  });

  test('setIntervals resizes the grids (the last value repeated, the rest dropped); the schema names a wrong length', () => {
    const doc = blankDocument();
    addContactType(doc);
    addAgentGroup(doc);
    (doc['agentGroups'] as Json[])[0]!['staff'] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
    setIntervals(doc, 18);
    expect((doc['agentGroups'] as Json[])[0]!['staff']).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 16, 16]);
    setIntervals(doc, 4);
    expect((doc['agentGroups'] as Json[])[0]!['staff']).toEqual([1, 2, 3, 4]);
    expect(issues(doc)).toEqual([]);
    doc['intervals'] = 5; // typed, not yet committed: the grids keep their length
    expect(issues(doc)).toEqual(['contactTypes[0].volume: has 4 values, expected 5 (one per interval)', 'agentGroups[0].staff: has 4 values, expected 5 (one per interval)']);
  });

  test('documentFrom: a bundled scenario, one number per interval written out; the same scenario once parsed', () => {
    const twoSkills = raw('two-skills');
    const { doc, issues: merged } = documentFrom(twoSkills);
    expect(merged).toEqual([]);
    expect((doc['agentGroups'] as Json[])[2]!['staff']).toEqual(new Array(16).fill(8));
    const written = raw('two-skills');
    (written['agentGroups'] as Json[])[2]!['staff'] = new Array(16).fill(8);
    expect(parseScenario(doc)).toEqual(parseScenario(written));
    expect(twoSkills['agentGroups']).toEqual(raw('two-skills')['agentGroups']); // the input is untouched
    expect(documentFileName(doc)).toBe('two-skills-with-a-cross-trained-pool.json');
  });

  test('documentFrom merges a forecast CSV into volumes and handle times', () => {
    const withForecast = { ...raw('erlang-check'), forecast: 'day.csv' };
    const ids = (raw('erlang-check')['contactTypes'] as Json[]).map((t) => String(t['id']));
    const n = Number(raw('erlang-check')['intervals']);
    const start = String(raw('erlang-check')['start'] ?? '00:00');
    const minutes = Number(raw('erlang-check')['intervalMinutes']);
    const clock = (i: number) => { const m = Number(start.slice(0, 2)) * 60 + Number(start.slice(3)) + i * minutes; return `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`; };
    const rows = ids.flatMap((id) => Array.from({ length: n }, (_, i) => `${clock(i)},${id},${50 + i},200`));
    const { doc, issues: merged } = documentFrom(withForecast, ['interval_start,type,volume,aht', ...rows].join('\n'));
    expect(merged).toEqual([]);
    expect(doc['forecast']).toBeUndefined();
    expect((doc['contactTypes'] as Json[])[0]!['volume']).toEqual(Array.from({ length: n }, (_, i) => 50 + i));
    expect(issues(doc)).toEqual([]);
  });
});

describe('cellRequirement(scenario)', () => {
  test('two-skills: each group’s figure per interval is ccsim staff --method erlang-a’s plan for the group', async () => {
    const r = cellRequirement(parseScenario(raw('two-skills')));
    if (!r.ok) throw new Error(r.reason);
    const cli = await staff(scenarioFile('two-skills'), { method: 'erlang-a' });
    expect(r.byGroup.map((g) => g.required)).toEqual(['sales-team', 'support-team', 'flex'].map((id) => cli.byGroup[id]!.staff));
    expect(r.byGroup.map((g) => g.types)).toEqual([['sales'], ['support'], []]);
    expect(r.byGroup[0]!.exact).toEqual(cli.byType['sales']!.requiredExact);
    expect(r.method).toEqual({ sales: 'Erlang A', support: 'Erlang A' });
  });
});

describe('densityPreview(spec)', () => {
  test('exponential: bins from the exact CDF up to the 99th percentile, and the mean', () => {
    const p = densityPreview({ dist: 'exponential', mean: 300 });
    expect(p.mean).toBe(300);
    expect(p.p99).toBeCloseTo(-300 * Math.log(0.01), 6);
    const total = p.bins.reduce((s, b) => s + b.p, 0);
    expect(total).toBeCloseTo(1 - Math.exp(-p.bins[p.bins.length - 1]!.x1 / 300), 12);
    expect(p.bins[0]!.p).toBeCloseTo(1 - Math.exp(-p.bins[0]!.x1 / 300), 12);
    for (let k = 1; k < p.bins.length; k++) expect(p.bins[k]!.p).toBeLessThan(p.bins[k - 1]!.p);
  });

  test('a constant puts all its probability in one bin (0 included); a lognormal peaks inside', () => {
    const c = densityPreview({ dist: 'constant', value: 120 });
    expect(c.bins.filter((b) => b.p > 0)).toEqual([expect.objectContaining({ p: 1 })]);
    const zero = densityPreview({ dist: 'constant', value: 0 });
    expect(zero.bins[0]!.p).toBe(1);
    const l = densityPreview({ dist: 'lognormal', mean: 300, cv: 0.5 });
    const top = l.bins.indexOf(l.bins.reduce((a, b) => (b.p > a.p ? b : a)));
    expect(top).toBeGreaterThan(0);
    expect(l.mean).toBeCloseTo(300, 9);
  });
});

describe('scenario links', () => {
  test('a token carries the JSON (any text) and reads back; an altered or foreign one is refused under `url`', () => {
    const doc = { ...raw('two-skills'), name: 'Équipe « café » ☕' };
    const token = scenarioToken(doc);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(readScenarioToken(token)).toEqual({ ok: true, raw: doc });
    expect(readScenarioToken(token.slice(0, -7))).toMatchObject({ ok: false, issue: { path: 'url' } });
    expect(readScenarioToken('not a token!')).toEqual({ ok: false, issue: { path: 'url', message: 'the scenario in the link is not one this page wrote; it was not added' } });
  });

  test('too big for a link: no token, and the size says why', () => {
    const big = raw('retail-week');
    const { token, chars } = linkToken(big);
    expect(token).toBeNull();
    expect(chars).toBeGreaterThan(MAX_LINK_TOKEN_CHARS);
    expect(linkToken(raw('two-skills')).token).toBe(scenarioToken(raw('two-skills')));
  });

  test('the URL hash carries a built card as b=<token> with its knobs, in card order; decoding asks the links for its source', () => {
    const doc = raw('two-skills');
    const token = scenarioToken(doc);
    const links: ScenarioLinks = {
      tokenOf: (source) => (source === 'upload:7' ? token : undefined),
      sourceOf: (t) => (t === token ? 'upload:7' : { path: 'url', message: 'unknown' }),
    };
    const knobs = { ...emptyKnobs(), staff: 0.9 };
    const state = { cards: [{ source: 'retail-day', knobs: emptyKnobs() }, { source: 'upload:7', knobs }, { source: 'upload:8', knobs: emptyKnobs() }], replications: 5, seed: 2, type: null };
    const hash = encodeState(state, {}, links);
    expect(hash).toBe(`#s=retail-day&b=${token},staff:0.9&reps=5&seed=2`);
    expect(decodeState(hash, ['retail-day'], links)).toEqual({ state: { cards: state.cards.slice(0, 2), replications: 5, seed: 2 }, issues: [], run: false });
    // Without links (as before the builder): the built card is left out of the link.
    expect(encodeState(state)).toBe('#s=retail-day&reps=5&seed=2');
    expect(decodeState('#b=zzz', ['retail-day'], links).issues).toEqual([{ path: 'url', message: 'unknown' }]);
  });
});
