import { EXTRA_KPI_NAMES, type ExtraKpiName, type GroupKpis, type Kpis, type Outcomes, type RunOutput } from '../experiment/index.js';
import type { Metric } from '../stats/index.js';
import type { Scenario } from '../scenario/index.js';
import { ciNote, count, money, percent, seconds, table, wrap } from './format.js';

/** What the readable run report shows. */
export interface RunReportOptions {
  /** The interval-by-interval table (default true). */
  readonly intervals?: boolean;
  /** Only these contact types (default: all); the pooled ALL row is left out when set. */
  readonly types?: readonly string[];
  /** Only these agent groups (default: all); the ALL row is left out when set. */
  readonly groups?: readonly string[];
  /** Whether the scenario sets any cost (scenarioHasCost); without one, costs show "-" (default true). */
  readonly costed?: boolean;
}

/** True when the scenario prices anything (a group's costPerHour or a bot's costPerSession). */
export function scenarioHasCost(scenario: Scenario): boolean {
  return scenario.agentGroups.some((g) => g.costPerHour !== undefined) || scenario.contactTypes.some((t) => t.bot?.costPerSession !== undefined);
}

/**
 * The readable report of a run: the day by contact type, by group, then interval by interval
 * with each group's agents present and scheduled. Every table fits the output width.
 */
export function runReport(out: RunOutput, options: RunReportOptions = {}): string {
  const typeIds = options.types ?? Object.keys(out.byType);
  const groupIds = options.groups ?? Object.keys(out.byGroup);
  const costed = options.costed ?? true;
  const s = out.summary;
  const typeViews: [string, Kpis][] = typeIds.map((id) => [id, out.byType[id]!]);
  if (options.types === undefined) typeViews.push(['ALL', s]);
  const parts: string[] = [];
  parts.push(wrap(`${out.scenario}  (${out.replications} replications, seed ${out.seed}; ± is the 95% confidence half-width)`));
  const typeRows = typeViews.map(([id, k]) => [
    id,
    count(k.arrivals),
    count(k.offered),
    count(k.answered),
    count(k.abandoned),
    count(k.unresolved),
    percent(k.serviceLevel),
    seconds(k.asa),
    percent(k.abandonRate),
    percent(k.containmentRate),
  ]);
  parts.push(table(['type', 'arrivals', 'offered', 'answered', 'abandoned', 'unresolved', 'service level', 'ASA', 'abandon', 'contained'], typeRows));
  const note = ciNote(out.replications);
  if (note !== null) parts.push(wrap(note));
  // Model-breadth KPIs (CONTRACT section 4).
  const moreRows = typeViews.map(([id, k]) => [
    id, seconds(k.waitP90), count(k.retrials), count(k.repeats), count(k.botDropouts), count(k.workHours, 1), money(k.cost, costed), money(k.costPerContact, costed, 2),
  ]);
  parts.push(table(['type', 'wait p90', 'retrials', 'repeats', 'bot dropouts', 'work h', 'cost', 'cost/contact'], moreRows));
  const extras = EXTRA_KPI_NAMES.filter((k) => s[k] !== undefined);
  // Model-breadth-II KPIs (CONTRACT section 8), only those the scenario's features produce, five
  // to a table so that any mix fits 100 columns.
  for (let from = 0; from < extras.length; from += 5) {
    const names = extras.slice(from, from + 5);
    const rows = typeViews.map(([id, k]) => [id, ...names.map((name) => EXTRA_FORMAT[name].show(k[name]))]);
    parts.push(table(['type', ...names.map((name) => EXTRA_FORMAT[name].header)], rows));
  }
  // Outbound columns only when some group dials out (CONTRACT section 8).
  const outbound = s.outboundAttempts !== undefined;
  const groupRow = (id: string, g: GroupKpis) => [
    id, percent(g.occupancy), percent(g.slotUtilization), count(g.busyHours, 1), count(g.staffedHours, 1),
    ...(outbound ? [optional(g.outboundAttempts), optional(g.outboundConnects), optional(g.outboundHours, 1), optional(g.inboundHours, 1)] : []),
  ];
  const groupRows = groupIds.map((id) => groupRow(id, out.byGroup[id]!));
  if (options.groups === undefined) groupRows.push(groupRow('ALL', s));
  parts.push(table(['group', 'occupancy', 'slot use', 'busy h', 'staffed h', ...(outbound ? ['dialed', 'connects', 'outbound h', 'inbound h'] : [])], groupRows));
  if (options.intervals !== false) parts.push(intervalTable(out, typeIds, groupIds));
  return parts.join('\n\n') + '\n';
}

/**
 * The `--outcomes` section: how each type's contacts ended (shares of all outcomes, with the
 * counts), the mean wait of abandoned contacts, work hours per group and type, line occupancy.
 */
export function outcomesReport(o: Outcomes, shown: { types?: readonly string[]; groups?: readonly string[] } = {}): string {
  const typeIds = shown.types ?? Object.keys(o.byType);
  const views: [string, Outcomes['summary']][] = typeIds.map((id) => [id, o.byType[id]!]);
  if (shown.types === undefined) views.push(['ALL', o.summary]);
  const exits = ['answered', 'callbacks', 'abandoned', 'blocked', 'disconnected', 'unresolved', 'contained', 'botDropouts'] as const;
  const rows = views.map(([id, c]) => {
    const total = exits.reduce((s, k) => s + (c[k].mean ?? 0), 0);
    const share = (k: (typeof exits)[number]) => (total > 0 ? `${(((c[k].mean ?? 0) / total) * 100).toFixed(1)}%` : '-');
    return [id, ...exits.map(share), count(c.transfersIn), seconds(c.abandonWait)];
  });
  const parts = [
    'Outcomes: how contacts ended (share of all outcomes; transfers in also end in one of them)',
    table(['type', 'answered', 'callback', 'abandoned', 'blocked', 'discon.', 'unresolved', 'bot', 'bot drop', 'transfers in', 'abandon wait'], rows),
  ];
  const groupIds = shown.groups ?? Object.keys(o.workHours);
  const workRows = groupIds.map((g) => [g, ...typeIds.map((t) => count(o.workHours[g]![t]!, 1))]);
  parts.push(table(['work h', ...typeIds], workRows));
  if (o.lineOccupancy !== null) parts.push(`line occupancy  ${percent(o.lineOccupancy)} of the lines in use on average`);
  return parts.join('\n\n') + '\n';
}

/** A count that only some groups have ("-" for the others). */
function optional(m: Metric | undefined, digits = 0): string {
  return m === undefined ? '-' : count(m, digits);
}

const EXTRA_FORMAT: Record<ExtraKpiName, { header: string; show: (m: Metric | undefined) => string }> = {
  blocked: { header: 'blocked', show: (m) => (m === undefined ? '-' : count(m)) },
  blockRate: { header: 'block rate', show: (m) => (m === undefined ? '-' : percent(m)) },
  disconnected: { header: 'disconnected', show: (m) => (m === undefined ? '-' : count(m)) },
  callbacksOffered: { header: 'cb offered', show: (m) => (m === undefined ? '-' : count(m)) },
  callbacksAccepted: { header: 'cb accepted', show: (m) => (m === undefined ? '-' : count(m)) },
  callbacksMade: { header: 'cb made', show: (m) => (m === undefined ? '-' : count(m)) },
  callbackWait: { header: 'cb wait', show: (m) => (m === undefined ? '-' : seconds(m)) },
  callbackServiceLevel: { header: 'cb in window', show: (m) => (m === undefined ? '-' : percent(m)) },
  transfers: { header: 'transfers in', show: (m) => (m === undefined ? '-' : count(m)) },
};

/** One row per interval: each type's offered, SL and ASA, each group's occupancy, agents present and scheduled. */
function intervalTable(out: RunOutput, typeIds: readonly string[], groupIds: readonly string[]): string {
  const rows = out.intervals.map((iv) => [
    iv.start,
    ...typeIds.flatMap((t) => {
      const k = iv.byType[t]!;
      return [count(k.offered), percent(k.serviceLevel, 0), seconds(k.asa, 0)];
    }),
    ...groupIds.flatMap((id) => {
      const g = iv.byGroup[id]!;
      return [percent(g.occupancy, 0), count(g.staffed, 1), agents(g.scheduled)];
    }),
  ]);
  const header = ['start', ...typeIds.flatMap(() => ['offered', 'SL', 'ASA']), ...groupIds.flatMap(() => ['occ', 'staffed', 'sched'])];
  const groups = [...typeIds.map((label) => ({ label, size: 3 })), ...groupIds.map((label) => ({ label, size: 3 }))];
  const legend = 'occ = occupancy; staffed = agents present (mean over the interval, including agents finishing ' +
    "a contact after a staff drop); sched = agents the scenario's staff or shifts put there";
  return `${table(header, rows, { groups })}\n${wrap(legend)}`;
}

/** Scheduled agents: whole for `staff` arrays, a mean with one decimal when a shift or break ends mid-interval. */
function agents(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
}
