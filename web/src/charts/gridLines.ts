import type * as d3 from 'd3';
import { GRID } from './palette.js';

/** Horizontal grid lines across `width` at `ticks` ticks of the y scale, in a new group of `parent`. */
export function drawGridLines(
  parent: d3.Selection<SVGGElement, unknown, null, undefined>,
  y: d3.ScaleLinear<number, number>,
  width: number,
  ticks: number,
): d3.Selection<SVGGElement, unknown, null, undefined> {
  const g = parent.append('g').attr('class', 'grid');
  g.selectAll('line')
    .data(y.ticks(ticks))
    .join('line')
    .attr('x1', 0)
    .attr('x2', width)
    .attr('y1', (d) => y(d))
    .attr('y2', (d) => y(d))
    .attr('stroke', GRID);
  return g;
}
