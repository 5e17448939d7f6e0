/**
 * Contacts per interval by outcome (answered, contained by the bot, abandoned, unresolved),
 * stacked, one panel per scenario on a shared y scale. Values are means over replications.
 */
import * as d3 from 'd3';
import type { Kpis } from '../../../src/experiment/index.js';
import { formatMetric } from '../model/format.js';
import { intervalRange } from '../model/intervals.js';
import { attachCursor } from './cursor.js';
import { drawGridLines } from './gridLines.js';
import { axisTitle, createFigure, styleAxis } from './figure.js';
import { drawIntervalAxis, intervalCentre, intervalScale, nearestInterval } from './intervalAxis.js';
import { drawLegend, legendHeight } from './legend.js';
import { GRID, MUTED, OUTCOMES, type OutcomeKey } from './palette.js';

export interface StackPanel {
  readonly label: string;
  readonly colour: string;
  /** The selected type's KPIs per interval (undefined where the scenario has no such type). */
  readonly intervals: readonly (Kpis | undefined)[];
}

export interface OutcomeStackOptions {
  readonly width: number;
  readonly labels: readonly string[];
  readonly intervalMinutes: number;
  readonly panels: readonly StackPanel[];
  readonly context: string;
}

const PANEL_H = 150;
const PANEL_GAP = 34;

const mean = (k: Kpis | undefined, key: OutcomeKey | 'arrivals') => k?.[key].mean ?? 0;

export function outcomeStackChart(parent: HTMLElement, o: OutcomeStackOptions): void {
  const items = OUTCOMES.map((c) => ({ label: c.label, colour: c.colour, kind: 'box' as const }));
  const lh = legendHeight(items, o.width - 80);
  const margin = { top: 8 + lh + 16, right: 20, bottom: 50, left: 64 };
  const innerH = o.panels.length * PANEL_H + (o.panels.length - 1) * PANEL_GAP;
  const fig = createFigure(parent, {
    testId: 'chart-outcomes',
    title: `Contacts per interval by outcome · ${o.context}`,
    description:
      'Mean contacts per interval by what happened to them (by arrival interval): answered by an agent, contained by the bot, abandoned, or still unresolved at the end of the day. Hover or use the arrow keys for exact values.',
    width: o.width,
    height: margin.top + innerH + margin.bottom,
    margin,
    fileName: `outcomes-${o.context}`,
  });
  drawLegend(fig.svg, items, margin.left, 8, o.width - 80);
  const { plot, innerWidth: w } = fig;
  const x = intervalScale(o.labels, w);
  const top = d3.max(o.panels.flatMap((p) => p.intervals.map((k) => OUTCOMES.reduce((s, c) => s + mean(k, c.key), 0)))) ?? 0;
  const y = d3
    .scaleLinear()
    .domain([0, top > 0 ? top : 1])
    .range([PANEL_H, 0])
    .nice();
  const stack = d3.stack<Kpis | undefined, OutcomeKey>().keys(OUTCOMES.map((c) => c.key)).value((k, key) => mean(k, key));

  o.panels.forEach((panel, p) => {
    const g = plot.append('g').attr('class', 'panel').attr('transform', `translate(0,${p * (PANEL_H + PANEL_GAP)})`);
    g.append('text').attr('x', 0).attr('y', -6).attr('font-size', 12).attr('font-weight', 600).attr('fill', panel.colour).text(panel.label);
    drawGridLines(g, y, w, 4);
    const layers = stack([...panel.intervals]);
    g.selectAll('g.layer')
      .data(layers)
      .join('g')
      .attr('class', 'layer')
      .attr('fill', (l) => OUTCOMES.find((c) => c.key === l.key)!.colour)
      .selectAll('rect')
      .data((l) => l.map((seg, i) => ({ seg, i })))
      .join('rect')
      .attr('x', (d) => x(String(d.i)) ?? 0)
      .attr('width', x.bandwidth())
      .attr('y', (d) => y(d.seg[1]))
      .attr('height', (d) => Math.max(0, y(d.seg[0]) - y(d.seg[1])));
    const axis = g.append('g').call(d3.axisLeft(y).ticks(4).tickFormat(d3.format(',~')));
    styleAxis(axis);
    if (p === o.panels.length - 1) drawIntervalAxis(g, x, o.labels, PANEL_H, o.intervalMinutes);
    else {
      const bottom = g.append('g').attr('transform', `translate(0,${PANEL_H})`).call(d3.axisBottom(x).tickValues([]).tickSizeOuter(0));
      styleAxis(bottom);
    }
  });
  axisTitle(plot, `Contacts per ${o.intervalMinutes} min (mean over replications)`, -48, innerH / 2, true);

  const cursor = plot.append('rect').attr('fill', MUTED).attr('opacity', 0.15).attr('pointer-events', 'none').attr('y', -4).attr('height', innerH + 4).style('display', 'none');
  attachCursor({
    svg: fig.svg,
    cols: o.labels.length,
    cellAt: (px, py) => {
      const lx = px - margin.left;
      const ly = py - margin.top;
      if (lx < 0 || lx > w || ly < -4 || ly > innerH) return null;
      return { col: nearestInterval(x, lx, o.labels.length), row: 0 };
    },
    show: ({ col }) => {
      cursor
        .style('display', null)
        .attr('x', intervalCentre(x, col) - x.step() / 2)
        .attr('width', x.step());
      const lines = [`${intervalRange(o.labels, col, o.intervalMinutes)} · ${o.context} (mean contacts ± 95% CI)`];
      for (const panel of o.panels) {
        const k = panel.intervals[col];
        if (k === undefined) {
          lines.push(`${panel.label}: no such type`);
          continue;
        }
        lines.push(`${panel.label}: arrivals ${formatMetric(k.arrivals, 'count')}`);
        for (const c of OUTCOMES) lines.push(`   ${c.label}: ${formatMetric(k[c.key], 'count')}`);
      }
      fig.tooltip.show(lines, margin.left + intervalCentre(x, col), margin.top);
    },
    hide: () => {
      cursor.style('display', 'none');
      fig.tooltip.hide();
    },
  });
}
