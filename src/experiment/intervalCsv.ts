import { EXTRA_KPI_NAMES, KPI_NAMES, type KpiName, type RunOutput } from './runOutput.js';

// Below the CLI and the web page, free of node:*: `ccsim run --csv` and the page's export
// (web/src/export/resultsCsv.ts) both write it.

/**
 * Decimals kept per column, by what the column measures: enough for any planning decision and
 * well above the simulation's own precision, without float noise such as 50.800000000000004.
 * Trailing zeros are dropped (50.80 -> 50.8).
 */
export const CSV_DECIMALS = {
  /** Contacts per interval (means over replications). */
  count: 2,
  /** Fractions 0..1: 0.01 of a percentage point. */
  fraction: 4,
  /** Seconds. */
  seconds: 2,
  /** Hours of work. */
  hours: 3,
  /** Money. */
  cost: 2,
  /** Agents present or scheduled, and contacts waiting. */
  agents: 2,
} as const;

const KPI_DECIMALS = {
  arrivals: CSV_DECIMALS.count,
  botSessions: CSV_DECIMALS.count,
  contained: CSV_DECIMALS.count,
  offered: CSV_DECIMALS.count,
  answered: CSV_DECIMALS.count,
  abandoned: CSV_DECIMALS.count,
  unresolved: CSV_DECIMALS.count,
  serviceLevel: CSV_DECIMALS.fraction,
  asa: CSV_DECIMALS.seconds,
  abandonRate: CSV_DECIMALS.fraction,
  containmentRate: CSV_DECIMALS.fraction,
  queueLength: CSV_DECIMALS.agents,
  retrials: CSV_DECIMALS.count,
  repeats: CSV_DECIMALS.count,
  botDropouts: CSV_DECIMALS.count,
  cost: CSV_DECIMALS.cost,
  costPerContact: CSV_DECIMALS.cost,
  waitP90: CSV_DECIMALS.seconds,
  workHours: CSV_DECIMALS.hours,
  blocked: CSV_DECIMALS.count,
  blockRate: CSV_DECIMALS.fraction,
  disconnected: CSV_DECIMALS.count,
  callbacksOffered: CSV_DECIMALS.count,
  callbacksAccepted: CSV_DECIMALS.count,
  callbacksMade: CSV_DECIMALS.count,
  callbackWait: CSV_DECIMALS.seconds,
  callbackServiceLevel: CSV_DECIMALS.fraction,
  transfers: CSV_DECIMALS.count,
} as const satisfies Record<KpiName, number>;

const GROUP_COLUMNS = ['occupancy', 'occupancy_ci95', 'slotUtilization', 'slotUtilization_ci95', 'staffed', 'staffed_ci95', 'scheduled'] as const;
/** With outbound dialing (CONTRACT section 8), after the others. */
const OUTBOUND_COLUMNS = ['outboundAttempts', 'outboundConnects', 'outboundHours', 'inboundHours'] as const;

/** Which rows the CSV keeps (default: every type and every group). */
export interface IntervalCsvFilter {
  readonly types?: readonly string[];
  readonly groups?: readonly string[];
}

/**
 * The per-interval table for spreadsheets, one table: per interval, one row per contact type
 * (`kind` = type: every KPI's mean and 95% half-width) then one row per agent group (`kind` =
 * group: occupancy, slot utilization, agents present and scheduled). A row leaves the other
 * kind's columns empty.
 */
export function intervalCsv(out: RunOutput, filter: IntervalCsvFilter = {}): string {
  // Section-8 KPIs get columns only when the run has them (after the others: old readers keep working).
  const names: readonly KpiName[] = [...KPI_NAMES, ...EXTRA_KPI_NAMES.filter((k) => out.summary[k] !== undefined)];
  const outbound = out.summary.outboundAttempts !== undefined;
  const groupColumns = [...GROUP_COLUMNS, ...(outbound ? OUTBOUND_COLUMNS : [])];
  const header = ['interval', 'start', 'kind', 'type', 'group', ...names.flatMap((k) => [k, `${k}_ci95`]), ...groupColumns];
  const typeIds = filter.types ?? (out.intervals[0] ? Object.keys(out.intervals[0].byType) : []);
  const groupIds = filter.groups ?? (out.intervals[0] ? Object.keys(out.intervals[0].byGroup) : []);
  const noKpis = names.flatMap(() => ['', '']);
  const noGroup = groupColumns.map(() => '');
  const lines = [header.join(',')];
  out.intervals.forEach((iv, i) => {
    for (const type of typeIds) {
      const kpis = iv.byType[type];
      if (kpis === undefined) continue;
      const cells = names.flatMap((k) => {
        const m = kpis[k];
        return m === undefined ? ['', ''] : [rounded(m.mean, KPI_DECIMALS[k]), rounded(m.ci95, KPI_DECIMALS[k])];
      });
      lines.push([String(i), iv.start, 'type', csvText(type), '', ...cells, ...noGroup].join(','));
    }
    for (const group of groupIds) {
      const g = iv.byGroup[group];
      if (g === undefined) continue;
      const f = CSV_DECIMALS.fraction;
      const a = CSV_DECIMALS.agents;
      const cells = [
        rounded(g.occupancy.mean, f), rounded(g.occupancy.ci95, f),
        rounded(g.slotUtilization.mean, f), rounded(g.slotUtilization.ci95, f),
        rounded(g.staffed.mean, a), rounded(g.staffed.ci95, a),
        rounded(g.scheduled, a),
        ...(outbound
          ? [
              g.outboundAttempts === undefined ? '' : rounded(g.outboundAttempts.mean, CSV_DECIMALS.count),
              g.outboundConnects === undefined ? '' : rounded(g.outboundConnects.mean, CSV_DECIMALS.count),
              g.outboundHours === undefined ? '' : rounded(g.outboundHours.mean, CSV_DECIMALS.hours),
              g.inboundHours === undefined ? '' : rounded(g.inboundHours.mean, CSV_DECIMALS.hours),
            ]
          : []),
      ];
      lines.push([String(i), iv.start, 'group', '', csvText(group), ...noKpis, ...cells].join(','));
    }
  });
  return `${lines.join('\n')}\n`;
}

/** `x` to `decimals` places, trailing zeros dropped; empty for null (undefined ratio). */
export function rounded(x: number | null, decimals: number): string {
  if (x === null) return '';
  // Number(...) drops trailing zeros and turns -0 into 0; toFixed avoids binary noise.
  return String(Number(x.toFixed(decimals)));
}

/**
 * A text field for CSV (the one writer the CLI and the web page share): quoted when it holds a
 * quote, comma or line break; a leading = + - @ (or tab, CR) is prefixed with ' so a spreadsheet
 * does not run it as a formula.
 */
export function csvText(s: string): string {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
