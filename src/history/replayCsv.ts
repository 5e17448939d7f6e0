import { CSV_DECIMALS, csvText, rounded } from '../experiment/intervalCsv.js';
import { REPLAY_KPIS, type ReplayKpi, type ReplayOutput } from './replay.js';

// Below the CLI, free of node:*: `ccsim replay --csv` writes it, and a page could too.

const COLUMN: Readonly<Record<ReplayKpi, { name: string; decimals: number }>> = {
  serviceLevel: { name: 'service_level', decimals: CSV_DECIMALS.fraction },
  asa: { name: 'asa', decimals: CSV_DECIMALS.seconds },
  abandonRate: { name: 'abandon_rate', decimals: CSV_DECIMALS.fraction },
};

/**
 * The replay table for spreadsheets: one row per date, interval and contact type. Columns:
 * `date, interval_start, type, offered, counted` (1 when the interval counts in coverage), then
 * for each of service_level, asa (seconds), abandon_rate: `_recorded`, `_simulated` (the mean),
 * `_lo`, `_hi` (the one-day band) and `_inside` (1 or 0). Empty where unknown.
 */
export function replayCsv(output: ReplayOutput): string {
  const header = ['date', 'interval_start', 'type', 'offered', 'counted'];
  for (const kpi of REPLAY_KPIS) {
    const name = COLUMN[kpi].name;
    header.push(`${name}_recorded`, `${name}_simulated`, `${name}_lo`, `${name}_hi`, `${name}_inside`);
  }
  const lines = [header.join(',')];
  for (const row of output.rows) {
    const cells = [row.date, row.interval, csvText(row.type), String(row.offered), row.counted ? '1' : '0'];
    for (const kpi of REPLAY_KPIS) {
      const v = row[kpi];
      const d = COLUMN[kpi].decimals;
      cells.push(rounded(v.recorded, d), rounded(v.mean, d), rounded(v.lo, d), rounded(v.hi, d), v.inside === null ? '' : v.inside ? '1' : '0');
    }
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}
