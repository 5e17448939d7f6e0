/**
 * One contact type's forecast (`ccsim forecast` in the page): the last weeks of recorded offered
 * contacts per interval (black line), then the expected volume per interval (blue line) inside
 * its 80% band of one day's count (blue band), on an axis of opening hours only: each day is a
 * run of intervals, nights take no room, and a line breaks between days. A dashed rule marks
 * where the forecast starts. Pointer or arrow keys (once the chart has focus) show an interval.
 */
import * as d3 from 'd3';
import { formatClock } from '../../../src/scenario/index.js';
import type { ForecastSeries, TypeSeries } from '../history/forecastSeries.js';
import { attachCursor } from './cursor.js';
import { axisTitle, createFigure, styleAxis } from './figure.js';
import { drawGridLines } from './gridLines.js';
import { drawLegend, legendHeight, type LegendItem } from './legend.js';
import { GRID, MUTED, OKABE_ITO } from './palette.js';

export interface ForecastChartOptions {
  readonly series: ForecastSeries;
  readonly type: TypeSeries;
  readonly width: number;
  readonly fileName: string;
}

const PLOT_H = 210;
const HISTORY = OKABE_ITO.black;
const FORECAST = OKABE_ITO.blue;

interface Point {
  readonly i: number;
  readonly v: number;
}

export function forecastChart(parent: HTMLElement, o: ForecastChartOptions): void {
  const { series: s, type: t } = o;
  const n = s.days.length * s.slotsShown;
  const items: LegendItem[] = [
    { label: 'Recorded offered', colour: HISTORY, kind: 'line' },
    { label: 'Forecast (expected)', colour: FORECAST, kind: 'line' },
    { label: '80% band of one day’s count', colour: FORECAST, kind: 'band' },
  ];
  const left = 58;
  const lh = legendHeight(items, o.width - left);
  const margin = { top: 8 + lh + 22, right: 14, bottom: 46, left };
  const historyDays = s.forecastFrom;
  const forecastDays = s.days.length - historyDays;
  const first = s.days[s.forecastFrom]?.date ?? '';
  const fig = createFigure(parent, {
    testId: `forecast-chart-${t.type}`,
    title: `Forecast · ${t.type}`,
    description: `Contacts offered per ${s.intervalMinutes}-minute interval: the last ${historyDays} days recorded, then ${forecastDays} days forecast from ${first} with the 80% band of one day’s count; opening hours only (${formatClock(s.firstSlot * s.intervalMinutes)} to ${formatClock((s.lastSlot + 1) * s.intervalMinutes)}). Focus the chart and use the arrow keys to read an interval.`,
    width: o.width,
    height: margin.top + PLOT_H + margin.bottom,
    margin,
    fileName: o.fileName,
  });
  fig.element.classList.add('forecast-chart');
  fig.element.dataset['type'] = t.type;
  drawLegend(fig.svg, items, left, 8, o.width - left);
  const { plot, innerWidth: w } = fig;
  const x = d3.scaleLinear().domain([0, n]).range([0, w]);
  const top = d3.max([...t.actual, ...t.hi].filter(Number.isFinite)) ?? 0;
  const y = d3.scaleLinear().domain([0, top > 0 ? top * 1.05 : 1]).range([PLOT_H, 0]).nice();
  drawGridLines(plot, y, w, 5);

  // Day boundaries, and the day labels that fit (every k-th day).
  const dayWidth = w / Math.max(1, s.days.length);
  const step = Math.max(1, Math.ceil(64 / Math.max(1, dayWidth)));
  const days = plot.append('g').attr('class', 'days');
  s.days.forEach((day, d) => {
    const x0 = x(d * s.slotsShown);
    if (d > 0) days.append('line').attr('x1', x0).attr('x2', x0).attr('y1', 0).attr('y2', PLOT_H).attr('stroke', GRID);
    // A label needs about 60 px: the last ones are left out rather than cut at the edge.
    if (d % step !== 0 || x0 + 60 > w) return;
    days
      .append('text')
      .attr('x', x0 + 2)
      .attr('y', PLOT_H + 14)
      .attr('font-size', 10.5)
      .attr('fill', day.open ? '#1f2328' : MUTED)
      .text(`${day.weekday} ${day.date.slice(5)}`);
  });
  plot.append('line').attr('x1', 0).attr('x2', w).attr('y1', PLOT_H).attr('y2', PLOT_H).attr('stroke', '#8c959f');
  axisTitle(plot, `Date (opening hours, ${s.intervalMinutes}-minute intervals)`, w / 2, PLOT_H + 36);
  styleAxis(plot.append('g').call(d3.axisLeft(y).ticks(5).tickFormat(d3.format(',~'))));
  axisTitle(plot, `Contacts per ${s.intervalMinutes} min`, -left + 14, PLOT_H / 2, true);

  // Where the forecast starts.
  const fx = x(s.forecastFrom * s.slotsShown);
  plot.append('line').attr('class', 'forecast-start').attr('x1', fx).attr('x2', fx).attr('y1', -16).attr('y2', PLOT_H).attr('stroke', MUTED).attr('stroke-dasharray', '4 3');
  plot.append('text').attr('x', Math.min(fx + 4, w - 60)).attr('y', -6).attr('font-size', 11).attr('fill', MUTED).text('forecast →');

  /** The points of `values`, with a gap (null) after each day's last interval. */
  const points = (values: Float64Array): (Point | null)[] => {
    const out: (Point | null)[] = [];
    for (let d = 0; d < s.days.length; d++) {
      for (let k = 0; k < s.slotsShown; k++) {
        const i = d * s.slotsShown + k;
        const v = values[i]!;
        out.push(Number.isFinite(v) ? { i, v } : null);
      }
      out.push(null);
    }
    return out;
  };
  const cx = (p: Point) => x(p.i + 0.5);
  const line = d3.line<Point | null>().defined((p) => p !== null).x((p) => cx(p!)).y((p) => y(p!.v));
  const lo = points(t.lo);
  const hi = points(t.hi);
  const band = d3
    .area<number>()
    .defined((j) => lo[j] !== null && hi[j] !== null)
    .x((j) => cx(lo[j]!))
    .y0((j) => y(lo[j]!.v))
    .y1((j) => y(hi[j]!.v));
  plot.append('path').attr('class', 'forecast-band').attr('d', band(d3.range(lo.length))).attr('fill', FORECAST).attr('opacity', 0.2);
  plot.append('path').attr('class', 'history-line').attr('d', line(points(t.actual))).attr('fill', 'none').attr('stroke', HISTORY).attr('stroke-width', 1.3);
  plot.append('path').attr('class', 'forecast-line').attr('d', line(points(t.volume))).attr('fill', 'none').attr('stroke', FORECAST).attr('stroke-width', 1.8);

  const cursor = plot.append('g').attr('class', 'cursor').attr('pointer-events', 'none').style('display', 'none');
  cursor.append('line').attr('y1', 0).attr('y2', PLOT_H).attr('stroke', MUTED);
  const dot = cursor.append('circle').attr('r', 4).attr('fill', '#fff').attr('stroke-width', 2);
  const whole = d3.format(',.0f');
  const one = d3.format(',.1f');
  attachCursor({
    svg: fig.svg,
    cols: n,
    cellAt: (px, py) => {
      const lx = px - margin.left;
      if (lx < 0 || lx > w || py < margin.top - 16 || py > margin.top + PLOT_H + 8) return null;
      return { col: Math.max(0, Math.min(n - 1, Math.floor(x.invert(lx)))), row: 0 };
    },
    show: ({ col }) => {
      const d = Math.floor(col / s.slotsShown);
      const slot = s.firstSlot + (col % s.slotsShown);
      const day = s.days[d]!;
      const at = formatClock(slot * s.intervalMinutes);
      const head = `${day.weekday} ${day.date} ${at} · ${t.type}`;
      let lines: string[];
      let v: number;
      if (day.part === 'history') {
        v = t.actual[col]!;
        lines = [head, Number.isFinite(v) ? `recorded: ${whole(v)} offered` : 'closed: no rows recorded'];
        dot.attr('stroke', HISTORY);
      } else {
        v = t.volume[col]!;
        lines = [head, `forecast: ${one(v)}`, `80% band: ${whole(t.lo[col]!)} to ${whole(t.hi[col]!)}`];
        dot.attr('stroke', FORECAST);
      }
      const px = x(col + 0.5);
      cursor.style('display', null).attr('transform', `translate(${px},0)`);
      dot.attr('cy', Number.isFinite(v) ? y(v) : -100);
      fig.tooltip.show(lines, margin.left + px, margin.top + 4);
    },
    hide: () => {
      cursor.style('display', 'none');
      fig.tooltip.hide();
    },
  });
}
