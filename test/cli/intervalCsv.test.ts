import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CSV_DECIMALS, rounded } from '../../src/experiment/intervalCsv.js';
import { KPI_NAMES } from '../../src/experiment/index.js';
import { cli } from '../support/cli.js';

const root = new URL('../../', import.meta.url).pathname;
const twoSkills = join(root, 'scenarios/two-skills.json');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function runCsv(scenario: string, ...flags: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'ccsim-csv-'));
  dirs.push(dir);
  const csvPath = join(dir, 'i.csv');
  const json = JSON.parse((await cli('run', scenario, '--replications', '3', '--workers', '1', '--json', '--csv', csvPath, ...flags)).stdout);
  const [header, ...rows] = readFileSync(csvPath, 'utf8').trimEnd().split('\n').map((l) => l.split(','));
  const at = (name: string) => header!.indexOf(name);
  return { json, header: header!, rows, at };
}

describe('rounded(x, decimals)', () => {
  it('rounds away float noise, drops trailing zeros and the sign of zero; null is empty', () => {
    expect(rounded(50.800000000000004, 2)).toBe('50.8');
    expect(rounded(0.80123456, 4)).toBe('0.8012');
    expect(rounded(12, 2)).toBe('12');
    expect(rounded(-0.00001, 4)).toBe('0');
    expect(rounded(null, 2)).toBe('');
  });
});

describe('ccsim run --csv', () => {
  it('one table: per interval, a row per type (kind=type) then a row per group (kind=group)', async () => {
    const { json, header, rows, at } = await runCsv(twoSkills);
    expect(header.slice(0, 7)).toEqual(['interval', 'start', 'kind', 'type', 'group', 'arrivals', 'arrivals_ci95']);
    expect(header.slice(-7)).toEqual(['occupancy', 'occupancy_ci95', 'slotUtilization', 'slotUtilization_ci95', 'staffed', 'staffed_ci95', 'scheduled']);
    expect(rows.every((r) => r.length === header.length)).toBe(true);
    expect(rows).toHaveLength(16 * (2 + 3));
    expect(rows.slice(0, 5).map((r) => [r[0], r[1], r[2], r[3], r[4]])).toEqual([
      ['0', '08:00', 'type', 'sales', ''],
      ['0', '08:00', 'type', 'support', ''],
      ['0', '08:00', 'group', '', 'sales-team'],
      ['0', '08:00', 'group', '', 'support-team'],
      ['0', '08:00', 'group', '', 'flex'],
    ]);
    // A group row: its figures are the JSON's, its type columns empty.
    const flex = rows.find((r) => r[0] === '5' && r[4] === 'flex')!;
    const g = json.intervals[5].byGroup.flex;
    expect(flex[at('scheduled')]).toBe('8');
    expect(Number(flex[at('staffed')])).toBeCloseTo(g.staffed.mean, 2);
    expect(Number(flex[at('occupancy')])).toBeCloseTo(g.occupancy.mean, 4);
    expect(flex[at('arrivals')]).toBe('');
    // A type row: its figures are the JSON's, its group columns empty.
    const sales = rows.find((r) => r[0] === '5' && r[3] === 'sales')!;
    expect(Number(sales[at('serviceLevel')])).toBeCloseTo(json.intervals[5].byType.sales.serviceLevel.mean, 4);
    expect(sales[at('staffed')]).toBe('');
  });

  it('rounds every number to the decimals of its column kind (no 50.800000000000004)', async () => {
    const { header, rows } = await runCsv(twoSkills);
    const decimals = new Map<string, number>([
      ['interval', 0],
      ...['occupancy', 'slotUtilization'].flatMap((k) => [[k, CSV_DECIMALS.fraction], [`${k}_ci95`, CSV_DECIMALS.fraction]] as [string, number][]),
      ['staffed', CSV_DECIMALS.agents], ['staffed_ci95', CSV_DECIMALS.agents], ['scheduled', CSV_DECIMALS.agents],
    ]);
    for (const k of ['serviceLevel', 'abandonRate', 'containmentRate']) decimals.set(k, CSV_DECIMALS.fraction).set(`${k}_ci95`, CSV_DECIMALS.fraction);
    for (const k of ['arrivals', 'offered', 'answered', 'abandoned']) decimals.set(k, CSV_DECIMALS.count).set(`${k}_ci95`, CSV_DECIMALS.count);
    for (const k of ['asa', 'waitP90']) decimals.set(k, CSV_DECIMALS.seconds).set(`${k}_ci95`, CSV_DECIMALS.seconds);
    decimals.set('workHours', CSV_DECIMALS.hours);
    let fractional = 0;
    rows.forEach((r) =>
      r.forEach((cell, c) => {
        const name = header[c]!;
        if (['start', 'kind', 'type', 'group'].includes(name) || cell === '') return;
        expect(cell, name).toMatch(/^-?\d+(\.\d+)?$/);
        const places = cell.split('.')[1]?.length ?? 0;
        expect(places, `${name} = ${cell}`).toBeLessThanOrEqual(decimals.get(name) ?? 4);
        if (places > 0) fractional++;
      }),
    );
    expect(fractional).toBeGreaterThan(100);
    // Every KPI has its pair of columns.
    for (const k of KPI_NAMES) expect(header).toContain(`${k}_ci95`);
  });
});
