/**
 * The roster's time axis, shared by the Gantt chart and the coverage chart under it: minutes from
 * the start of interval 0 across the horizon, a labelled line at every day boundary and clock
 * ticks inside each day as often as the width allows.
 */
import * as d3 from 'd3';
import { formatClock, parseClock } from '../../../src/scenario/index.js';
import { styleAxis } from './figure.js';
import { GRID, MUTED } from './palette.js';

export interface RosterHorizon {
  readonly intervals: number;
  readonly intervalMinutes: number;
  readonly start: string;
  readonly days: number;
}

/** Minutes of the horizon -> plot x (clamped: a shift past the end stops at the edge). */
export function rosterTimeScale(h: RosterHorizon, width: number): d3.ScaleLinear<number, number> {
  return d3.scaleLinear().domain([0, h.intervals * h.intervalMinutes]).range([0, width]).clamp(true);
}

/** Hours between clock ticks: the smallest of 1, 2, 3, 4, 6, 12 leaving 30 px between ticks; 0 for none. */
function clockStep(x: d3.ScaleLinear<number, number>): number {
  const perHour = x(60) - x(0);
  return [1, 2, 3, 4, 6, 12].find((h) => h * perHour >= 30) ?? 0;
}

/**
 * Day boundaries (full-height lines from 0 to `height`) and the time axis: at y = 0 with the
 * labels above (`top`), or at y = `height` with the labels below.
 */
export function drawRosterTimeAxis(
  plot: d3.Selection<SVGGElement, unknown, null, undefined>,
  x: d3.ScaleLinear<number, number>,
  h: RosterHorizon,
  height: number,
  side: 'top' | 'bottom',
): void {
  const total = h.intervals * h.intervalMinutes;
  const days = d3.range(0, h.days + 1).map((d) => d * 1440).filter((m) => m <= total);
  plot
    .append('g')
    .attr('class', 'day-lines')
    .selectAll('line')
    .data(days)
    .join('line')
    .attr('x1', (m) => x(m))
    .attr('x2', (m) => x(m))
    .attr('y1', 0)
    .attr('y2', height)
    .attr('stroke', GRID);
  const step = clockStep(x);
  const origin = parseClock(h.start);
  const clocks = step === 0 ? [] : d3.range(0, total + 1, step * 60).filter((m) => m % 1440 !== 0);
  const axis = (side === 'top' ? d3.axisTop(x) : d3.axisBottom(x))
    .tickValues(clocks)
    .tickFormat((m) => formatClock(origin + Number(m)))
    .tickSizeOuter(0);
  const g = plot.append('g').attr('class', 'clock-axis').attr('transform', `translate(0,${side === 'top' ? 0 : height})`).call(axis);
  styleAxis(g);
  g.selectAll('.tick text').attr('font-size', 10).attr('fill', MUTED);
  // Day labels in the middle of each day, outside the clock labels.
  const dy = side === 'top' ? -22 : height + 30;
  plot
    .append('g')
    .attr('class', 'day-labels')
    .selectAll('text')
    .data(days.filter((m) => m < total))
    .join('text')
    .attr('x', (m) => x(Math.min(m + 720, (m + total) / 2)))
    .attr('y', dy)
    .attr('text-anchor', 'middle')
    .attr('font-size', 11)
    .attr('font-weight', 600)
    .text((m) => `day ${m / 1440}`);
}
