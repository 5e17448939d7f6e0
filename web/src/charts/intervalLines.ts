/**
 * A KPI per interval for each scenario: a line through the means and a band for the 95%
 * confidence interval, with optional target lines. Used for service level, ASA and abandonment.
 */
import * as d3 from 'd3';
import type { Metric } from '../../../src/stats/index.js';
import { formatHalfWidth, formatValue, type Unit } from '../model/format.js';
import { intervalRange } from '../model/intervals.js';
import { attachCursor } from './cursor.js';
import { drawGridLines } from './gridLines.js';
import { axisTitle, createFigure, styleAxis } from './figure.js';
import { drawIntervalAxis, intervalCentre, intervalScale, nearestInterval } from './intervalAxis.js';
import { drawLegend, legendHeight, type LegendItem } from './legend.js';
import { GRID, MUTED } from './palette.js';

export interface LineSeries {
  readonly label: string;
  readonly colour: string;
  readonly dash: string;
  /** One metric per interval (undefined where the scenario has no such type). */
  readonly values: readonly (Metric | undefined)[];
}

export interface TargetLine {
  readonly value: number;
  readonly label: string;
  readonly colour: string;
}

export interface IntervalLinesOptions {
  readonly testId: string;
  readonly title: string;
  readonly description: string;
  readonly fileName: string;
  readonly width: number;
  readonly labels: readonly string[];
  readonly intervalMinutes: number;
  readonly series: readonly LineSeries[];
  readonly unit: Unit;
  readonly yTitle: string;
  /** Fixed y domain (e.g. [0, 1] for service level); otherwise from the data. */
  readonly yDomain?: [number, number];
  readonly targets?: readonly TargetLine[];
  /** What the values are of, for the tooltip heading (e.g. "calls"). */
  readonly context: string;
  /** A click on interval `col`, or Enter on it: act on it (and say how in the tooltip's last line). */
  readonly pick?: { readonly onPick: (col: number) => void; readonly hint: string };
}

interface Point {
  i: number;
  mean: number;
  lo: number;
  hi: number;
}

const points = (values: readonly (Metric | undefined)[]): (Point | null)[] =>
  values.map((m, i) => (m === undefined || m.mean === null ? null : { i, mean: m.mean, lo: m.mean - (m.ci95 ?? 0), hi: m.mean + (m.ci95 ?? 0) }));

export function intervalLinesChart(parent: HTMLElement, o: IntervalLinesOptions): void {
  const legendItems: LegendItem[] = [
    ...o.series.map((s) => ({ label: s.label, colour: s.colour, dash: s.dash, kind: 'band' as const })),
    ...(o.targets ?? []).map((t) => ({ label: t.label, colour: t.colour, dash: '3 3', kind: 'line' as const })),
  ];
  const lh = legendHeight(legendItems, o.width - 70);
  const margin = { top: 8 + lh + 12, right: 20, bottom: 50, left: 76 };
  const fig = createFigure(parent, {
    testId: o.testId,
    title: o.title,
    description: o.description,
    width: o.width,
    height: margin.top + 240 + margin.bottom,
    margin,
    fileName: o.fileName,
  });
  drawLegend(fig.svg, legendItems, margin.left, 8, o.width - 70);
  const { plot, innerWidth: w, innerHeight: h } = fig;
  const data = o.series.map((s) => points(s.values));

  const x = intervalScale(o.labels, w);
  let domain = o.yDomain;
  if (domain === undefined) {
    const top = d3.max([...data.flat().map((p) => p?.hi ?? 0), ...(o.targets ?? []).map((t) => t.value)]) ?? 0;
    domain = [0, top > 0 ? top * 1.08 : 1];
  }
  const y = d3.scaleLinear().domain(domain).range([h, 0]).nice();
  const [y0, y1] = y.domain() as [number, number];
  const clamp = (v: number) => Math.max(y0, Math.min(y1, v));
  const tickFormat = o.unit === 'percent' ? d3.format('.0%') : d3.format(',~');

  drawGridLines(plot, y, w, 6);
  const yAxis = plot.append('g').call(d3.axisLeft(y).ticks(6).tickFormat((d) => tickFormat(d as number)));
  styleAxis(yAxis);
  axisTitle(plot, o.yTitle, -62, h / 2, true);
  drawIntervalAxis(plot, x, o.labels, h, o.intervalMinutes);

  const cx = (p: Point) => intervalCentre(x, p.i);
  data.forEach((pts, s) => {
    const series = o.series[s]!;
    const area = d3
      .area<Point | null>()
      .defined((p) => p !== null)
      .x((p) => cx(p!))
      .y0((p) => y(clamp(p!.lo)))
      .y1((p) => y(clamp(p!.hi)));
    const line = d3
      .line<Point | null>()
      .defined((p) => p !== null)
      .x((p) => cx(p!))
      .y((p) => y(clamp(p!.mean)));
    const g = plot.append('g').attr('class', 'series').attr('data-series', s);
    g.append('path').attr('class', 'ci-band').attr('d', area(pts)).attr('fill', series.colour).attr('opacity', 0.18);
    g.append('path')
      .attr('class', 'mean-line')
      .attr('d', line(pts))
      .attr('fill', 'none')
      .attr('stroke', series.colour)
      .attr('stroke-width', 2.2)
      .attr('stroke-dasharray', series.dash || null);
    // Single points (between gaps) would not show as a line: mark every mean.
    g.selectAll('circle')
      .data(pts.filter((p): p is Point => p !== null))
      .join('circle')
      .attr('cx', cx)
      .attr('cy', (p) => y(clamp(p.mean)))
      .attr('r', 2)
      .attr('fill', series.colour);
  });
  for (const t of o.targets ?? []) {
    plot
      .append('line')
      .attr('class', 'target-line')
      .attr('x1', 0)
      .attr('x2', w)
      .attr('y1', y(clamp(t.value)))
      .attr('y2', y(clamp(t.value)))
      .attr('stroke', t.colour)
      .attr('stroke-width', 1.5)
      .attr('stroke-dasharray', '3 3');
  }

  const cursor = plot.append('g').attr('class', 'cursor').attr('pointer-events', 'none').style('display', 'none');
  cursor.append('line').attr('y1', 0).attr('y2', h).attr('stroke', MUTED).attr('stroke-width', 1);
  const dots = cursor
    .selectAll('circle')
    .data(o.series)
    .join('circle')
    .attr('r', 4.5)
    .attr('fill', '#fff')
    .attr('stroke', (s) => s.colour)
    .attr('stroke-width', 2);

  attachCursor({
    svg: fig.svg,
    cols: o.labels.length,
    cellAt: (px, py) => {
      const lx = px - margin.left;
      if (lx < 0 || lx > w || py < margin.top - 8 || py > margin.top + h + 8) return null;
      return { col: nearestInterval(x, lx, o.labels.length), row: 0 };
    },
    show: ({ col }) => {
      const cxp = intervalCentre(x, col);
      cursor.style('display', null).attr('transform', `translate(${cxp},0)`);
      dots
        .attr('cy', (_, s) => {
          const p = data[s]?.[col];
          return p ? y(clamp(p.mean)) : -100;
        })
        .style('display', (_, s) => (data[s]?.[col] ? null : 'none'));
      const lines = [`${intervalRange(o.labels, col, o.intervalMinutes)} · ${o.context}`];
      for (const s of o.series) {
        const m = s.values[col];
        const text = m === undefined || m.mean === null ? 'no contacts' : `${formatValue(m.mean, o.unit)} ± ${formatHalfWidth(m.ci95, o.unit)}`;
        lines.push(`${s.label}: ${text}`);
      }
      for (const t of o.targets ?? []) lines.push(`${t.label}: ${formatValue(t.value, o.unit)}`);
      if (o.pick !== undefined) lines.push(o.pick.hint);
      fig.tooltip.show(lines, margin.left + cxp, margin.top + 4);
    },
    hide: () => {
      cursor.style('display', 'none');
      fig.tooltip.hide();
    },
    ...(o.pick === undefined ? {} : { activate: ({ col }: { col: number }) => o.pick!.onPick(col) }),
  });
  if (o.pick !== undefined) fig.svg.attr('cursor', 'pointer');
}
