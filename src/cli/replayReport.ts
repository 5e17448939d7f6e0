import { worstReplayRows, type ReplayKpi, type ReplayOutput, type ReplayTypeSummary } from '../history/replay.js';
import { table, wrap } from './format.js';

/** Worst intervals listed in the readable report. */
export const WORST_SHOWN = 10;

const KPI_WORDS: Readonly<Record<ReplayKpi, string>> = { serviceLevel: 'service level', asa: 'ASA', abandonRate: 'abandonment' };

/**
 * The readable replay report: what was replayed, a verdict line per type and KPI, the worst
 * intervals first, then what was skipped or left out. Fits the output width.
 */
export function replayReport(out: ReplayOutput): string {
  const lines: string[] = [];
  const n = out.dates.length;
  lines.push(
    `Replay of "${out.scenario}": ${n} date${n === 1 ? '' : 's'} from ${out.dates[0]} to ${out.dates[n - 1]}, ` +
      `${out.replications} replications each, seed ${out.seed}.`,
    `Band: the ${out.band.lo * 100}th to ${out.band.hi * 100}th percentile of one simulated day (inclusive).`,
    `Intervals with at least ${out.minOffered} offered count; bias is simulated minus recorded.`,
  );
  for (const [type, summary] of Object.entries(out.byType)) {
    lines.push('', `${type} (${summary.intervals} interval${summary.intervals === 1 ? '' : 's'} with at least ${out.minOffered} offered)`);
    lines.push(...verdicts(summary).map((l) => `  ${l}`));
  }
  lines.push('', 'A well-calibrated model covers close to 90%.');
  const worst = worstReplayRows(out, WORST_SHOWN);
  if (worst.length > 0) {
    lines.push('', 'Worst intervals (recorded farthest from the simulated mean, in band widths):');
    const rows = worst.map(({ row, kpi, score }) => {
      const v = row[kpi];
      const [show, unit] = kpi === 'asa' ? [seconds, ' s'] : [percent, '%'];
      const band = `${show(v.lo)}-${show(v.hi)}${unit}`;
      const off = score === Infinity ? 'inf' : `${score.toFixed(1)}x`;
      return [row.date, row.interval, row.type, KPI_WORDS[kpi], String(row.offered), show(v.recorded) + unit, show(v.mean) + unit, band, off];
    });
    lines.push(table(['date', 'start', 'type', 'KPI', 'offered', 'recorded', 'simulated', 'band', 'off by'], rows, { keys: 4 }));
  }
  if (out.skipped.length > 0) {
    lines.push('', `Skipped: ${out.skipped.map((s) => `${s.date} (${s.reason})`).join('; ')}`);
  }
  if (out.notes.length > 0) lines.push('', 'Notes:', ...out.notes.map((note) => `  - ${note}`));
  return `${wrap(lines.join('\n'))}\n`;
}

/** One line per KPI: "service level: recorded inside the simulated band in 88% of 312 intervals; bias -1.2 pts". */
function verdicts(s: ReplayTypeSummary): string[] {
  const line = (kpi: ReplayKpi, bias: string | null) => {
    const counted = s.counted[kpi];
    const share = s.coverage[kpi];
    if (share === null) return `${KPI_WORDS[kpi]}: no interval to judge (none with a recorded value and at least the minimum offered)`;
    return `${KPI_WORDS[kpi]}: recorded inside the simulated band in ${Math.round(share * 100)}% of ${counted} interval${counted === 1 ? '' : 's'}` +
      (bias === null ? '' : `; bias ${bias}`);
  };
  const signed = (x: number | null, unit: string, digits = 1) => (x === null ? null : `${x >= 0 ? '+' : '-'}${Math.abs(x).toFixed(digits)} ${unit}`);
  const sl = signed(s.slBiasPts, 'pts');
  return [
    line('serviceLevel', sl === null ? null : `${sl} (MAE ${s.slMaePts!.toFixed(1)})`),
    line('asa', signed(s.asaBiasSeconds, 's')),
    line('abandonRate', signed(s.abandonRateBiasPts, 'pts')),
  ];
}

/** A fraction in percent, without the sign (the caller adds it once, after a band's two ends). */
function percent(x: number | null): string {
  return x === null ? '-' : (x * 100).toFixed(1);
}

function seconds(x: number | null): string {
  return x === null ? '-' : x.toFixed(1);
}
