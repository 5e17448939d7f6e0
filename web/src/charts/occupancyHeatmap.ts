/**
 * Occupancy by agent group and interval: one row per (scenario, group), one cell per interval,
 * coloured on viridis from 0% to 100%. Cells of intervals with no agent staffed are hatched grey.
 */
import * as d3 from 'd3';
import type { Metric } from '../../../src/stats/index.js';
import { formatHalfWidth, formatValue } from '../model/format.js';
import { intervalRange } from '../model/intervals.js';
import { attachCursor } from './cursor.js';
import { createFigure, styleAxis } from './figure.js';
import { drawIntervalAxis, intervalScale, nearestInterval } from './intervalAxis.js';
import { TEXT } from './palette.js';

export interface HeatmapBlock {
  /** The scenario's label. */
  readonly label: string;
  readonly colour: string;
  readonly rows: readonly { readonly group: string; readonly values: readonly (Metric | undefined)[] }[];
}

export interface HeatmapOptions {
  readonly width: number;
  readonly labels: readonly string[];
  readonly intervalMinutes: number;
  readonly blocks: readonly HeatmapBlock[];
}

const CELL_H = 22;
const BLOCK_HEAD = 20;
const NO_STAFF = '#eaeef2';

const CHAR = 6.7; // average glyph width at 12px, px
const LEGEND_TITLE = 'Occupancy (% of staffed time busy)';
const NO_STAFF_KEY = 'no agents';

/**
 * Where the legend's parts go: on one row right of the group labels when the chart is wide; on a
 * phone, the colour bar across the figure and the words on rows below it (so nothing is clipped).
 */
function legendLayout(width: number, left: number, right: number) {
  const wideBar = Math.min(260, (width - left - right) / 2);
  if (left + wideBar + 260 + NO_STAFF_KEY.length * CHAR <= width) {
    return { narrow: false, x: left, barW: wideBar, title: { x: wideBar + 12, y: 9 }, key: { x: wideBar + 240, y: 9 }, extra: 0 };
  }
  const x = 16; // room for half of the first tick label
  const titleW = LEGEND_TITLE.length * CHAR;
  const keyW = 20 + NO_STAFF_KEY.length * CHAR;
  const sameRow = x + titleW + 16 + keyW <= width;
  return {
    narrow: true,
    x,
    barW: Math.min(260, width - x - 20),
    title: { x: 0, y: 48 },
    key: sameRow ? { x: titleW + 16, y: 48 } : { x: 0, y: 66 },
    extra: sameRow ? 26 : 44,
  };
}

export function occupancyHeatmap(parent: HTMLElement, o: HeatmapOptions): void {
  const layout = legendLayout(o.width, 150, 20);
  // A narrow chart gives the group labels only the room they need (11px text, about 6.2 px a glyph).
  const longest = Math.max(0, ...o.blocks.flatMap((b) => b.rows.map((r) => r.group.length)));
  const left = !layout.narrow ? 150 : Math.min(150, Math.max(60, Math.ceil(longest * 6.2 + 20)));
  const margin = { top: 58 + layout.extra, right: 20, bottom: 50, left };
  const rowsY: { y: number; block: number; row: number }[] = [];
  let yPos = 0;
  o.blocks.forEach((b, bi) => {
    yPos += BLOCK_HEAD;
    b.rows.forEach((_, ri) => {
      rowsY.push({ y: yPos, block: bi, row: ri });
      yPos += CELL_H;
    });
    yPos += 6;
  });
  const innerH = yPos;
  const fig = createFigure(parent, {
    testId: 'chart-occupancy',
    title: 'Agent occupancy by group and interval',
    description:
      'Share of staffed agent time spent handling contacts (handle + wrap-up), per agent group and interval, in % (the number in each cell). Hover, or focus the chart and use the arrow keys, for exact values with their 95% confidence intervals.',
    width: o.width,
    height: margin.top + innerH + margin.bottom,
    margin,
    fileName: 'occupancy-heatmap',
  });
  const { plot, innerWidth: w } = fig;
  // Occupancy mostly lives between 50% and 100%: start the colour scale at 50% (lower when the
  // data go lower) so differences there are visible; the legend shows the scale used.
  const lowest = d3.min(o.blocks.flatMap((b) => b.rows.flatMap((r) => r.values.map((m) => m?.mean ?? 1)))) ?? 1;
  const lo = Math.min(0.5, Math.floor(Math.max(0, lowest) * 10) / 10);
  const colour = d3.scaleSequential(d3.interpolateViridis).domain([lo, 1]).clamp(true);
  const x = intervalScale(o.labels, w).paddingInner(0.04);

  // Legend: a colour bar 0..100% with its title.
  const { barW } = layout;
  const legend = fig.svg.append('g').attr('transform', `translate(${layout.x},10)`);
  const defs = fig.svg.append('defs');
  const gradient = defs.append('linearGradient').attr('id', 'occupancy-gradient');
  d3.range(0, 1.0001, 0.1).forEach((t) => gradient.append('stop').attr('offset', `${t * 100}%`).attr('stop-color', colour(lo + t * (1 - lo))));
  const hatch = defs.append('pattern').attr('id', 'no-staff').attr('width', 6).attr('height', 6).attr('patternUnits', 'userSpaceOnUse');
  hatch.append('rect').attr('width', 6).attr('height', 6).attr('fill', NO_STAFF);
  hatch.append('path').attr('d', 'M0,6 L6,0').attr('stroke', '#afb8c1').attr('stroke-width', 1);
  legend.append('rect').attr('width', barW).attr('height', 10).attr('fill', 'url(#occupancy-gradient)');
  const lx = d3.scaleLinear().domain([lo, 1]).range([0, barW]);
  const lg = legend.append('g').attr('transform', 'translate(0,10)').call(d3.axisBottom(lx).ticks(5).tickFormat(d3.format('.0%')));
  styleAxis(lg);
  legend.append('text').attr('x', layout.title.x).attr('y', layout.title.y).attr('font-size', 12).attr('fill', TEXT).text(LEGEND_TITLE);
  legend.append('rect').attr('x', layout.key.x).attr('y', layout.key.y - 10).attr('width', 14).attr('height', 12).attr('fill', 'url(#no-staff)');
  legend.append('text').attr('x', layout.key.x + 20).attr('y', layout.key.y).attr('font-size', 12).attr('fill', TEXT).text(NO_STAFF_KEY);

  o.blocks.forEach((b, bi) => {
    const first = rowsY.find((r) => r.block === bi);
    if (first === undefined) return;
    plot
      .append('text')
      .attr('x', -margin.left + 8)
      .attr('y', first.y - 6)
      .attr('font-size', 12)
      .attr('font-weight', 600)
      .attr('fill', b.colour)
      .text(b.label);
  });
  const rowG = plot
    .selectAll('g.heat-row')
    .data(rowsY)
    .join('g')
    .attr('class', 'heat-row')
    .attr('transform', (r) => `translate(0,${r.y})`);
  rowG
    .append('text')
    .attr('x', -8)
    .attr('y', CELL_H / 2 + 4)
    .attr('text-anchor', 'end')
    .attr('font-size', 11)
    .attr('fill', TEXT)
    .text((r) => o.blocks[r.block]!.rows[r.row]!.group);
  rowG
    .selectAll('rect')
    .data((r) => o.blocks[r.block]!.rows[r.row]!.values.map((m, i) => ({ m, i })))
    .join('rect')
    .attr('class', 'heat-cell')
    .attr('x', (d) => x(String(d.i)) ?? 0)
    .attr('y', 1)
    .attr('width', x.bandwidth())
    .attr('height', CELL_H - 2)
    .attr('fill', (d) => (d.m?.mean == null ? 'url(#no-staff)' : colour(d.m.mean)));
  // The value in each cell, when the cells are wide enough (white on the dark half of viridis).
  if (x.bandwidth() >= 20) {
    rowG
      .selectAll('text.heat-value')
      .data((r) => o.blocks[r.block]!.rows[r.row]!.values.map((m, i) => ({ m, i })).filter((d) => d.m?.mean != null))
      .join('text')
      .attr('class', 'heat-value')
      .attr('x', (d) => (x(String(d.i)) ?? 0) + x.bandwidth() / 2)
      .attr('y', CELL_H / 2 + 4)
      .attr('text-anchor', 'middle')
      .attr('font-size', 10)
      .attr('pointer-events', 'none')
      .attr('fill', (d) => ((d.m!.mean! - lo) / (1 - lo) < 0.55 ? '#ffffff' : '#000000'))
      .text((d) => Math.round(d.m!.mean! * 100));
  }

  drawIntervalAxis(plot, x, o.labels, innerH, o.intervalMinutes);
  plot.append('text').attr('x', -margin.left + 8).attr('y', -8).attr('font-size', 12).attr('fill', TEXT).text('Agent group (rows), by scenario');

  const outline = plot.append('rect').attr('fill', 'none').attr('stroke', '#000').attr('stroke-width', 2).attr('pointer-events', 'none').style('display', 'none');
  attachCursor({
    svg: fig.svg,
    cols: o.labels.length,
    rows: rowsY.length,
    cellAt: (px, py) => {
      const lxp = px - margin.left;
      const ly = py - margin.top;
      if (lxp < 0 || lxp > w) return null;
      const row = rowsY.findIndex((r) => ly >= r.y && ly < r.y + CELL_H);
      return row < 0 ? null : { col: nearestInterval(x, lxp, o.labels.length), row };
    },
    show: ({ col, row }) => {
      const r = rowsY[row];
      if (r === undefined) return;
      const block = o.blocks[r.block]!;
      const line = block.rows[r.row]!;
      const m = line.values[col];
      outline
        .style('display', null)
        .attr('x', x(String(col)) ?? 0)
        .attr('y', r.y)
        .attr('width', x.bandwidth())
        .attr('height', CELL_H);
      const value = m === undefined || m.mean === null ? 'no agents staffed' : `${formatValue(m.mean, 'percent')} ± ${formatHalfWidth(m.ci95, 'percent')}`;
      fig.tooltip.show(
        [`${intervalRange(o.labels, col, o.intervalMinutes)} · ${line.group}`, block.label, `Occupancy: ${value}`],
        margin.left + (x(String(col)) ?? 0) + x.bandwidth(),
        margin.top + r.y,
      );
    },
    hide: () => {
      outline.style('display', 'none');
      fig.tooltip.hide();
    },
  });
}
