/**
 * The causes of an interval's miss as horizontal bars on one scale of service-level points: per
 * cause a bar from 0 to its paired gain with the 95% confidence interval as a whisker, largest
 * first (the order explain gives), and its action sentence under the bar. Each row is HTML (the
 * sentence wraps at any width) around a D3-drawn SVG; every row shares the x scale and the axis
 * at the bottom. Colour is never the only cue: each bar is named, and a gain whose interval
 * reaches zero is drawn hollow and called "not significant".
 */
import * as d3 from 'd3';
import type { ExplainCause, ExplainCauseName } from '../../../src/optimize/explain.js';
import type { Metric } from '../../../src/stats/index.js';
import { el } from '../ui/dom.js';
import { FONT, GRID, MUTED, OKABE_ITO, TEXT } from './palette.js';

/** What each cause is called on the page and its colour (Okabe & Ito). */
export const CAUSE_STYLE: Record<ExplainCauseName, { readonly title: string; readonly colour: string }> = {
  staff: { title: 'Staff below the requirement', colour: OKABE_ITO.blue },
  'carry-over': { title: 'Queue carried over from earlier', colour: OKABE_ITO.vermillion },
  'bot-wave': { title: 'Bot escalations in a wave', colour: OKABE_ITO.green },
  volume: { title: 'Volume above the forecast', colour: OKABE_ITO.purple },
};

/** A gain in points as the CLI prints it: "+3.2 pts ±2.3" ("-" without contacts). */
export function gainText(m: Metric): string {
  if (m.mean === null) return '–';
  const mean = Number(m.mean.toFixed(1)) || 0; // no "-0.0"
  const ci = m.ci95 === null || m.n < 2 ? 'n/a' : m.ci95.toFixed(1);
  return `${mean >= 0 ? '+' : ''}${mean.toFixed(1)} pts ±${ci}`;
}

/** The 95% interval lies above zero: the cause matters (explain's own test). */
export function significant(m: Metric): boolean {
  return m.mean !== null && m.mean - (m.ci95 ?? 0) > 0;
}

const ROW_HEIGHT = 22;
const AXIS_HEIGHT = 40;
const SIDE = 10;

/** The bars, `width` px wide; hidden from screen readers, which read the table beside it. */
export function causeBars(causes: readonly ExplainCause[], width: number): HTMLElement {
  const ends = causes.flatMap((c) => (c.deltaPts.mean === null ? [] : [c.deltaPts.mean - (c.deltaPts.ci95 ?? 0), c.deltaPts.mean + (c.deltaPts.ci95 ?? 0)]));
  const lo = Math.min(0, d3.min(ends) ?? 0);
  const hi = Math.max(1, d3.max(ends) ?? 1);
  const x = d3.scaleLinear().domain([lo, hi]).range([SIDE, width - SIDE]).nice();
  const list = el('ol', { class: 'cause-bars', 'data-testid': 'cause-bars', 'aria-hidden': 'true' });
  for (const c of causes) {
    const style = CAUSE_STYLE[c.cause];
    const matters = significant(c.deltaPts);
    const item = el(
      'li',
      { class: 'cause-row', 'data-cause': c.cause, 'data-mean': String(c.deltaPts.mean), 'data-ci95': String(c.deltaPts.ci95) },
      el(
        'div',
        { class: 'cause-head' },
        el('span', { class: 'cause-title' }, style.title),
        el('span', { class: 'cause-gain' }, `${gainText(c.deltaPts)}${matters ? '' : ' · not significant'}`),
      ),
    );
    const svg = d3
      .select(item)
      .append('svg')
      .attr('xmlns', 'http://www.w3.org/2000/svg')
      .attr('width', width)
      .attr('height', ROW_HEIGHT)
      .attr('viewBox', `0 0 ${width} ${ROW_HEIGHT}`)
      .attr('focusable', 'false');
    svg.append('line').attr('x1', x(0)).attr('x2', x(0)).attr('y1', 0).attr('y2', ROW_HEIGHT).attr('stroke', MUTED).attr('stroke-width', 1);
    const m = c.deltaPts;
    if (m.mean !== null) {
      const left = Math.min(x(0), x(m.mean));
      svg
        .append('rect')
        .attr('class', 'cause-bar')
        .attr('x', left)
        .attr('y', 4)
        .attr('width', Math.max(1, Math.abs(x(m.mean) - x(0))))
        .attr('height', ROW_HEIGHT - 8)
        .attr('fill', style.colour)
        .attr('fill-opacity', matters ? 1 : 0.25)
        .attr('stroke', style.colour)
        .attr('stroke-width', 1.5);
      if (m.ci95 !== null && m.ci95 > 0) {
        const y = ROW_HEIGHT / 2;
        const [a, b] = [x(m.mean - m.ci95), x(m.mean + m.ci95)];
        const whisker = svg.append('g').attr('class', 'ci-whisker').attr('stroke', TEXT).attr('stroke-width', 1.5);
        whisker.append('line').attr('x1', a).attr('x2', b).attr('y1', y).attr('y2', y);
        whisker.append('line').attr('x1', a).attr('x2', a).attr('y1', y - 5).attr('y2', y + 5);
        whisker.append('line').attr('x1', b).attr('x2', b).attr('y1', y - 5).attr('y2', y + 5);
      }
    }
    item.appendChild(el('p', { class: 'cause-action' }, c.action));
    list.appendChild(item);
  }
  const axis = d3
    .select(list)
    .append('li')
    .attr('class', 'cause-axis')
    .append('svg')
    .attr('xmlns', 'http://www.w3.org/2000/svg')
    .attr('width', width)
    .attr('height', AXIS_HEIGHT)
    .attr('viewBox', `0 0 ${width} ${AXIS_HEIGHT}`)
    .attr('font-family', FONT)
    .attr('focusable', 'false');
  const g = axis.append('g').call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / 70))).tickFormat((d) => ((d as number) > 0 ? `+${d3.format('~g')(d as number)}` : d3.format('~g')(d as number))));
  g.attr('font-family', FONT).attr('font-size', 11);
  g.selectAll('path.domain, .tick line').attr('stroke', '#8c959f');
  g.selectAll('.tick text').attr('fill', TEXT);
  axis
    .append('text')
    .attr('x', width / 2)
    .attr('y', AXIS_HEIGHT - 4)
    .attr('text-anchor', 'middle')
    .attr('font-size', 12)
    .attr('fill', TEXT)
    .text('Gain in service-level points (whisker: 95% CI)');
  axis.insert('line', ':first-child').attr('x1', SIDE).attr('x2', width - SIDE).attr('y1', 0).attr('y2', 0).attr('stroke', GRID);
  return list;
}
