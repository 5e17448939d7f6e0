/**
 * Property-based fuzzing of the scenario and forecast boundary (issue 8, item 1). Every input is
 * a bundled scenario (shrunk to two intervals so valid ones simulate in milliseconds) broken by
 * random mutations, or a forecast CSV broken the same way. The promise checked: a valid run or a
 * path-named refusal with exit 2; never another exception, a hang, or a polluted prototype.
 *
 * Fixed seed: a failure prints its counterexample and reproduces with the same seed and path.
 * The case counts are printed at the end and recorded in docs/reliability.md.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPath, parseScenario, parseScenarioText } from '../../src/scenario/index.js';
import { CliSandbox } from './support/sandbox.js';
import { applyMutations, baseScenarios, csvMutationArb, forecastCsv, hostileJson, hostileValue, mutateCsv, mutationArb, type Doc } from './support/mutate.js';
import { pollutionSince, prototypeSnapshot } from './support/pollution.js';
import { cliProblem, refusalProblem } from './support/verdicts.js';

const SEED = 20_260_508;
/** Cases per property: chosen so the whole file takes about 20 s on the 2-core reference machine. */
const RUNS = { text: 1200, object: 800, forecast: 800, cli: 350, cliForecast: 120, cliBytes: 150, sweep: 100, erlang: 150 };
/** Per-case time limit of a CLI case: far above any valid case (a few ms to ~2 s), far below a hang. */
const CASE_MS = 20_000;

const counts: Record<string, { cases: number; valid: number; refused: number; maxMs: number }> = {};
const tally = (name: string, valid: boolean, ms: number) => {
  const c = (counts[name] ??= { cases: 0, valid: 0, refused: 0, maxMs: 0 });
  c.cases++;
  if (valid) c.valid++;
  else c.refused++;
  c.maxMs = Math.max(c.maxMs, Math.round(ms));
};

const dir = mkdtempSync(join(tmpdir(), 'ccsim-fuzz-'));
let sandbox: CliSandbox;
beforeAll(() => {
  sandbox = new CliSandbox();
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
  const lines = Object.entries(counts).map(([k, c]) => `  ${k}: ${c.cases} cases (${c.valid} valid, ${c.refused} refused), slowest ${c.maxMs} ms`);
  console.log(`fuzz (seed ${SEED}), sandbox restarts ${sandbox.restarts}:\n${lines.join('\n')}`);
});

const base = fc.constantFrom(...baseScenarios);
const mutations = (value: fc.Arbitrary<unknown>) => fc.array(mutationArb(value), { minLength: 1, maxLength: 4 });

/** Damage to the JSON text itself. */
const textDamage = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ op: 'none' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicateKey' as const), key: fc.constantFrom('name', 'intervals', 'contactTypes', '__proto__') }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('{', '}', ',', '"', '\\', ':', '\u0000', '\uD800', 'NaN', '-', '[', '\n') }) },
  { weight: 1, arbitrary: fc.constant({ op: 'bom' as const }) },
);
type TextDamage = typeof textDamage extends fc.Arbitrary<infer T> ? T : never;

function damageText(text: string, d: TextDamage): string {
  switch (d.op) {
    case 'none':
      return text;
    case 'duplicateKey':
      return text.replace(/^\{/, `{"${d.key}": ${d.key === '__proto__' ? '{"polluted": "yes"}' : '1'},`);
    case 'truncate':
      return text.slice(0, d.at % (text.length + 1));
    case 'insert': {
      const at = d.at % (text.length + 1);
      return text.slice(0, at) + d.text + text.slice(at);
    }
    case 'bom':
      return `\uFEFF${text}`;
  }
}

/** Damage to the file's bytes: invalid UTF-8 sequences, or the whole file in UTF-16. */
const byteDamage = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: fc.constantFrom([0x80], [0xc0, 0xaf], [0xe9], [0xff], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]) }),
  fc.constant({ op: 'utf16' as const }),
  fc.constant({ op: 'latin1' as const }),
);
type ByteDamage = typeof byteDamage extends fc.Arbitrary<infer T> ? T : never;

function damageBytes(text: string, d: ByteDamage): Buffer {
  if (d.op === 'utf16') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  if (d.op === 'latin1') return Buffer.from(text.replace(/"name": ?"/, '"name": "Café '), 'latin1');
  const bytes = Buffer.from(text, 'utf8');
  const at = d.at % (bytes.length + 1);
  return Buffer.concat([bytes.subarray(0, at), Buffer.from(d.bytes), bytes.subarray(at)]);
}

const prototypes = prototypeSnapshot();
const expectClean = () => expect(pollutionSince(prototypes)).toEqual([]);

/** Parse `text` and return why the outcome is wrong, or null (and tally it). */
function checkParse(name: string, input: unknown, parse: () => unknown): string | null {
  const started = performance.now();
  let problem: string | null = null;
  let valid = false;
  try {
    const scenario = parse();
    valid = true;
    parseScenario(scenario); // what parsing returns is itself valid
  } catch (error) {
    problem = valid ? `the parsed scenario does not re-parse: ${String(error)}` : refusalProblem(error, input);
  }
  const ms = performance.now() - started;
  if (ms > 5000) problem ??= `took ${Math.round(ms)} ms`;
  const pollution = pollutionSince(prototypes);
  if (pollution.length > 0) problem ??= `polluted: ${pollution.join(', ')}`;
  tally(name, valid, ms);
  return problem;
}

describe('fuzz: scenario JSON text through parseScenarioText', () => {
  it(`${RUNS.text} mutated scenarios: a Scenario or a ScenarioError whose every issue names a path that exists; no other exception; prototypes clean`, () => {
    fc.assert(
      fc.property(base, mutations(hostileJson), textDamage, ({ doc }, ms, damage) => {
        const mutated = applyMutations(doc, ms);
        const text = damageText(JSON.stringify(mutated) ?? 'undefined', damage);
        let input: unknown;
        try {
          input = JSON.parse(text.replace(/^\uFEFF/, ''));
        } catch {
          input = undefined; // a syntax error: the only acceptable path is (file)
        }
        const problem = checkParse('parseScenarioText', input, () => parseScenarioText(text, 'fuzz.json'));
        if (problem !== null) throw new Error(problem);
      }),
      { seed: SEED, numRuns: RUNS.text },
    );
    expectClean();
  });
});

describe('fuzz: scenario objects through parseScenario', () => {
  it(`${RUNS.object} mutated objects with values JSON cannot carry (NaN, Infinity, undefined, bigint, symbols, functions, cycles): Scenario or path-named ScenarioError`, () => {
    fc.assert(
      fc.property(base, mutations(hostileValue), fc.boolean(), ({ doc }, ms, cycle) => {
        const input = applyMutations(doc, ms) as Doc;
        if (cycle && typeof input === 'object' && input !== null) {
          const types = (input as Doc)['contactTypes'];
          if (Array.isArray(types) && typeof types[0] === 'object' && types[0] !== null) (types[0] as Doc)['bot'] = input;
        }
        const problem = checkParse('parseScenario', input, () => parseScenario(input));
        if (problem !== null) throw new Error(problem);
      }),
      { seed: SEED, numRuns: RUNS.object },
    );
    expectClean();
  });
});

describe('fuzz: forecast CSV through parseScenarioText', () => {
  it(`${RUNS.forecast} mutated forecasts: merged into a valid Scenario or refused with issues at path "forecast" naming the row`, () => {
    fc.assert(
      fc.property(base, fc.array(csvMutationArb, { minLength: 0, maxLength: 4 }), ({ doc }, ms) => {
        const scenario = { ...doc, forecast: 'demand.csv' };
        const csv = mutateCsv(forecastCsv(doc), ms);
        const text = JSON.stringify(scenario);
        let forecastOnly = true;
        const problem = checkParse('forecast', scenario, () => {
          try {
            return parseScenarioText(text, 'fuzz.json', { forecast: csv });
          } catch (error) {
            forecastOnly = (error as { issues?: { path: string; message: string }[] }).issues?.every((i) => i.path === 'forecast' && /demand\.csv/.test(i.message)) ?? false;
            throw error;
          }
        });
        if (problem !== null) throw new Error(problem);
        // The scenario itself is valid, so every refusal is the CSV's and names the file.
        if (!forecastOnly) throw new Error('a refusal of a valid scenario with a bad CSV names something other than the forecast file');
      }),
      { seed: SEED, numRuns: RUNS.forecast },
    );
    expectClean();
  });
});

describe('fuzz: ccsim run in-process (sandboxed thread, per-case time limit)', () => {
  const runCase = async (name: string, file: string, extra: string[] = []) => {
    const r = await sandbox.run(['run', file, '--replications', '1', '--workers', '1', '--json', ...extra], CASE_MS);
    tally(name, r.code === 0, r.ms);
    if (r.timedOut) return `no answer within ${CASE_MS} ms (a hang)`;
    if (r.crashed) return `the thread died: ${r.crashed}`;
    if (r.threw) return `runCli threw: ${r.threw}`;
    if (r.pollution.length > 0) return `polluted: ${r.pollution.join(', ')}`;
    return cliProblem(r);
  };

  it(`${RUNS.cli} mutated scenario files: exit 0 with sound JSON (identity intact, no NaN) or exit 2 with a path-named message`, async () => {
    let k = 0;
    await fc.assert(
      fc.asyncProperty(base, mutations(hostileJson), textDamage, fc.integer({ min: 0, max: 1000 }), async ({ doc }, ms, damage, seed) => {
        const file = join(dir, `case-${k++ % 8}.json`);
        writeFileSync(file, damageText(JSON.stringify(applyMutations(doc, ms)) ?? 'null', damage));
        const problem = await runCase('cli run', file, ['--seed', String(seed)]);
        if (problem !== null) throw new Error(problem);
      }),
      { seed: SEED, numRuns: RUNS.cli },
    );
  });

  it(`${RUNS.cliBytes} files with invalid UTF-8, UTF-16 or Latin-1 bytes: exit 2 naming the byte, line and column`, async () => {
    await fc.assert(
      fc.asyncProperty(base, byteDamage, async ({ doc }, damage) => {
        const file = join(dir, 'bytes.json');
        writeFileSync(file, damageBytes(JSON.stringify(doc, null, 2), damage));
        const r = await sandbox.run(['run', file, '--replications', '1', '--workers', '1', '--json'], CASE_MS);
        tally('cli bytes', r.code === 0, r.ms);
        const problem = r.timedOut ? 'timed out' : r.crashed ?? r.threw ?? cliProblem(r);
        if (problem !== null) throw new Error(problem);
        if (!/\(file\): not (valid )?UTF-8/.test(r.stderr)) throw new Error(`not refused as UTF-8: ${r.stderr.slice(0, 300)}`);
      }),
      { seed: SEED, numRuns: RUNS.cliBytes },
    );
  });

  it(`${RUNS.cliForecast} scenario files with a mutated forecast CSV next to them: a run or exit 2`, async () => {
    await fc.assert(
      fc.asyncProperty(base, fc.array(csvMutationArb, { minLength: 0, maxLength: 3 }), async ({ doc }, ms) => {
        const file = join(dir, 'with-forecast.json');
        writeFileSync(file, JSON.stringify({ ...doc, forecast: 'demand.csv' }));
        writeFileSync(join(dir, 'demand.csv'), mutateCsv(forecastCsv(doc), ms));
        const problem = await runCase('cli forecast', file);
        if (problem !== null) throw new Error(problem);
      }),
      { seed: SEED, numRuns: RUNS.cliForecast },
    );
  });

  it(`${RUNS.sweep} random ccsim sweep --set paths and values: exit 0 with one JSON document or exit 2 naming the path or the field`, async () => {
    /** [path, is a number or an array of numbers] of every field down to depth 4. */
    const fieldPaths = (value: unknown, path: (string | number)[] = []): [string, boolean][] => {
      const numeric = typeof value === 'number' || (Array.isArray(value) && value.every((v) => typeof v === 'number'));
      const here: [string, boolean][] = path.length > 0 ? [[formatPath(path), numeric]] : [];
      if (path.length >= 4 || typeof value !== 'object' || value === null) return here;
      const entries = Array.isArray(value) ? value.slice(0, 3).map((v, i) => [i, v] as const) : Object.entries(value);
      return [...here, ...entries.flatMap(([k, v]) => fieldPaths(v, [...path, k]))];
    };
    const docs = baseScenarios.filter((b) => b.doc['intervals'] === 2);
    const all = docs.flatMap((b) => fieldPaths(b.doc));
    const pathArb = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...all.filter(([, numeric]) => numeric).map(([p]) => p)) },
      { weight: 1, arbitrary: fc.constantFrom(...all.map(([p]) => p)) },
      { weight: 1, arbitrary: fc.constantFrom('__proto__.polluted', 'constructor.prototype.polluted', 'contactTypes[0].__proto__', 'contactTypes[99999999999999999999].volume', 'a..b', '[0]', 'name[', '', 'agentGroups[0].staff.x') },
    );
    const valueArb = fc.constantFrom('*1e9', '*-1', '*0', 'NaN', '1e308', '0', '1', '30', '*1.1', '__proto__', '', '*', '-5', '0.5', '1e-300');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...docs), pathArb, fc.array(valueArb, { minLength: 1, maxLength: 3 }), async ({ doc }, path, values) => {
        const file = join(dir, 'sweep.json');
        writeFileSync(file, JSON.stringify(doc));
        const r = await sandbox.run(['sweep', file, '--set', `${path}=${values.join(',')}`, '--replications', '1', '--workers', '1', '--json'], CASE_MS);
        tally('cli sweep', r.code === 0, r.ms);
        if (r.timedOut) throw new Error(`no answer within ${CASE_MS} ms`);
        const problem = r.crashed ?? r.threw ?? (r.pollution.length > 0 ? `polluted: ${r.pollution.join(', ')}` : null);
        if (problem) throw new Error(problem);
        if (r.code === 0) {
          if (/\bNaN\b|Infinity/.test(r.stdout)) throw new Error('non-finite JSON');
          const out = JSON.parse(r.stdout) as { points: unknown[] };
          if (out.points.length !== values.length) throw new Error('a point per value');
        } else {
          const verdict = cliProblem(r, 'sweep');
          if (verdict !== null) throw new Error(verdict);
        }
      }),
      { seed: SEED, numRuns: RUNS.sweep },
    );
  });

  it(`${RUNS.erlang} random ccsim erlang flag values: exit 0 with finite JSON or exit 2 with one line`, async () => {
    const num = fc.oneof(
      { weight: 1, arbitrary: fc.constantFrom('0', '-1', '1', '0.5', '1e-300', '1e300', 'NaN', 'Infinity', '', 'x', '1e6', '10000', '9999.9', '2e9', '0x10', ' 5') },
      { weight: 3, arbitrary: fc.integer({ min: 1, max: 3000 }).map(String) },
      { weight: 1, arbitrary: fc.double({ min: 0, max: 1e5, noNaN: true }).map(String) },
    );
    await fc.assert(
      fc.asyncProperty(num, num, num, num, fc.option(num), fc.option(num), fc.boolean(), async (volume, minutes, aht, sl, agents, patience, target) => {
        const argv = ['erlang', '--volume', volume, '--interval-minutes', minutes, '--aht', aht, '--sl-seconds', sl, '--json'];
        if (target) argv.push('--target', agents ?? '0.8');
        else if (agents !== null) argv.push('--agents', agents);
        if (patience !== null) argv.push('--patience', patience);
        const r = await sandbox.run(argv, CASE_MS);
        tally('cli erlang', r.code === 0, r.ms);
        if (r.timedOut) throw new Error(`no answer within ${CASE_MS} ms: ${argv.join(' ')}`);
        const problem = r.crashed ?? r.threw;
        if (problem) throw new Error(problem);
        if (r.code === 0) {
          if (/NaN|Infinity/.test(r.stdout)) throw new Error(`non-finite JSON: ${r.stdout}`);
        } else if (r.code !== 2 || r.stderr.trim().split('\n').length !== 1 || !r.stderr.startsWith('ccsim erlang: ')) {
          throw new Error(`${argv.join(' ')} -> exit ${r.code}: ${r.stderr}`);
        }
      }),
      { seed: SEED, numRuns: RUNS.erlang },
    );
  });
});
