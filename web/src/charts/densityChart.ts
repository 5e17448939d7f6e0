/**
 * The builder's small preview of a distribution: the probability of each bin as bars (taller =
 * more likely), a seconds axis, and the mean as a dashed line with its value written beside it
 * (so the mean is read from text, not from colour).
 */
import * as d3 from 'd3';
import type { DensityPreview } from '../builder/densityPreview.js';
import { FONT, MUTED, OKABE_ITO, TEXT } from './palette.js';
import { styleAxis } from './figure.js';

const WIDTH = 270;
const HEIGHT = 78;
const MARGIN = { top: 14, right: 10, bottom: 20, left: 8 };

/** Seconds as the axis and the label write them: 45 s, 4.5 min, 2.0 h. */
export function secondsText(x: number): string {
  if (x < 120) return `${Number(x.toPrecision(3))} s`;
  if (x < 7200) return `${Number((x / 60).toPrecision(3))} min`;
  return `${Number((x / 3600).toPrecision(3))} h`;
}

/** An SVG of `preview`; `what` names the quantity for screen readers ("handle time of calls"). */
export function densityChart(preview: DensityPreview, what: string): SVGSVGElement {
  const innerW = WIDTH - MARGIN.left - MARGIN.right;
  const innerH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const last = preview.bins[preview.bins.length - 1];
  const x = d3.scaleLinear().domain([0, last?.x1 ?? 1]).range([0, innerW]);
  const y = d3.scaleLinear().domain([0, d3.max(preview.bins, (b) => b.p) ?? 1]).range([innerH, 0]);
  const svg = d3
    .create('svg')
    .attr('xmlns', 'http://www.w3.org/2000/svg')
    .attr('class', 'density-chart')
    .attr('width', WIDTH)
    .attr('height', HEIGHT)
    .attr('viewBox', `0 0 ${WIDTH} ${HEIGHT}`)
    .attr('role', 'img')
    .attr('aria-label', `Distribution of the ${what}: mean ${secondsText(preview.mean)}, 99% below ${secondsText(preview.p99)}`)
    .attr('font-family', FONT)
    .attr('font-size', 11)
    .attr('fill', TEXT);
  const plot = svg.append('g').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
  plot
    .append('g')
    .attr('class', 'bins')
    .selectAll('rect')
    .data(preview.bins)
    .join('rect')
    .attr('x', (b) => x(b.x0))
    .attr('width', (b) => Math.max(0.5, x(b.x1) - x(b.x0) - 0.5))
    .attr('y', (b) => y(b.p))
    .attr('height', (b) => innerH - y(b.p))
    .attr('fill', OKABE_ITO.skyBlue);
  const axis = plot
    .append('g')
    .attr('transform', `translate(0,${innerH})`)
    .call(d3.axisBottom(x).ticks(3).tickFormat((v) => secondsText(Number(v))).tickSizeOuter(0));
  styleAxis(axis as unknown as d3.Selection<SVGGElement, unknown, null, undefined>);
  const mx = x(preview.mean);
  plot.append('line').attr('class', 'mean-line').attr('x1', mx).attr('x2', mx).attr('y1', -4).attr('y2', innerH).attr('stroke', OKABE_ITO.black).attr('stroke-width', 1.5).attr('stroke-dasharray', '4 2');
  plot
    .append('text')
    .attr('class', 'mean-label')
    .attr('x', mx > innerW / 2 ? mx - 4 : mx + 4)
    .attr('y', -4)
    .attr('text-anchor', mx > innerW / 2 ? 'end' : 'start')
    .attr('fill', MUTED)
    .text(`mean ${secondsText(preview.mean)}`);
  return svg.node()!;
}
