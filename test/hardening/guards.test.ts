/**
 * One test per guard added by the hardening work (issue 8): each fails if its guard is removed.
 * Big hostile files (10 MB) go through the CLI in a sandboxed thread with a time limit.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateInThread } from '../../src/experiment/index.js';
import { loadScenarioFile, MAX_INPUT_BYTES } from '../../src/node/loadScenarioFile.js';
import { parseScenario, parseScenarioText, ScenarioError } from '../../src/scenario/index.js';
import { cli } from '../support/cli.js';
import { CliSandbox } from './support/sandbox.js';
import { cliProblem } from './support/verdicts.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-guards-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, body: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, body);
  return path;
};

const valid = {
  name: 'small',
  intervalMinutes: 30,
  intervals: 2,
  contactTypes: [{ id: 'calls', channel: 'voice', volume: 20, handleTime: { dist: 'exponential', mean: 200 }, serviceLevel: { seconds: 20, target: 0.8 } }],
  agentGroups: [{ id: 'team', skills: ['calls'], staff: 3 }],
};

const refusal = (f: () => unknown): ScenarioError => {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return error as ScenarioError;
  }
  throw new Error('not refused');
};

describe('a million problems: a short message, never a stack overflow', () => {
  it('200,000 bad contact types give a ScenarioError (not RangeError: call stack) listing 100 of them and counting the rest', () => {
    const text = JSON.stringify({ ...valid, contactTypes: new Array(200_000).fill(1) });
    const error = refusal(() => parseScenarioText(text));
    expect(error.issues.length).toBeGreaterThan(200_000);
    const lines = error.message.split('\n');
    expect(lines).toHaveLength(101);
    expect(lines[0]).toBe('contactTypes[0]: must be an object, not a number');
    expect(lines[100]).toMatch(/^\.\.\. and \d+ more problems$/);
  });

  it('200,000 negative volumes (zod itself overflows the stack gathering them) and 200,000 cross-field problems', () => {
    const volumes = refusal(() => parseScenario({ ...valid, intervals: 200_000, contactTypes: [{ ...valid.contactTypes[0], volume: new Array(200_000).fill(-1) }] }));
    expect(volumes.issues).toContainEqual({ path: 'contactTypes[0].volume', message: 'has 200000 items, too many of them invalid to list: only the first 1000 were checked' });
    expect(volumes.issues).toContainEqual({ path: 'contactTypes[0].volume[0]', message: 'must be >= 0' });
    expect(volumes.issues.filter((i) => i.message === 'must be >= 0')).toHaveLength(1000);
    const types = Array.from({ length: 200_000 }, (_, i) => ({ ...valid.contactTypes[0], id: `t${i}`, concurrencyFactor: [1] }));
    const breadth = refusal(() => parseScenario({ ...valid, contactTypes: types, agentGroups: [{ id: 'all', skills: types.map((t) => t.id), staff: 1 }] }));
    expect(breadth.issues.filter((i) => i.message === 'only allowed on chat contact types')).toHaveLength(200_000);
  });

  it('the CLI lists at most 100 problems too', async () => {
    const r = await cli('run', write('many.json', JSON.stringify({ ...valid, contactTypes: new Array(5000).fill(1) })));
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/invalid scenario \(\d+ problems\)$/);
    expect(lines).toHaveLength(102);
    expect(lines[101]).toMatch(/^ {2}\.\.\. and \d+ more problems$/);
  });

  it('"did you mean" is worked out for the first 100 unknown keys only (each costs an edit distance per known key)', () => {
    const extra = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [i === 0 ? 'patiance' : i === 120 ? 'Patience' : `k${i}`, 1]));
    const error = refusal(() => parseScenario({ ...valid, contactTypes: [{ ...valid.contactTypes[0], ...extra }] }));
    const message = (key: string) => error.issues.find((i) => i.path === `contactTypes[0].${key}`)?.message;
    expect(message('patiance')).toBe('unknown key (did you mean "patience"?)');
    expect(message('Patience')).toBe('unknown key'); // the 121st unknown key: no hint worked out
  });
});

describe('ids are keys of the output', () => {
  it('"__proto__" as a contact type or group id is refused by name', () => {
    const error = refusal(() =>
      parseScenario({ ...valid, contactTypes: [{ ...valid.contactTypes[0], id: '__proto__' }], agentGroups: [{ id: '__proto__', skills: ['__proto__'], staff: 3 }] }),
    );
    const reserved = '"__proto__" is reserved: choose another id';
    expect(error.issues).toHaveLength(3);
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { path: 'contactTypes[0].id', message: reserved },
        { path: 'agentGroups[0].id', message: reserved },
        { path: 'agentGroups[0].skills[0]', message: reserved },
      ]),
    );
  });

  it('"constructor", "toString" and "hasOwnProperty" are ordinary ids and appear in the output', () => {
    const s = parseScenario({
      ...valid,
      contactTypes: [{ ...valid.contactTypes[0], id: 'constructor' }, { ...valid.contactTypes[0], id: 'toString' }],
      agentGroups: [{ id: 'hasOwnProperty', skills: ['constructor', 'toString'], staff: 3 }],
    });
    const out = simulateInThread(s, { replications: 1 });
    expect(Object.keys(out.byType)).toEqual(['constructor', 'toString']);
    expect(Object.keys(out.byGroup)).toEqual(['hasOwnProperty']);
  });

  it('a type or group whose id is "__proto__" (possible only past the schema, which refuses it) stays a key of byType, byGroup and every interval', () => {
    const s = structuredClone(parseScenario(valid));
    s.contactTypes[0]!.id = '__proto__';
    s.agentGroups[0]!.id = '__proto__';
    s.agentGroups[0]!.skills = ['__proto__'];
    const out = simulateInThread(s, { replications: 1 });
    expect(Object.keys(out.byType)).toEqual(['__proto__']);
    expect(Object.keys(out.byGroup)).toEqual(['__proto__']);
    for (const iv of out.intervals) expect([Object.keys(iv.byType), Object.keys(iv.byGroup)]).toEqual([['__proto__'], ['__proto__']]);
    expect(Object.getPrototypeOf(out.byType)).toBe(Object.prototype);
    const json = JSON.stringify(out);
    expect(json).toContain('"byType":{"__proto__":{"arrivals":');
    const back = JSON.parse(json) as typeof out; // JSON.parse also defines "__proto__" as an own key
    expect(Object.hasOwn(back.byType, '__proto__')).toBe(true);
  });
});

describe('files that are not UTF-8 are refused, not decoded with replacement characters', () => {
  it('Latin-1 "Café" names the byte, line and column', async () => {
    const text = JSON.stringify({ ...valid, name: 'Café' }, null, 2);
    const path = write('latin1.json', Buffer.from(text, 'latin1'));
    await expect(loadScenarioFile(path)).rejects.toThrow('(file): not valid UTF-8: byte 0xE9 at line 2 column 15 (save the file as UTF-8)');
    // The same text as UTF-8 is fine.
    expect((await loadScenarioFile(write('utf8.json', text))).name).toBe('Café');
  });

  it('UTF-16 (a spreadsheet\'s "Unicode text") is named as such', async () => {
    const path = write('utf16.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(valid), 'utf16le')]));
    const r = await cli('run', path);
    expect(r).toMatchObject({ code: 2, stderr: expect.stringContaining('(file): not UTF-8 (it starts with a UTF-16 byte-order mark): save the file as UTF-8') });
  });

  it('an encoded surrogate (ED A0 80) and a truncated sequence are invalid too; a forecast CSV in Latin-1 is refused at "forecast"', async () => {
    await expect(loadScenarioFile(write('sur.json', Buffer.concat([Buffer.from('{"name": "'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')])))).rejects.toThrow(/byte 0xED at line 1 column 11/);
    await expect(loadScenarioFile(write('cut.json', Buffer.concat([Buffer.from('{"name": "'), Buffer.from([0xe2, 0x82]), Buffer.from('"}')])))).rejects.toThrow(/byte 0xE2 at line 1 column 11/);
    write('demand.csv', Buffer.from('interval_start,type,volume\n00:00,calls,10\n00:30,café,20\n', 'latin1'));
    const path = write('with-csv.json', JSON.stringify({ ...valid, forecast: 'demand.csv' }));
    await expect(loadScenarioFile(path)).rejects.toThrow('forecast: demand.csv: not valid UTF-8: byte 0xE9 at line 3 column 10');
  });
});

describe('what a file name may point at: devices, endless or huge files, pipes', () => {
  it('/dev/zero and /dev/urandom, as the scenario or as its forecast, are refused at once instead of read for ever', async () => {
    await expect(loadScenarioFile('/dev/zero')).rejects.toThrow('/dev/zero: is a device, not a file');
    await expect(loadScenarioFile('/dev/urandom')).rejects.toThrow('/dev/urandom: is a device, not a file');
    const path = write('endless-forecast.json', JSON.stringify({ ...valid, forecast: '/dev/zero' }));
    expect(await cli('run', path)).toEqual({ code: 2, stdout: '', stderr: `ccsim run: ${path}: forecast /dev/zero: is a device, not a file\n` });
  });

  it(`a file above ${MAX_INPUT_BYTES / 2 ** 20} MB is refused after reading no more than that`, async () => {
    const path = write('huge.json', Buffer.alloc(MAX_INPUT_BYTES + 1, 0x20));
    await expect(loadScenarioFile(path)).rejects.toThrow(`${path}: larger than 64 MB, more than any scenario ccsim can run`);
    rmSync(path);
  });

  it('a pipe (bash process substitution <(...)) is read like a file', () => {
    const scenario = write('piped.json', JSON.stringify(valid));
    const bin = new URL('../../bin/ccsim.js', import.meta.url).pathname;
    const out = execFileSync('bash', ['-c', `"${process.execPath}" "${bin}" run <(cat "${scenario}") --replications 1 --workers 1 --json`], { encoding: 'utf8' });
    expect(JSON.parse(out)).toMatchObject({ scenario: 'small', replications: 1 });
  });
});

describe('Ctrl-C handler', () => {
  it('a command that fails before simulating (invalid file, run or compare) leaves no SIGINT listener behind', async () => {
    const before = process.listenerCount('SIGINT');
    const bad = write('bad.json', '{"name": 1}');
    expect((await cli('run', bad)).code).toBe(2);
    expect((await cli('compare', bad, bad)).code).toBe(2);
    expect(process.listenerCount('SIGINT')).toBe(before);
    // A run that succeeds removes its handler too.
    expect((await cli('run', write('ok.json', JSON.stringify(valid)), '--replications', '1', '--workers', '1')).code).toBe(0);
    expect(process.listenerCount('SIGINT')).toBe(before);
  });
});

describe('ccsim erlang sizes', () => {
  it('--agents or a load above 1e6 asks for --force (each evaluation takes time in proportion to the agents)', async () => {
    const base = ['erlang', '--interval-minutes', '30', '--aht', '180', '--sl-seconds', '20', '--json'];
    const many = await cli(...base, '--volume', '100', '--agents', '2000000000');
    expect(many).toMatchObject({ code: 2, stderr: 'ccsim erlang: --agents 2000000000: above the limit of 1e6 agents (the exact formulas take time in proportion to the agents); add --force to compute it anyway\n' });
    const load = await cli(...base, '--volume', '2e10', '--target', '0.8', '--patience', '60');
    expect(load).toMatchObject({ code: 2, stderr: expect.stringContaining('the load is 2e9 Erlangs') });
    const forced = await cli(...base, '--volume', '100', '--agents', '2000000', '--force');
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({ model: 'erlang-c', agents: 2_000_000, pWait: 0 });
  });
});

describe('10 MB files through ccsim run (sandboxed, 90 s limit each, generous for a loaded CI machine): a run or a short refusal', () => {
  let sandbox: CliSandbox;
  beforeAll(() => {
    sandbox = new CliSandbox();
  });
  afterAll(() => sandbox.close());
  const tenMB = 10 * 1024 * 1024;
  const cases: [string, () => string | Buffer, 0 | 2, RegExp][] = [
    ['a 10 MB description (valid)', () => JSON.stringify({ ...valid, description: 'x'.repeat(tenMB) }), 0, /^$/],
    ['a volume array of 1.3 million numbers', () => JSON.stringify({ ...valid, contactTypes: [{ ...valid.contactTypes[0], volume: new Array(1_300_000).fill(7) }] }), 2, /contactTypes\[0\]\.volume: has 1300000 values, expected 2/],
    ['10 MB of "[" (nesting, unclosed)', () => '['.repeat(tenMB), 2, /\(file\): not valid JSON/],
    ['2 million nested arrays, closed', () => `{"name": ${'['.repeat(2e6)}${']'.repeat(2e6)}}`, 2, /name\[0\]: nested more than 64 levels deep/],
    ['300,000 unknown keys', () => JSON.stringify({ ...valid, ...Object.fromEntries(Array.from({ length: 300_000 }, (_, i) => [`k${i}`, 1])) }), 2, /k0: unknown key/],
    ['100,000 contact types (valid, but 2e5 interval cells)', () => {
      const types = Array.from({ length: 100_000 }, (_, i) => ({ ...valid.contactTypes[0], id: `t${i}` }));
      return JSON.stringify({ ...valid, contactTypes: types, agentGroups: [{ id: 'all', skills: types.map((t) => t.id), staff: 3 }] });
    }, 2, /interval cells \(limit 1e5/],
    ['10 MB of random bytes', () => {
      let x = 12345;
      return Buffer.from(Array.from({ length: tenMB }, () => ((x = (x * 1103515245 + 12345) >>> 0) >>> 16) & 0xff));
    }, 2, /\(file\): not valid UTF-8/],
  ];
  for (const [what, body, code, message] of cases) {
    it(what, async () => {
      const path = write('big.json', body());
      const r = await sandbox.run(['run', path, '--replications', '1', '--workers', '1', '--json'], 90_000);
      expect(r.timedOut || r.crashed || r.threw).toBeFalsy();
      expect(cliProblem(r)).toBeNull();
      expect(r.code).toBe(code);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.length).toBeLessThan(20_000);
      expect(r.pollution).toEqual([]);
    });
  }
});
