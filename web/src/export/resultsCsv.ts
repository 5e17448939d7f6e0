/** Results as CSV: the summary (with paired deltas) and the per-interval table of every scenario. */
import { csvText, intervalCsv } from '../../../src/experiment/intervalCsv.js';
import type { Results } from '../run/runExperiment.js';
import { SUMMARY_KPIS } from '../model/kpis.js';

const cell = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(x));

/** One row per scenario and KPI (summary, by type, then occupancy by group), with deltas against the baseline (summary and by type). */
export function summaryCsv(r: Results): string {
  const lines = ['scenario,scope,kpi,mean,ci95,n,delta_vs_baseline,delta_ci95'];
  r.runs.forEach((run, i) => {
    const delta = r.deltas[i];
    for (const k of SUMMARY_KPIS) {
      const m = run.summary[k.key];
      const d = delta?.[k.key];
      lines.push([csvText(run.scenario), 'summary', k.key, cell(m.mean), cell(m.ci95), String(m.n), cell(d?.mean), cell(d?.ci95)].join(','));
    }
    for (const [type, kpis] of Object.entries(run.byType)) {
      const typeDelta = r.typeDeltas[i]?.[type];
      for (const k of SUMMARY_KPIS) {
        if (k.key === 'occupancy') continue;
        const m = kpis[k.key];
        const d = typeDelta?.[k.key];
        lines.push([csvText(run.scenario), csvText(`type:${type}`), k.key, cell(m.mean), cell(m.ci95), String(m.n), cell(d?.mean), cell(d?.ci95)].join(','));
      }
    }
    for (const [group, g] of Object.entries(run.byGroup)) {
      for (const key of ['occupancy', 'slotUtilization'] as const) {
        const m = g[key];
        lines.push([csvText(run.scenario), csvText(`group:${group}`), key, cell(m.mean), cell(m.ci95), String(m.n), '', ''].join(','));
      }
    }
  });
  return `${lines.join('\n')}\n`;
}

/** The CLI's `--csv` table (one row per interval and type) of every scenario, with a scenario column. */
export function intervalsCsv(r: Results): string {
  const out: string[] = [];
  r.runs.forEach((run, i) => {
    const [header, ...rows] = intervalCsv(run).trimEnd().split('\n');
    if (i === 0) out.push(`scenario,${header}`);
    for (const row of rows) out.push(`${csvText(run.scenario)},${row}`);
  });
  return `${out.join('\n')}\n`;
}

/** Agent occupancy per (scenario, group, interval). */
export function occupancyCsv(r: Results): string {
  const lines = ['scenario,group,interval,start,occupancy,occupancy_ci95,slotUtilization,slotUtilization_ci95'];
  for (const run of r.runs) {
    run.intervals.forEach((iv, i) => {
      for (const [group, g] of Object.entries(iv.byGroup)) {
        lines.push(
          [csvText(run.scenario), csvText(group), String(i), iv.start, cell(g.occupancy.mean), cell(g.occupancy.ci95), cell(g.slotUtilization.mean), cell(g.slotUtilization.ci95)].join(','),
        );
      }
    });
  }
  return `${lines.join('\n')}\n`;
}
