/** The shared x axis of per-interval charts: one band per planning interval, labelled by clock time. */
import * as d3 from 'd3';
import { axisTitle, styleAxis } from './figure.js';

export function intervalScale(labels: readonly string[], width: number): d3.ScaleBand<string> {
  return d3.scaleBand<string>().domain(labels.map((_, i) => String(i))).range([0, width]).paddingInner(0.12).paddingOuter(0.06);
}

/** Centre of interval i, px. */
export function intervalCentre(x: d3.ScaleBand<string>, i: number): number {
  return (x(String(i)) ?? 0) + x.bandwidth() / 2;
}

/** Draw the interval axis at the bottom of a plot of this height, with its title. */
export function drawIntervalAxis(
  plot: d3.Selection<SVGGElement, unknown, null, undefined>,
  x: d3.ScaleBand<string>,
  labels: readonly string[],
  height: number,
  intervalMinutes: number,
  title = true,
): void {
  // Label every k-th interval, k the fewest that fits and spans a round number of minutes.
  const labelWidth = Math.max(...labels.map((l) => l.length), 5) * 6.3 + 14;
  const needed = Math.max(1, Math.ceil(labels.length / Math.max(1, x.range()[1]! / labelWidth)));
  const round = [15, 30, 60, 120, 180, 240, 360, 480, 720, 1440, 2880, 10080].map((m) => m / intervalMinutes).filter((k) => Number.isInteger(k));
  const step = round.find((k) => k >= needed) ?? needed;
  const axis = d3
    .axisBottom(x)
    .tickValues(x.domain().filter((_, i) => i % step === 0))
    .tickFormat((d) => labels[Number(d)] ?? '');
  const g = plot.append('g').attr('transform', `translate(0,${height})`).call(axis);
  styleAxis(g);
  if (!title) return;
  // A phone-width plot gets the short title, which fits under it (about 6.7 px a glyph at 12px).
  const long = `Interval start (clock time, ${intervalMinutes}-minute intervals)`;
  const text = long.length * 6.7 > x.range()[1]! + 60 ? `Interval start (${intervalMinutes}-min intervals)` : long;
  axisTitle(plot, text, x.range()[1]! / 2, height + 36);
}

/** The interval whose centre is nearest to plot x `px`. */
export function nearestInterval(x: d3.ScaleBand<string>, px: number, count: number): number {
  return Math.max(0, Math.min(count - 1, Math.round((px - intervalCentre(x, 0)) / x.step())));
}
