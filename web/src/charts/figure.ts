/**
 * A chart's figure: a heading, export buttons, and an SVG that carries its own legend and styling
 * as attributes (so the exported SVG/PNG looks like the page; the export adds the title on top).
 * Charts draw into `plot`.
 */
import * as d3 from 'd3';
import { el } from '../ui/dom.js';
import { exportButtons } from '../export/exportButtons.js';
import { FONT, TEXT } from './palette.js';
import { Tooltip } from './tooltip.js';

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface FigureOptions {
  /** data-testid of the figure element. */
  readonly testId: string;
  readonly title: string;
  /** One sentence for screen readers and under the heading: what is shown and how to read it. */
  readonly description: string;
  /** Whole SVG width, px. */
  readonly width: number;
  /** Whole SVG height, px. */
  readonly height: number;
  readonly margin: Margin;
  /** File name stem of the exports. */
  readonly fileName: string;
}

export interface Figure {
  readonly element: HTMLElement;
  readonly svg: d3.Selection<SVGSVGElement, unknown, null, undefined>;
  readonly plot: d3.Selection<SVGGElement, unknown, null, undefined>;
  /** Inner plot size, px. */
  readonly innerWidth: number;
  readonly innerHeight: number;
  readonly margin: Margin;
  readonly tooltip: Tooltip;
}

let figureCount = 0;

export function createFigure(parent: HTMLElement, o: FigureOptions): Figure {
  const id = `figure-${++figureCount}`;
  const heading = el('h3', { id: `${id}-title` }, o.title);
  const note = el('p', { class: 'figure-note', id: `${id}-desc` }, o.description);
  const header = el('div', { class: 'figure-header' }, heading);
  const body = el('div', { class: 'figure-body' });
  const element = el('figure', { class: 'chart', 'data-testid': o.testId }, header, note, body);
  parent.appendChild(element);

  const svg = d3
    .select(body)
    .append('svg')
    .attr('xmlns', 'http://www.w3.org/2000/svg')
    .attr('width', o.width)
    .attr('height', o.height)
    .attr('viewBox', `0 0 ${o.width} ${o.height}`)
    .attr('tabindex', 0)
    .attr('role', 'group')
    .attr('aria-labelledby', `${id}-title`)
    .attr('aria-describedby', `${id}-desc`)
    .attr('font-family', FONT)
    .attr('font-size', 12)
    .attr('fill', TEXT);
  svg.append('rect').attr('width', o.width).attr('height', o.height).attr('fill', '#ffffff');
  svg.append('title').text(o.title);
  const plot = svg.append('g').attr('transform', `translate(${o.margin.left},${o.margin.top})`);
  header.appendChild(exportButtons(() => svg.node()!, o.fileName, o.title));
  return {
    element,
    svg,
    plot,
    innerWidth: o.width - o.margin.left - o.margin.right,
    innerHeight: o.height - o.margin.top - o.margin.bottom,
    margin: o.margin,
    tooltip: new Tooltip(body),
  };
}

/** Style an axis group drawn by d3-axis so it needs no stylesheet. */
export function styleAxis(g: d3.Selection<SVGGElement, unknown, null, undefined>): void {
  g.attr('font-family', FONT).attr('font-size', 11);
  g.selectAll('path.domain, .tick line').attr('stroke', '#8c959f');
  g.selectAll('.tick text').attr('fill', TEXT);
}

/** An axis title: `x` and `y` are in plot coordinates; `rotate` for a y axis. */
export function axisTitle(
  plot: d3.Selection<SVGGElement, unknown, null, undefined>,
  text: string,
  x: number,
  y: number,
  rotate = false,
): void {
  plot
    .append('text')
    .attr('class', 'axis-title')
    .attr('text-anchor', 'middle')
    .attr('font-size', 12)
    .attr('fill', TEXT)
    .attr('transform', rotate ? `translate(${x},${y}) rotate(-90)` : `translate(${x},${y})`)
    .text(text);
}
