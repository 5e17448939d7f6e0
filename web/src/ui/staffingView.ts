/**
 * The "Staffing against requirement" section: per agent group, each scenario's agents present
 * against the analytic requirement (computed here, on the main thread: no simulation), and
 * buttons that search the staffing by simulation on the Web Workers.
 */
import type { Scenario } from '../../../src/scenario/index.js';
import { scenarioColour } from '../charts/palette.js';
import { staffingChart } from '../charts/staffingChart.js';
import { staffingAgainstRequirement, totalOfGroups, type GroupStaffing, type ScenarioStaffing, type StaffingPanel } from '../model/staffing.js';
import { el } from './dom.js';

export interface StaffingViewOptions {
  readonly width: number;
  readonly labels: readonly string[];
  readonly intervalMinutes: number;
  /** Scenario names as shown in the results (unique). */
  readonly names: readonly string[];
  /** Search scenario i's staffing by simulation; absent: no buttons. */
  readonly onFind?: (i: number) => void;
  /** A search or run is under way (the buttons are disabled). */
  readonly busy?: boolean;
}

const list = (xs: readonly string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

function methodOf(panels: readonly StaffingPanel[], plans: readonly (ScenarioStaffing | null)[]): string {
  const methods = new Set<string>();
  panels.forEach((p, i) => p.group?.types.forEach((t) => methods.add(plans[i]?.method[t] ?? 'Erlang A')));
  if (methods.size === 0) return 'Erlang A';
  return methods.size === 1 ? [...methods][0]! : 'Erlang A/C';
}

function describe(g: GroupStaffing, total: boolean): string {
  const where =
    g.source === 'shifts'
      ? `agents present from the shifts (on break taken out${g.shrinkage > 0 ? `, shrinkage ${+(g.shrinkage * 100).toFixed(1)}% applied` : ''}, so the line can move inside an interval)`
      : 'its staff per interval';
  const whose = total
    ? `all groups together against the sum of the requirements of ${list(g.types)}`
    : g.types.length > 0
      ? `${where} against the fewest agents that meet the targets of ${list(g.types)} in each interval`
      : `${where}; no contact type’s requirement counts here: ${list(g.alsoServes)} ${g.alsoServes.length === 1 ? 'counts' : 'count'} in a more specialised group (see “All groups”)`;
  const also = !total && g.types.length > 0 && g.alsoServes.length > 0 ? ` It also serves ${list(g.alsoServes)}, whose requirement counts in a more specialised group (no credit for pooling).` : '';
  return `${total ? 'Agents present in ' : 'Agents present: '}${whose}.${also} Hover, or focus the chart and use ←/→, for exact values.`;
}

export function staffingSection(scenarios: readonly Scenario[], o: StaffingViewOptions): HTMLElement {
  const section = el('section', { class: 'staffing', 'data-testid': 'chart-staffing', 'aria-labelledby': 'staffing-heading' });
  section.appendChild(el('h2', { id: 'staffing-heading' }, 'Staffing against requirement'));
  section.appendChild(
    el(
      'p',
      { class: 'hint staffing-intro' },
      'Analytic, per interval in isolation (no simulation): the fewest agents meeting each contact type’s service-level target (and maxAbandonRate, maxAsa, maxOccupancy where set) by Erlang A, patience taken as exponential with its mean, or Erlang C where a type has no patience, as ccsim staff --method erlang-a plans it. Each type’s requirement counts in the most specialised group that serves it. The simulation above is what the staffing actually achieves.',
    ),
  );
  const plans: (ScenarioStaffing | null)[] = scenarios.map((s, i) => {
    try {
      return staffingAgainstRequirement(s);
    } catch (error) {
      section.appendChild(el('p', { class: 'note', 'data-testid': 'staffing-note' }, `${o.names[i] ?? s.name}: no requirement (${error instanceof Error ? error.message : String(error)}).`));
      return null;
    }
  });
  const base = scenarios[0];
  plans.forEach((p, i) => {
    const s = scenarios[i]!;
    if (p === null || base === undefined || (s.intervals === base.intervals && s.intervalMinutes === base.intervalMinutes && s.start === base.start)) return;
    plans[i] = null;
    section.appendChild(el('p', { class: 'note', 'data-testid': 'staffing-note' }, `${o.names[i] ?? s.name}: not shown (its planning intervals differ from the baseline’s).`));
  });
  const ids = [...new Set(plans.flatMap((p) => p?.groups.map((g) => g.id) ?? []))];
  const figures: { id: string; testId: string; title: string; groups: (GroupStaffing | null)[] }[] = ids.map((id) => ({
    id,
    testId: `chart-staffing-${id}`,
    title: `Staff against requirement · ${id}`,
    groups: plans.map((p) => p?.groups.find((g) => g.id === id) ?? null),
  }));
  if (ids.length > 1) figures.push({ id: 'all groups', testId: 'chart-staffing-total', title: 'Staff against requirement · all groups', groups: plans.map((p) => (p === null ? null : totalOfGroups(p))) });
  const shown = plans.map((p) => p !== null);
  for (const f of figures) {
    const panels: StaffingPanel[] = [];
    const panelPlans: (ScenarioStaffing | null)[] = [];
    f.groups.forEach((g, i) => {
      if (!shown[i]) return;
      panels.push({ label: o.names[i] ?? scenarios[i]!.name, colour: scenarioColour(i), group: g });
      panelPlans.push(plans[i]!);
    });
    const first = panels.find((p) => p.group !== null)?.group;
    if (first === undefined || first === null) continue;
    staffingChart(section, {
      testId: f.testId,
      group: f.id,
      title: f.title,
      description: describe(first, f.testId === 'chart-staffing-total'),
      fileName: `staffing-${f.id.replace(/\s+/g, '-')}`,
      width: o.width,
      labels: o.labels,
      intervalMinutes: o.intervalMinutes,
      method: methodOf(panels, panelPlans),
      panels,
    });
  }
  if (o.onFind !== undefined) {
    const onFind = o.onFind;
    const buttons = scenarios.map((s, i) => {
      const b = el('button', { type: 'button', class: 'small secondary', 'data-testid': `find-staffing-${i + 1}`, disabled: o.busy === true }, `Find staffing by simulation: ${o.names[i] ?? s.name}`);
      b.addEventListener('click', () => onFind(i));
      return b;
    });
    section.appendChild(
      el(
        'div',
        { class: 'find-staffing', role: 'group', 'aria-label': 'Find staffing by simulation' },
        el('p', { class: 'hint' }, 'Search the fewest agents per group and interval that meet every target when simulated (queues carried over, bots, abandonment, multi-skill pooling), starting from Erlang A, as ccsim staff does; the result is checked on fresh random numbers and added as a new scenario to compare. Uses the replications and seed of the run panel, whose progress bar follows it and whose Cancel stops it.'),
        el('div', { class: 'find-buttons' }, ...buttons),
      ),
    );
  }
  return section;
}
