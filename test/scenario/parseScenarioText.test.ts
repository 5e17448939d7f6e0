import { describe, expect, it } from 'vitest';
import { parseScenarioText, ScenarioError } from '../../src/scenario/index.js';
import { linesOf, minimal } from './fixtures.js';

describe('parseScenarioText(text, source)', () => {
  it('parses valid JSON text, ignoring a leading BOM', () => {
    const text = `\uFEFF${JSON.stringify(minimal(), null, 2)}`;
    expect(parseScenarioText(text).name).toBe('Minimal');
  });

  it('gives JSON syntax errors a line and column', () => {
    const text = '{\n  "name": "x",\n  "intervals": 2,\n}';
    expect(linesOf(() => parseScenarioText(text))).toEqual([
      '(file): not valid JSON: Expected double-quoted property name at line 4 column 1',
    ]);
  });

  it('locates errors the engine gives no position for', () => {
    expect(linesOf(() => parseScenarioText('{\n  "name": }'))).toEqual([
      "(file): not valid JSON: Unexpected token '}' at line 2 column 11",
    ]);
    expect(linesOf(() => parseScenarioText('{"a": tru}'))).toEqual([
      "(file): not valid JSON: Unexpected token '}' at line 1 column 10",
    ]);
  });

  it('reports empty and truncated text', () => {
    for (const empty of ['', '\uFEFF', ' \n\t\r\n']) {
      expect(linesOf(() => parseScenarioText(empty))).toEqual(['(file): empty file: expected a scenario (a JSON object)']);
    }
    expect(linesOf(() => parseScenarioText('{\n"name": "x"'))).toEqual([
      "(file): not valid JSON: Expected ',' or '}' after property value at line 2 column 12",
    ]);
  });

  it('keeps the source on the error, out of the message', () => {
    let caught: unknown;
    try {
      parseScenarioText('[', 'scenarios/broken.json');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScenarioError);
    expect((caught as ScenarioError).source).toBe('scenarios/broken.json');
    expect((caught as ScenarioError).message.startsWith('(file): not valid JSON: ')).toBe(true);
  });

  it('rejects a top-level non-object', () => {
    expect(linesOf(() => parseScenarioText('[1, 2]'))).toEqual(['(root): must be an object (a scenario), not an array']);
    expect(linesOf(() => parseScenarioText('"scenario"'))).toEqual([
      '(root): must be an object (a scenario), not a string',
    ]);
  });

  it('reports a "__proto__" key as unknown and pollutes nothing', () => {
    const s = minimal();
    const text = JSON.stringify(s).replace('{"name"', '{"__proto__": {"polluted": true}, "name"');
    expect(linesOf(() => parseScenarioText(text))).toEqual(['__proto__: unknown key']);
    const nested = JSON.stringify(s).replace('"mean":180', '"mean":180,"constructor":{"prototype":{"polluted":true}}');
    expect(linesOf(() => parseScenarioText(nested))).toEqual(['contactTypes[0].handleTime.constructor: unknown key']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reports a key written twice in one object', () => {
    const text = JSON.stringify(minimal()).replace('"volume":100', '"volume":100,"volume":200');
    expect(linesOf(() => parseScenarioText(text))).toEqual(['contactTypes[0]: duplicate key "volume"']);
  });
});
