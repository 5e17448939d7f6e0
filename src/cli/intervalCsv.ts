import { KPI_NAMES, type RunOutput } from '../experiment/index.js';

/** One row per interval and contact type with every KPI's mean and 95% half-width, for spreadsheets. */
export function intervalCsv(out: RunOutput): string {
  const header = ['interval', 'start', 'type', ...KPI_NAMES.flatMap((k) => [k, `${k}_ci95`])];
  const lines = [header.join(',')];
  out.intervals.forEach((iv, i) => {
    for (const [type, kpis] of Object.entries(iv.byType)) {
      const cells = KPI_NAMES.flatMap((k) => [cell(kpis[k].mean), cell(kpis[k].ci95)]);
      lines.push([String(i), iv.start, csvText(type), ...cells].join(','));
    }
  });
  return `${lines.join('\n')}\n`;
}

function cell(x: number | null): string {
  return x === null ? '' : String(x);
}

function csvText(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
