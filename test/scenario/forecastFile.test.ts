import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/node/loadScenarioFile.js';
import { minimal } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-forecast-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadScenarioFile with a forecast', () => {
  it('reads the CSV relative to the scenario file, whatever the working directory', async () => {
    mkdirSync(join(dir, 'plans'));
    writeFileSync(join(dir, 'plans', 'demand.csv'), 'interval_start,type,volume,aht\n00:00,calls,10,100\n00:30,calls,20,300\n');
    writeFileSync(join(dir, 'plans', 's.json'), JSON.stringify({ ...minimal(), forecast: 'demand.csv' }));
    const s = await loadScenarioFile(join(dir, 'plans', 's.json'));
    expect(s.contactTypes[0]!.volume).toEqual([10, 20]);
    expect(s.contactTypes[0]!.handleTime).toEqual([{ dist: 'exponential', mean: 100 }, { dist: 'exponential', mean: 300 }]);
  });

  it('a missing forecast file or a bad row is a usage error naming the file, the row and the column', async () => {
    writeFileSync(join(dir, 'missing.json'), JSON.stringify({ ...minimal(), forecast: 'nope.csv' }));
    await expect(loadScenarioFile(join(dir, 'missing.json'))).rejects.toThrow(/forecast .*nope\.csv: no such file/);
    writeFileSync(join(dir, 'bad.csv'), 'interval_start,type,volume\n00:00,calls,x\n00:30,calls,1\n');
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...minimal(), forecast: 'bad.csv' }));
    await expect(loadScenarioFile(join(dir, 'bad.json'))).rejects.toThrow('forecast: bad.csv row 2, column "volume": must be a number >= 0, not "x"');
  });
});

describe('loadScenarioFile with an empty file', () => {
  it('an empty scenario file says "empty file"', async () => {
    writeFileSync(join(dir, 'empty.json'), '');
    await expect(loadScenarioFile(join(dir, 'empty.json'))).rejects.toThrow(/empty\.json: invalid scenario \(1 problem\)\n {2}\(file\): empty file: expected a scenario \(a JSON object\)$/);
  });

  it('an empty forecast CSV says "empty file", a semicolon-separated one gets a hint', async () => {
    writeFileSync(join(dir, 'nothing.csv'), '');
    writeFileSync(join(dir, 'nothing.json'), JSON.stringify({ ...minimal(), forecast: 'nothing.csv' }));
    await expect(loadScenarioFile(join(dir, 'nothing.json'))).rejects.toThrow('forecast: nothing.csv row 1: empty file');
    writeFileSync(join(dir, 'semi.csv'), 'interval_start;type;volume\n00:00;calls;10\n00:30;calls;20\n');
    writeFileSync(join(dir, 'semi.json'), JSON.stringify({ ...minimal(), forecast: 'semi.csv' }));
    await expect(loadScenarioFile(join(dir, 'semi.json'))).rejects.toThrow('forecast: semi.csv row 1: looks semicolon-separated: ccsim reads comma-separated CSV');
  });
});
