/**
 * Under the Gantt chart, on the same time scale: one group's coverage by the roster (agents on
 * shift and not on break, per interval) as a filled step area, the gross requirement it covers
 * as a dashed step line, and the intervals short of it marked in vermillion along the bottom.
 */
import * as d3 from 'd3';
import type { RosterGroup, ScenarioRoster } from '../../../src/optimize/rosterScenario.js';
import { formatClock, parseClock } from '../../../src/scenario/index.js';
import { drawGridLines } from './gridLines.js';
import { axisTitle, createFigure, styleAxis } from './figure.js';
import { drawLegend, legendHeight, type LegendItem } from './legend.js';
import { ROSTER_COLOURS } from './rosterGantt.js';
import { drawRosterTimeAxis, rosterTimeScale } from './rosterTime.js';

export interface RosterCoverageOptions {
  readonly roster: ScenarioRoster;
  readonly group: string;
  readonly width: number;
  readonly left: number;
  readonly right: number;
  readonly fileName: string;
}

const PANEL_H = 150;
const MARK = 5;

export function rosterCoverage(parent: HTMLElement, o: RosterCoverageOptions): void {
  const g: RosterGroup | undefined = o.roster.byGroup[o.group];
  if (g === undefined) return;
  const h = o.roster.horizon;
  const T = h.intervalMinutes;
  const items: LegendItem[] = [
    { label: 'Coverage (agents on shift, not on break)', colour: ROSTER_COLOURS.coverage, kind: 'band' },
    { label: 'Requirement (gross of shrinkage)', colour: ROSTER_COLOURS.required, kind: 'line', dash: '5 3' },
    { label: 'Short of the requirement', colour: ROSTER_COLOURS.shortfall, kind: 'box' },
  ];
  const lh = legendHeight(items, o.width - o.left);
  const margin = { top: 8 + lh + 10, right: o.right, bottom: 50, left: o.left };
  const short = g.shortfall.map((s, i) => ({ s, i })).filter((d) => d.s > 0);
  const fig = createFigure(parent, {
    testId: `roster-coverage-${o.group}`,
    title: `Coverage against requirement · ${o.group}`,
    description: `The roster’s agents present per ${T}-minute interval against the requirement it was solved for; ${short.length === 0 ? 'no interval is short' : `${short.length} interval${short.length === 1 ? ' is' : 's are'} short (marked along the bottom)`}. Hover for values.`,
    width: o.width,
    height: margin.top + PANEL_H + margin.bottom,
    margin,
    fileName: o.fileName,
  });
  fig.element.classList.add('roster-coverage');
  fig.element.dataset['group'] = o.group;
  drawLegend(fig.svg, items, o.left, 8, o.width - o.left);
  const { plot, innerWidth: w } = fig;
  const x = rosterTimeScale(h, w);
  const top = d3.max([...g.required, ...g.coverage]) ?? 0;
  const y = d3.scaleLinear().domain([0, top > 0 ? top * 1.05 : 1]).range([PANEL_H, 0]).nice();
  drawGridLines(plot, y, w, 4);
  drawRosterTimeAxis(plot, x, h, PANEL_H, 'bottom');

  const steps = (values: readonly number[]) => values.flatMap((v, i): [number, number][] => [[i * T, v], [(i + 1) * T, v]]);
  const area = d3.area<[number, number]>().x((d) => x(d[0])).y0(PANEL_H).y1((d) => y(d[1]));
  const line = d3.line<[number, number]>().x((d) => x(d[0])).y((d) => y(d[1]));
  plot.append('path').attr('class', 'coverage-area').attr('d', area(steps(g.coverage))).attr('fill', ROSTER_COLOURS.coverage).attr('fill-opacity', 0.3).attr('stroke', ROSTER_COLOURS.coverage).attr('stroke-width', 1);
  plot
    .append('g')
    .attr('class', 'shortfall')
    .selectAll('rect')
    .data(short)
    .join('rect')
    .attr('x', (d) => x(d.i * T))
    .attr('width', (d) => Math.max(2, x((d.i + 1) * T) - x(d.i * T)))
    .attr('y', PANEL_H - MARK)
    .attr('height', MARK)
    .attr('fill', ROSTER_COLOURS.shortfall)
    .append('title')
    .text((d) => `${label(d.i)}: short by ${+d.s.toFixed(2)} (coverage ${g.coverage[d.i] ?? 0}, required ${g.required[d.i] ?? 0})`);
  plot.append('path').attr('class', 'required-line').attr('d', line(steps(g.required))).attr('fill', 'none').attr('stroke', ROSTER_COLOURS.required).attr('stroke-width', 1.4).attr('stroke-dasharray', '5 3');
  styleAxis(plot.append('g').call(d3.axisLeft(y).ticks(4).tickFormat(d3.format(',~'))));
  axisTitle(plot, 'Agents', -o.left + 14, PANEL_H / 2, true);

  function label(i: number): string {
    const m = i * T;
    return `day ${Math.floor(m / 1440)} ${formatClock(parseClock(h.start) + m)}`;
  }
  // Hover: the interval under the pointer, as a tooltip.
  fig.svg.on('pointermove', (event: PointerEvent) => {
    const [px] = d3.pointer(event, plot.node());
    const i = Math.floor(x.invert(px) / T);
    if (px < 0 || px > w || i < 0 || i >= h.intervals) return fig.tooltip.hide();
    fig.tooltip.show([label(i), `coverage ${g.coverage[i] ?? 0}`, `required ${g.required[i] ?? 0}`, `short ${+(g.shortfall[i] ?? 0).toFixed(2)}`], o.left + px, margin.top);
  });
  fig.svg.on('pointerleave', () => fig.tooltip.hide());
}
