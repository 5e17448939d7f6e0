import type { ReplayKpi, ReplayTypeSummary } from './replay.js';

/**
 * The replay's verdict in words, one line per KPI of a contact type's summary: what `ccsim
 * replay` prints under each type and what the page shows beside its replay chart, from the same
 * numbers (`service level: recorded inside the simulated band in 88% of 312 intervals; bias -1.2
 * pts (MAE 9.8)`).
 */

/** The KPIs in words. */
export const REPLAY_KPI_WORDS: Readonly<Record<ReplayKpi, string>> = { serviceLevel: 'service level', asa: 'ASA', abandonRate: 'abandonment' };

/** One line per KPI (service level, ASA, abandonment), without indentation. */
export function replayVerdicts(s: ReplayTypeSummary): string[] {
  const line = (kpi: ReplayKpi, bias: string | null) => {
    const counted = s.counted[kpi];
    const share = s.coverage[kpi];
    if (share === null) return `${REPLAY_KPI_WORDS[kpi]}: no interval to judge (none with a recorded value and at least the minimum offered)`;
    return `${REPLAY_KPI_WORDS[kpi]}: recorded inside the simulated band in ${Math.round(share * 100)}% of ${counted} interval${counted === 1 ? '' : 's'}` +
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
