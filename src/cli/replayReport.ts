import { worstReplayRows, type ReplayOutput } from '../history/replay.js';
import { REPLAY_KPI_WORDS as KPI_WORDS, replayVerdicts as verdicts } from '../history/replayVerdict.js';
import { table, wrap } from './format.js';

/** Worst intervals listed in the readable report. */
export const WORST_SHOWN = 10;

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

/** A fraction in percent, without the sign (the caller adds it once, after a band's two ends). */
function percent(x: number | null): string {
  return x === null ? '-' : (x * 100).toFixed(1);
}

function seconds(x: number | null): string {
  return x === null ? '-' : x.toFixed(1);
}
