/**
 * Staffing against requirement for one agent group: one panel per scenario on a shared scale,
 * time of day across. Agents present as a step line (from `staff`, or from shifts with breaks and
 * shrinkage, so it can change inside an interval), the analytic requirement in whole agents as a
 * dashed step line, the real-valued requirement as a thin line, and the shortfall shaded.
 */
import * as d3 from 'd3';
import { intervalRange } from '../model/intervals.js';
import { staffingSummary, staffingTooltipLines, type StaffingPanel, type StaffSegment } from '../model/staffing.js';
import { attachCursor } from './cursor.js';
import { drawGridLines } from './gridLines.js';
import { axisTitle, createFigure, styleAxis } from './figure.js';
import { drawLegend, legendHeight, type LegendItem } from './legend.js';
import { GRID, MUTED, OKABE_ITO } from './palette.js';

export type { StaffingPanel } from '../model/staffing.js';

export interface StaffingChartOptions {
  readonly testId: string;
  readonly group: string;
  readonly title: string;
  readonly description: string;
  readonly fileName: string;
  readonly width: number;
  /** Interval start labels (the baseline's). */
  readonly labels: readonly string[];
  readonly intervalMinutes: number;
  /** "Erlang A", "Erlang C" or "Erlang A/C": how the requirement was computed. */
  readonly method: string;
  readonly panels: readonly StaffingPanel[];
}

export const STAFFING_COLOURS = {
  staff: OKABE_ITO.blue,
  required: OKABE_ITO.black,
  exact: OKABE_ITO.purple,
  /** Vermillion at 40% on white, opaque (so the legend's swatch is the same colour). */
  short: '#eebf99',
} as const;

const PANEL_H = 140;
/** Average glyph width of the bold 12px panel heading, px. */
const CHAR = 7;
const PANEL_GAP = 36;

export function staffingChart(parent: HTMLElement, o: StaffingChartOptions): void {
  const items: LegendItem[] = [
    { label: 'Staff (agents present)', colour: STAFFING_COLOURS.staff, kind: 'line' },
    { label: `Required, whole agents (${o.method})`, colour: STAFFING_COLOURS.required, kind: 'line', dash: '6 3' },
    { label: 'Required, real-valued', colour: STAFFING_COLOURS.exact, kind: 'line' },
    { label: 'Staff short of the requirement', colour: STAFFING_COLOURS.short, kind: 'box' },
  ];
  const lh = legendHeight(items, o.width - 80);
  const margin = { top: 8 + lh + 20, right: 20, bottom: 50, left: 64 };
  const n = o.labels.length;
  const T = o.intervalMinutes;
  const innerH = o.panels.length * PANEL_H + (o.panels.length - 1) * PANEL_GAP;
  const fig = createFigure(parent, {
    testId: o.testId,
    title: o.title,
    description: o.description,
    width: o.width,
    height: margin.top + innerH + margin.bottom,
    margin,
    fileName: o.fileName,
  });
  fig.element.dataset['group'] = o.group;
  drawLegend(fig.svg, items, margin.left, 8, o.width - 80);
  const { plot, innerWidth: w } = fig;

  const x = d3.scaleLinear().domain([0, n * T]).range([0, w]);
  const top = d3.max(o.panels.flatMap((p) => (p.group === null ? [] : [...p.group.segments.map((s) => s.agents), ...p.group.required, ...p.group.requiredExact]))) ?? 0;
  const y = d3
    .scaleLinear()
    .domain([0, top > 0 ? top * 1.05 : 1])
    .range([PANEL_H, 0])
    .nice();

  // Time axis: ticks on interval boundaries, every k-th, k the fewest that fits and spans round minutes.
  const boundary = (i: number) => {
    const label = o.labels[i];
    if (label !== undefined) return label;
    const last = o.labels[n - 1] ?? '';
    return intervalRange(o.labels, n - 1, T).slice(last.length + 1) || last;
  };
  const labelWidth = Math.max(...o.labels.map((l) => l.length), 5) * 6.3 + 14;
  const needed = Math.max(1, Math.ceil((n + 1) / Math.max(1, w / labelWidth)));
  const round = [15, 30, 60, 120, 180, 240, 360, 480, 720, 1440, 2880, 10080].map((m) => m / T).filter((k) => Number.isInteger(k));
  const step = round.find((k) => k >= needed) ?? needed;
  const ticks = d3.range(0, n + 1, step).map((i) => i * T);

  const stepPath = d3.line<[number, number]>().x((d) => x(d[0])).y((d) => y(d[1]));
  const staffPoints = (segments: readonly StaffSegment[]) => segments.flatMap((s): [number, number][] => [[s.from, s.agents], [s.to, s.agents]]);

  o.panels.forEach((panel, p) => {
    const g = plot.append('g').attr('class', 'panel').attr('data-panel', p).attr('transform', `translate(0,${p * (PANEL_H + PANEL_GAP)})`);
    const head = g.append('text').attr('class', 'panel-head').attr('x', 0).attr('y', -7).attr('font-size', 12);
    const sum = panel.group === null ? null : staffingSummary(panel.group, T);
    const title = panel.group === null ? `${panel.label}: no such group` : panel.label;
    // Shorten a long scenario name so its summary still fits on the line (the full name is the
    // <title>); on a narrow chart (a phone) the summary shrinks to its shortfall count first.
    const columns = Math.floor(w / CHAR);
    const compact = sum === null ? '' : `short in ${sum.shortIntervals} of ${n}`;
    const summary = sum === null ? '' : Math.min(title.length, 16) + 5 + sum.text.length <= columns ? sum.text : compact;
    const room = Math.max(12, columns - (summary === '' ? 0 : summary.length + 5));
    head.append('tspan').attr('font-weight', 600).attr('fill', panel.colour).text(title.length > room ? `${title.slice(0, room - 1)}…` : title);
    if (sum !== null) {
      g.attr('data-short-intervals', sum.shortIntervals);
      head.append('tspan').attr('class', 'panel-summary').attr('fill', MUTED).text(`  ·  ${summary}`);
    }
    head.append('title').text(sum === null ? title : `${title} · ${sum.text}`);
    drawGridLines(g, y, w, 4);
    const gs = panel.group;
    if (gs !== null) {
      // Shortfall: where the agents present are fewer than the interval's requirement.
      const short: { from: number; to: number; agents: number; required: number }[] = [];
      for (const s of gs.segments) {
        for (let i = Math.floor(s.from / T); i < n && i * T < s.to; i++) {
          const required = gs.required[i] ?? 0;
          const from = Math.max(s.from, i * T);
          const to = Math.min(s.to, (i + 1) * T);
          if (to > from && s.agents < required) short.push({ from, to, agents: s.agents, required });
        }
      }
      g.append('g')
        .attr('class', 'shortfall')
        .attr('fill', STAFFING_COLOURS.short)
        .selectAll('rect')
        .data(short)
        .join('rect')
        .attr('x', (d) => x(d.from))
        .attr('width', (d) => Math.max(0.5, x(d.to) - x(d.from)))
        .attr('y', (d) => y(d.required))
        .attr('height', (d) => y(d.agents) - y(d.required));
      const required = gs.required.flatMap((r, i): [number, number][] => [[i * T, r], [(i + 1) * T, r]]);
      g.append('path')
        .attr('class', 'required-line')
        .attr('d', stepPath(required))
        .attr('fill', 'none')
        .attr('stroke', STAFFING_COLOURS.required)
        .attr('stroke-width', 1.8)
        .attr('stroke-dasharray', '6 3');
      const exact = gs.requiredExact.map((r, i): [number, number] => [(i + 0.5) * T, r]);
      g.append('path')
        .attr('class', 'required-exact')
        .attr('d', stepPath(exact))
        .attr('fill', 'none')
        .attr('stroke', STAFFING_COLOURS.exact)
        .attr('stroke-width', 1.2);
      g.append('path')
        .attr('class', 'staff-line')
        .attr('d', stepPath(staffPoints(gs.segments)))
        .attr('fill', 'none')
        .attr('stroke', STAFFING_COLOURS.staff)
        .attr('stroke-width', 2.4)
        .attr('stroke-linejoin', 'miter');
    }
    const axis = g.append('g').call(d3.axisLeft(y).ticks(4).tickFormat(d3.format(',~')));
    styleAxis(axis);
    const bottom = g
      .append('g')
      .attr('transform', `translate(0,${PANEL_H})`)
      .call(
        d3
          .axisBottom(x)
          .tickValues(p === o.panels.length - 1 ? ticks : [])
          .tickFormat((d) => boundary(Math.round(Number(d) / T)))
          .tickSizeOuter(0),
      );
    styleAxis(bottom);
  });
  axisTitle(plot, 'Agents', -46, innerH / 2, true);
  axisTitle(plot, `Time of day (clock time; ${T}-minute intervals)`, w / 2, innerH + 38);

  const cursor = plot.append('rect').attr('class', 'cursor').attr('fill', MUTED).attr('opacity', 0.13).attr('pointer-events', 'none').attr('y', -4).attr('height', innerH + 4).style('display', 'none');
  attachCursor({
    svg: fig.svg,
    cols: n,
    cellAt: (px, py) => {
      const lx = px - margin.left;
      const ly = py - margin.top;
      if (lx < 0 || lx > w || ly < -4 || ly > innerH) return null;
      return { col: Math.max(0, Math.min(n - 1, Math.floor(x.invert(lx) / T))), row: 0 };
    },
    show: ({ col }) => {
      cursor
        .style('display', null)
        .attr('x', x(col * T))
        .attr('width', x((col + 1) * T) - x(col * T));
      const lines = [`${intervalRange(o.labels, col, T)} · ${o.group}`, ...o.panels.flatMap((panel) => staffingTooltipLines(panel, col, o.method))];
      fig.tooltip.show(lines, margin.left + x((col + 1) * T), margin.top);
    },
    hide: () => {
      cursor.style('display', 'none');
      fig.tooltip.hide();
    },
  });
}
