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

/** "10:30–11:00" from the start label and the interval length. */
export function intervalRange(labels: readonly string[], i: number, intervalMinutes: number): string {
  const start = labels[i] ?? '';
  const m = /^(\d\d):(\d\d)$/.exec(start);
  if (!m) return start;
  const end = (Number(m[1]) * 60 + Number(m[2]) + intervalMinutes) % 1440;
  const hh = String(Math.floor(end / 60)).padStart(2, '0');
  const mm = String(end % 60).padStart(2, '0');
  return `${start}–${hh}:${mm}`;
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
  const step = Math.max(1, Math.ceil(labels.length / Math.max(1, x.range()[1]! / 48)));
  const axis = d3
    .axisBottom(x)
    .tickValues(x.domain().filter((_, i) => i % step === 0))
    .tickFormat((d) => labels[Number(d)] ?? '');
  const g = plot.append('g').attr('transform', `translate(0,${height})`).call(axis);
  styleAxis(g);
  if (title) axisTitle(plot, `Interval start (clock time, ${intervalMinutes}-minute intervals)`, x.range()[1]! / 2, height + 36);
}

/** The interval whose centre is nearest to plot x `px`. */
export function nearestInterval(x: d3.ScaleBand<string>, px: number, count: number): number {
  return Math.max(0, Math.min(count - 1, Math.round((px - intervalCentre(x, 0)) / x.step())));
}
