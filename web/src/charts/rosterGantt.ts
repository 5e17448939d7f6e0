/**
 * A roster as a Gantt chart: one row per agent (labelled with the id, in the scenario's order,
 * agents without a shift included), time across the horizon, one bar per shift from its start to
 * its end (a shift past midnight runs on into the next day) and its breaks as lighter hatched
 * segments inside the bar. Every bar and break has a <title> with its times.
 */
import * as d3 from 'd3';
import type { AgentWeek, ScenarioRoster } from '../../../src/optimize/rosterScenario.js';
import { shiftBars } from '../model/roster.js';
import { createFigure } from './figure.js';
import { drawLegend, type LegendItem } from './legend.js';
import { OKABE_ITO, TEXT } from './palette.js';
import { drawRosterTimeAxis, rosterTimeScale } from './rosterTime.js';

export const ROSTER_COLOURS = {
  shift: OKABE_ITO.blue,
  /** Breaks: sky blue hatched over white, light against the dark blue of the shift. */
  break: OKABE_ITO.skyBlue,
  coverage: OKABE_ITO.blue,
  required: OKABE_ITO.black,
  shortfall: OKABE_ITO.vermillion,
} as const;

/** Height of one agent's row, px. */
export const ROW_HEIGHT = 8;
const BAR = 6;
const HATCH = 'roster-break-hatch';

export interface RosterGanttOptions {
  readonly roster: ScenarioRoster;
  /** Whole SVG width, px. */
  readonly width: number;
  /** Left margin (the agent ids), px: the coverage chart under it uses the same. */
  readonly left: number;
  readonly right: number;
  readonly fileName: string;
}

/** Left margin that fits the agent ids at the rows' 7 px font (and the coverage chart's y axis). */
export function rosterLeftMargin(roster: Pick<ScenarioRoster, 'agents'>): number {
  const longest = Math.max(0, ...roster.agents.map((a) => a.agent.length));
  return Math.max(48, Math.ceil(longest * 4.4) + 10);
}

export function rosterGantt(parent: HTMLElement, o: RosterGanttOptions): void {
  const { roster } = o;
  const rows = roster.agents;
  const legend: LegendItem[] = [
    { label: 'Shift', colour: ROSTER_COLOURS.shift, kind: 'box' },
    { label: 'Break', colour: `url(#${HATCH})`, kind: 'box' },
  ];
  const margin = { top: 8 + 18 + 34, right: o.right, bottom: 10, left: o.left };
  const height = margin.top + rows.length * ROW_HEIGHT + margin.bottom;
  const fig = createFigure(parent, {
    testId: 'roster-gantt',
    title: 'Roster · who works when',
    description: `One row per agent (${rows.length}), one bar per shift across the ${roster.horizon.days}-day horizon; breaks are the lighter hatched parts. Hover a bar for its times.`,
    width: o.width,
    height,
    margin,
    fileName: o.fileName,
  });
  fig.element.classList.add('roster-gantt');
  drawLegend(fig.svg, legend, margin.left, 8, o.width - margin.left);
  const hatch = fig.svg.append('defs').append('pattern').attr('id', HATCH).attr('patternUnits', 'userSpaceOnUse').attr('width', 3).attr('height', 3);
  hatch.append('rect').attr('width', 3).attr('height', 3).attr('fill', '#ffffff');
  hatch.append('path').attr('d', 'M0,3 L3,0').attr('stroke', ROSTER_COLOURS.break).attr('stroke-width', 1.2);
  const { plot, innerWidth: w } = fig;
  const x = rosterTimeScale(roster.horizon, w);
  const innerH = rows.length * ROW_HEIGHT;
  drawRosterTimeAxis(plot, x, roster.horizon, innerH, 'top');

  const rowOf = new Map(rows.map((a, i) => [a.agent, i]));
  const bars = shiftBars(roster);
  const byRow = rows.map(() => [] as typeof bars);
  for (const b of bars) byRow[rowOf.get(b.entry.agent) ?? -1]?.push(b);

  const rowGroups = plot
    .append('g')
    .attr('class', 'agent-rows')
    .selectAll<SVGGElement, AgentWeek>('g')
    .data(rows)
    .join('g')
    .attr('class', 'agent-row')
    .attr('data-agent', (a) => a.agent)
    .attr('transform', (_, i) => `translate(0,${i * ROW_HEIGHT})`);
  rowGroups
    .append('text')
    .attr('x', -4)
    .attr('y', ROW_HEIGHT / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', 'end')
    .attr('font-size', 7)
    .attr('fill', TEXT)
    .text((a) => a.agent);
  rowGroups.each(function (this: SVGGElement, agent, i) {
    const row = d3.select<SVGGElement, unknown>(this);
    for (const b of byRow[i] ?? []) {
      const s = b.entry;
      const when = `day ${s.day} ${s.start}–${s.end}`;
      const bar = row.append('g').attr('class', 'shift').attr('data-day', s.day).attr('data-template', s.template);
      bar
        .append('rect')
        .attr('class', 'shift-bar')
        .attr('x', x(b.from))
        .attr('width', Math.max(1, x(b.to) - x(b.from)))
        .attr('y', (ROW_HEIGHT - BAR) / 2)
        .attr('height', BAR)
        .attr('fill', ROSTER_COLOURS.shift)
        .append('title')
        .text(`${agent.agent} · ${when} · ${s.template}${s.breaks.length > 0 ? ` · break ${s.breaks.map(([a, z]) => `${a}–${z}`).join(', ')}` : ''}`);
      for (const k of b.breaks) {
        bar
          .append('rect')
          .attr('class', 'break')
          .attr('x', x(k.from))
          .attr('width', Math.max(1, x(k.to) - x(k.from)))
          .attr('y', (ROW_HEIGHT - BAR) / 2 + 1)
          .attr('height', BAR - 2)
          .attr('fill', `url(#${HATCH})`)
          .append('title')
          .text(`${agent.agent} · break ${k.label} (day ${s.day} shift ${s.start}–${s.end})`);
      }
    }
  });
}
