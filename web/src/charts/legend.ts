/** A legend drawn inside the SVG (so exports keep it): items flow left to right and wrap. */
import type * as d3 from 'd3';
import { TEXT } from './palette.js';

export interface LegendItem {
  readonly label: string;
  readonly colour: string;
  /** 'line' (with an optional dash pattern), 'band' (line over a light band), or 'box'. */
  readonly kind: 'line' | 'band' | 'box';
  readonly dash?: string;
}

const CHAR = 6.7; // average glyph width at 12px, px
const SWATCH = 26;
const ROW = 18;

/** Draw the legend with its top-left at (x, y); returns its height, px. */
export function drawLegend(
  svg: d3.Selection<SVGSVGElement, unknown, null, undefined>,
  items: readonly LegendItem[],
  x: number,
  y: number,
  maxWidth: number,
): number {
  const g = svg.append('g').attr('class', 'legend').attr('transform', `translate(${x},${y})`);
  let cx = 0;
  let cy = 0;
  for (const item of items) {
    const label = item.label.length > 70 ? `${item.label.slice(0, 69)}…` : item.label;
    const w = SWATCH + 6 + label.length * CHAR + 18;
    if (cx > 0 && cx + w > maxWidth) {
      cx = 0;
      cy += ROW;
    }
    const it = g.append('g').attr('transform', `translate(${cx},${cy})`);
    if (item.kind === 'box') {
      it.append('rect').attr('x', 6).attr('y', 2).attr('width', 14).attr('height', 11).attr('fill', item.colour).attr('stroke', '#57606a').attr('stroke-width', 0.5);
    } else {
      if (item.kind === 'band') it.append('rect').attr('x', 0).attr('y', 2).attr('width', SWATCH).attr('height', 11).attr('fill', item.colour).attr('opacity', 0.18);
      it.append('line')
        .attr('x1', 0)
        .attr('x2', SWATCH)
        .attr('y1', 7.5)
        .attr('y2', 7.5)
        .attr('stroke', item.colour)
        .attr('stroke-width', 2.5)
        .attr('stroke-dasharray', item.dash ?? null);
    }
    it.append('text').attr('x', SWATCH + 6).attr('y', 12).attr('font-size', 12).attr('fill', TEXT).text(label).append('title').text(item.label);
    cx += w;
  }
  return cy + ROW;
}

/** The legend's height without drawing it (to size the SVG first). */
export function legendHeight(items: readonly LegendItem[], maxWidth: number): number {
  let cx = 0;
  let rows = 1;
  for (const item of items) {
    const w = SWATCH + 6 + Math.min(70, item.label.length) * CHAR + 18;
    if (cx > 0 && cx + w > maxWidth) {
      cx = 0;
      rows++;
    }
    cx += w;
  }
  return rows * ROW;
}
