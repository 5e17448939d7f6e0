/**
 * Recorded against simulated, one KPI of one contact type over one replayed date (`ccsim replay`
 * in the page): per interval the simulated 90% band of one day's value (5th to 95th percentile
 * over the replications, a blue bar), the simulated mean (blue line), and the recorded value: a
 * black circle inside the band, a vermillion triangle outside it (shape and colour, so the two
 * never depend on colour alone); hollow where the interval had fewer offered than the replay
 * counts. Pointer or arrow keys (once the chart has focus) read an interval.
 */
import * as d3 from 'd3';
import type { ReplayKpi, ReplayRow } from '../../../src/history/replay.js';
import { attachCursor } from './cursor.js';
import { axisTitle, createFigure, styleAxis } from './figure.js';
import { drawGridLines } from './gridLines.js';
import { drawIntervalAxis, intervalCentre, intervalScale, nearestInterval } from './intervalAxis.js';
import { drawLegend, legendHeight, type LegendItem } from './legend.js';
import { MUTED, OKABE_ITO, TEXT } from './palette.js';

export interface ReplayChartOptions {
  /** The rows of one date and one type, in interval order. */
  readonly rows: readonly ReplayRow[];
  readonly kpi: ReplayKpi;
  readonly intervalMinutes: number;
  /** Intervals with at least this many offered count in coverage. */
  readonly minOffered: number;
  readonly width: number;
  readonly fileName: string;
}

export const REPLAY_KPI_AXIS: Readonly<Record<ReplayKpi, { title: string; percent: boolean }>> = {
  serviceLevel: { title: 'Service level', percent: true },
  asa: { title: 'ASA (s)', percent: false },
  abandonRate: { title: 'Abandonment rate', percent: true },
};

export const REPLAY_MARKS = {
  band: OKABE_ITO.skyBlue,
  mean: OKABE_ITO.blue,
  inside: OKABE_ITO.black,
  outside: OKABE_ITO.vermillion,
} as const;

const PLOT_H = 230;

export function replayChart(parent: HTMLElement, o: ReplayChartOptions): void {
  const { rows, kpi } = o;
  const first = rows[0];
  if (first === undefined) return;
  const axis = REPLAY_KPI_AXIS[kpi];
  const items: LegendItem[] = [
    { label: 'Simulated 90% band of one day', colour: REPLAY_MARKS.band, kind: 'box' },
    { label: 'Simulated mean', colour: REPLAY_MARKS.mean, kind: 'line' },
  ];
  const markLegend = [
    { label: 'Recorded, inside the band', symbol: d3.symbolCircle, colour: REPLAY_MARKS.inside },
    { label: 'Recorded, outside the band', symbol: d3.symbolTriangle, colour: REPLAY_MARKS.outside },
    ...(rows.every((r) => r.counted) ? [] : [{ label: `Hollow: fewer than ${o.minOffered} offered (not counted)`, symbol: d3.symbolCircle, colour: MUTED, hollow: true }]),
  ];
  const left = 64;
  const lh = legendHeight([...items, ...markLegend.map((m) => ({ label: m.label, colour: m.colour, kind: 'box' as const }))], o.width - left);
  const margin = { top: 8 + lh + 12, right: 16, bottom: 50, left };
  const outside = rows.filter((r) => r[kpi].inside === false).length;
  const fig = createFigure(parent, {
    testId: `replay-chart-${first.type}`,
    title: `Replay ${first.date} · ${first.type} · ${axis.title.replace(' (s)', '')}`,
    description: `Per ${o.intervalMinutes}-minute interval: the recorded value against the simulated 90% band of one day (5th to 95th percentile over the replications) and the simulated mean; ${outside} recorded value${outside === 1 ? ' lies' : 's lie'} outside the band (triangles). Focus the chart and use the arrow keys to read an interval.`,
    width: o.width,
    height: margin.top + PLOT_H + margin.bottom,
    margin,
    fileName: o.fileName,
  });
  fig.element.classList.add('replay-chart');
  fig.element.dataset['kpi'] = kpi;
  drawLegend(fig.svg, items, left, 8, o.width - left);
  drawMarkLegend(fig.svg, markLegend, left, 8, o.width - left, items);

  const { plot, innerWidth: w } = fig;
  const labels = rows.map((r) => r.interval);
  const x = intervalScale(labels, w);
  const values = rows.flatMap((r) => [r[kpi].hi, r[kpi].recorded, r[kpi].mean]).filter((v): v is number => v !== null);
  const top = axis.percent ? 1 : Math.max(1, (d3.max(values) ?? 0) * 1.08);
  const y = d3.scaleLinear().domain([0, top]).range([PLOT_H, 0]).nice();
  const format = axis.percent ? d3.format('.0%') : d3.format(',~');
  drawGridLines(plot, y, w, 5);
  styleAxis(plot.append('g').call(d3.axisLeft(y).ticks(5).tickFormat((d) => format(d as number))));
  axisTitle(plot, axis.title, -left + 14, PLOT_H / 2, true);
  drawIntervalAxis(plot, x, labels, PLOT_H, o.intervalMinutes);

  const bw = Math.max(3, x.bandwidth() * 0.7);
  plot
    .append('g')
    .attr('class', 'bands')
    .selectAll('rect')
    .data(rows.map((r, i) => ({ r, i })).filter(({ r }) => r[kpi].lo !== null && r[kpi].hi !== null))
    .join('rect')
    .attr('class', 'band')
    .attr('data-interval', ({ r }) => r.interval)
    .attr('data-lo', ({ r }) => String(r[kpi].lo))
    .attr('data-hi', ({ r }) => String(r[kpi].hi))
    .attr('x', ({ i }) => intervalCentre(x, i) - bw / 2)
    .attr('width', bw)
    .attr('y', ({ r }) => y(r[kpi].hi!))
    .attr('height', ({ r }) => Math.max(1, y(r[kpi].lo!) - y(r[kpi].hi!)))
    .attr('fill', REPLAY_MARKS.band)
    .attr('fill-opacity', 0.45)
    .attr('stroke', REPLAY_MARKS.mean)
    .attr('stroke-opacity', 0.5)
    .attr('stroke-width', 0.8);
  const mean = d3
    .line<ReplayRow>()
    .defined((r) => r[kpi].mean !== null)
    .x((_, i) => intervalCentre(x, i))
    .y((r) => y(r[kpi].mean!));
  plot.append('path').attr('class', 'mean-line').attr('d', mean(rows as ReplayRow[])).attr('fill', 'none').attr('stroke', REPLAY_MARKS.mean).attr('stroke-width', 2);

  const circle = d3.symbol().type(d3.symbolCircle).size(46);
  const triangle = d3.symbol().type(d3.symbolTriangle).size(70);
  plot
    .append('g')
    .attr('class', 'recorded')
    .selectAll('path')
    .data(rows.map((r, i) => ({ r, i })).filter(({ r }) => r[kpi].recorded !== null))
    .join('path')
    .attr('class', ({ r }) => `recorded-point ${r[kpi].inside === false ? 'outside' : 'inside'}`)
    .attr('data-interval', ({ r }) => r.interval)
    .attr('data-inside', ({ r }) => String(r[kpi].inside))
    .attr('data-counted', ({ r }) => String(r.counted))
    .attr('d', ({ r }) => (r[kpi].inside === false ? triangle() : circle()))
    .attr('transform', ({ r, i }) => `translate(${intervalCentre(x, i)},${y(r[kpi].recorded!)})`)
    .attr('fill', ({ r }) => (!r.counted ? '#ffffff' : r[kpi].inside === false ? REPLAY_MARKS.outside : REPLAY_MARKS.inside))
    .attr('stroke', ({ r }) => (r[kpi].inside === false ? REPLAY_MARKS.outside : REPLAY_MARKS.inside))
    .attr('stroke-width', 1.6);

  const cursor = plot.append('g').attr('class', 'cursor').attr('pointer-events', 'none').style('display', 'none');
  cursor.append('line').attr('y1', 0).attr('y2', PLOT_H).attr('stroke', MUTED);
  const show = (v: number | null) => (v === null ? '–' : axis.percent ? `${(v * 100).toFixed(1)}%` : `${v.toFixed(1)} s`);
  attachCursor({
    svg: fig.svg,
    cols: rows.length,
    cellAt: (px, py) => {
      const lx = px - margin.left;
      if (lx < 0 || lx > w || py < margin.top - 8 || py > margin.top + PLOT_H + 8) return null;
      return { col: nearestInterval(x, lx, rows.length), row: 0 };
    },
    show: ({ col }) => {
      const r = rows[col]!;
      const v = r[kpi];
      const cx = intervalCentre(x, col);
      cursor.style('display', null).attr('transform', `translate(${cx},0)`);
      const verdict = v.inside === null ? 'not judged' : v.inside ? 'inside the band' : 'OUTSIDE the band';
      fig.tooltip.show(
        [
          `${r.date} ${r.interval} · ${r.type}`,
          `offered ${r.offered}${r.counted ? '' : ` (fewer than ${o.minOffered}: not counted)`}`,
          `recorded ${show(v.recorded)}: ${verdict}`,
          `simulated mean ${show(v.mean)}`,
          `90% band ${show(v.lo)} to ${show(v.hi)}`,
        ],
        margin.left + cx,
        margin.top + 4,
      );
    },
    hide: () => {
      cursor.style('display', 'none');
      fig.tooltip.hide();
    },
  });
}

interface MarkItem {
  readonly label: string;
  readonly symbol: d3.SymbolType;
  readonly colour: string;
  readonly hollow?: boolean;
}

/** The point symbols' legend, continuing the flow of `before` (laid out as drawLegend lays it out). */
function drawMarkLegend(
  svg: d3.Selection<SVGSVGElement, unknown, null, undefined>,
  marks: readonly MarkItem[],
  x: number,
  y: number,
  maxWidth: number,
  before: readonly LegendItem[],
): void {
  const CHAR = 6.7;
  const width = (label: string) => 26 + 6 + label.length * CHAR + 18;
  let cx = 0;
  let cy = 0;
  for (const item of before) {
    const iw = width(item.label);
    if (cx > 0 && cx + iw > maxWidth) {
      cx = 0;
      cy += 18;
    }
    cx += iw;
  }
  const g = svg.append('g').attr('class', 'legend marks').attr('transform', `translate(${x},${y})`);
  for (const m of marks) {
    const iw = width(m.label);
    if (cx > 0 && cx + iw > maxWidth) {
      cx = 0;
      cy += 18;
    }
    const it = g.append('g').attr('transform', `translate(${cx},${cy})`);
    it.append('path')
      .attr('d', d3.symbol().type(m.symbol).size(60)())
      .attr('transform', 'translate(13,7.5)')
      .attr('fill', m.hollow === true ? '#ffffff' : m.colour)
      .attr('stroke', m.colour)
      .attr('stroke-width', 1.6);
    it.append('text').attr('x', 32).attr('y', 12).attr('font-size', 12).attr('fill', TEXT).text(m.label);
    cx += iw;
  }
}
