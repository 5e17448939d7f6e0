import type { RunOutput } from '../experiment/index.js';
import { schedule, verifySchedule } from '../node/api.js';
import { loadScenarioFile } from '../node/loadScenarioFile.js';
import {
  dayClockLabel,
  DEFAULT_SCHEDULE_GAP,
  scheduleDocument,
  scheduleProblems,
  ScheduleInputError,
  type GroupSchedule,
  type GroupShift,
  type ScenarioSchedule,
  type ScheduleHorizon,
} from '../optimize/scheduleScenario.js';
import { formatClock, parseClock, ScenarioError, type Scenario, type ShiftTemplateSpec } from '../scenario/index.js';
import { gapFlag, integerFlag, commandLine, oneScenarioFile, timeLimitFlag } from './flags.js';
import { ciNote, percent, seconds, table, wrap } from './format.js';
import { outputWidth } from './outputWidth.js';
import { UsageError, type CliIo } from './io.js';
import { RUN_FLAGS, runContext } from './runContext.js';
import { RUN_DEFAULTS } from '../experiment/runDefaults.js';

export const SCHEDULE_USAGE = `Usage: ccsim schedule <scenario.json> [options]

Choose which shifts to hire, from the scenario's top-level "shiftTemplates", so every interval is
covered at minimum cost (an integer program solved with HiGHS). Each agent group's "staff" is its
net requirement per interval; it is grossed up to ceil(net / (1 - shrinkage)) agents scheduled.
A template without "cost" costs its hours x the group's costPerHour (agent hours when the group has
none). What no template can cover is reported as shortfall.

Options:
  --verify              simulate the schedule (each group's staff replaced by the hired shifts,
                        shrinkage applied per shift) and report service level per interval
  --replications N      replications of the verification run (default 10)
  --seed S              master seed of the verification run (default 1)
  --workers W           worker threads of the verification run (default: cores, at most N)
  --redis URL           run the replications as jobs on this Redis, taken by ccsim worker
                        processes on any machines (docs/cluster.md); same output as here
  --redis-timeout S     with --redis: stop when no worker is connected for S s (default 60)
  --force               run even when larger than the limits (docs/reliability.md)
  --time-limit SECONDS  solver time limit per group (default 60); on expiry the best schedule
                        found so far is reported with status "time-limit"
  --gap FRACTION        stop when the cost is proved within this fraction of the optimum
                        (default 0.001 = 0.1%; 0 proves optimality, which can take far longer)
  --json                print one JSON document: the group's { shifts, cost, required, coverage,
                        shortfall, ... } (several groups: { byGroup: { <id>: ... } }), plus
                        "verification": <run output> with --verify
  -h, --help            show this help

--replications, --seed and --workers are checked but only used with --verify.
`;

export async function scheduleCommand(argv: string[], io: CliIo): Promise<number> {
  const line = commandLine(argv, io, SCHEDULE_USAGE, SCHEDULE_FLAGS);
  if (line === undefined) return 0;
  const { values, positionals } = line;
  const scenarioFile = oneScenarioFile(positionals, 'schedule');
  const timeLimitSeconds = timeLimitFlag(values['time-limit']);
  const mipRelGap = gapFlag(values.gap, DEFAULT_SCHEDULE_GAP);
  // Check the run flags up front even without --verify, so a typo fails before any work.
  integerFlag('--replications', values.replications, RUN_DEFAULTS.replications, 1);
  integerFlag('--seed', values.seed, RUN_DEFAULTS.seed, 0);
  integerFlag('--workers', values.workers, 1, 1);
  const scenario = await loadScenarioFile(scenarioFile);
  try {
    scheduleProblems(scenario); // every input problem, before solving anything
  } catch (error) {
    if (error instanceof ScheduleInputError) throw new UsageError(error.message);
    throw error;
  }
  const solved = await schedule(scenario, { mipRelGap, timeLimitSeconds });
  let verification: RunOutput | undefined;
  if (values.verify) {
    const ctx = runContext(io, 'verifying', values);
    try {
      verification = await ctx.finish(verifySchedule(scenario, solved, ctx.apiOptions));
    } catch (error) {
      // The scenario was valid; only the one with the hired shifts filled in can fail here.
      if (!(error instanceof ScenarioError)) throw error;
      throw new UsageError(`--verify: the scheduled scenario is invalid: ${error.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    }
  }
  if (values.json) {
    const doc = { ...scheduleDocument(solved), verification };
    io.stdout(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    io.stdout(scheduleReport(scenario, solved, verification, mipRelGap));
  }
  return 0;
}

const SCHEDULE_FLAGS = { ...RUN_FLAGS, verify: { type: 'boolean' }, 'time-limit': { type: 'string' }, gap: { type: 'string' } } as const;

const grouped = (x: number, digits = 0) => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const hoursMinutes = (minutes: number) => `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}`;

/**
 * Values per interval as aligned rows, labelled by day and clock: at most `maxPerLine` intervals
 * to a line, as many as fit the output width while dividing a day (so lines start on the same
 * clock times every day).
 */
function intervalGrid(horizon: ScheduleHorizon, rows: readonly { label: string; cells: readonly string[] }[], maxPerLine: number): string {
  const width = Math.max(3, ...rows.flatMap((r) => r.cells.map((c) => c.length)));
  const labelWidth = Math.max(...rows.map((r) => r.label.length));
  // The widest span label: the last day's, "dN HH:MM-HH:MM".
  const spanWidth = dayClockLabel(horizon, horizon.intervals - 1).length + 6;
  const fits = (n: number) => spanWidth + 2 + labelWidth + 2 + n * (width + 1) - 1 <= outputWidth();
  let perLine = 1;
  for (let n = maxPerLine; n >= 1; n--) {
    if (horizon.intervalsPerDay % n === 0 && fits(n)) {
      perLine = n;
      break;
    }
  }
  const lines: string[] = [];
  for (let from = 0; from < horizon.intervals; from += perLine) {
    const to = Math.min(horizon.intervals, from + perLine) - 1;
    const span = `${dayClockLabel(horizon, from)}-${dayClockLabel(horizon, to).slice(-5)}`;
    rows.forEach((r, k) => {
      const cells = r.cells.slice(from, to + 1).map((c) => c.padStart(width)).join(' ');
      lines.push(`${(k === 0 ? span : '').padEnd(span.length)}  ${r.label.padEnd(labelWidth)}  ${cells}`);
    });
  }
  return lines.join('\n');
}

function groupSection(scenario: Scenario, horizon: ScheduleHorizon, id: string, s: GroupSchedule, perLine: number, mipRelGap: number): string {
  const group = scenario.agentGroups.find((g) => g.id === id);
  const templates = new Map((scenario.shiftTemplates ?? []).map((t) => [t.id, t]));
  const shrinkage = group?.shrinkage ?? 0;
  const basis = s.costBasis === 'costPerHour'
    ? `${grouped(group?.costPerHour ?? 0, 2)} per agent hour`
    : 'no costPerHour: cost is in agent hours (1 per paid hour; templates with their own cost keep it)';
  const parts = [wrap(`== group ${id}  (shrinkage ${(shrinkage * 100).toFixed(0)}%, ${basis}) ==`)];
  if (s.shifts.length === 0) parts.push('no shifts hired');
  else {
    const rows = s.shifts.map((h) => {
      const t = templates.get(h.template);
      const breaks = (t?.breaks ?? []).map((b) => ('offsetMinutes' in b
        ? `${b.minutes}m at ${hoursMinutes(b.offsetMinutes)}`
        : `${b.minutes}m in ${hoursMinutes(b.earliestOffsetMinutes)}-${hoursMinutes(b.latestOffsetMinutes)}`)).join(', ');
      const cost = t?.cost ?? ((t?.minutes ?? 0) / 60) * (s.costBasis === 'costPerHour' ? (group?.costPerHour ?? 0) : 1);
      return [h.template, `d${h.day}`, t?.start ?? '?', hoursMinutes(t?.minutes ?? 0), breaks, String(h.count), grouped(h.count * cost, 2)];
    });
    parts.push(table(['template', 'day', 'start', 'length', 'breaks', 'count', 'cost'], rows));
  }
  const placed = s.shifts.filter((h) => h.breakGroups !== undefined);
  if (placed.length > 0) parts.push(breakPlacements(templates, placed));
  const hires = s.shifts.reduce((n, h) => n + h.count, 0);
  const gap = s.mipGap === null ? 'unknown' : `${(s.mipGap * 100).toFixed(2)}%`;
  const status = s.status === 'optimal' ? `optimal within --gap ${(mipRelGap * 100).toFixed(2)}%` : s.status === 'time-limit' ? 'stopped by --time-limit' : s.status;
  parts.push(wrap(
    `total cost ${grouped(s.cost, 2)}; ${grouped(hires)} shifts, ${grouped(s.agentHours, 1)} agent hours paid (${grouped(s.breakHours, 1)} on break); ` +
      `solved in ${(s.solveMs / 1000).toFixed(2)} s, MIP gap ${gap} (${status})`,
  ));
  const short = s.shortfall.reduce((a, b) => a + b, 0);
  const shortIntervals = s.shortfall.filter((x) => x > 0).length;
  const firstShort = s.shortfall.findIndex((x) => x > 0);
  parts.push(wrap(short === 0
    ? 'coverage >= required in every interval (no shortfall)'
    : `SHORTFALL in ${shortIntervals} interval${shortIntervals === 1 ? '' : 's'} (${grouped(short)} agent-intervals; first at ${dayClockLabel(horizon, firstShort)}): no template can cover them`));
  const cell = (x: number) => String(x);
  parts.push(
    `${wrap('per interval: net requirement, gross required (ceil(net / (1 - shrinkage))), scheduled coverage, shortfall (. = 0), ' +
      'and agents present after shrinkage as simulated (round(count x (1 - shrinkage)) per hired shift)')}\n` +
      intervalGrid(horizon, [
        { label: 'net', cells: s.net.map(cell) },
        { label: 'required', cells: s.required.map(cell) },
        { label: 'coverage', cells: s.coverage.map(cell) },
        { label: 'shortfall', cells: s.shortfall.map((x) => (x === 0 ? '.' : String(x))) },
        { label: 'present', cells: s.present.map(cell) },
      ], perLine),
  );
  return parts.join('\n\n');
}

/**
 * Where the optimizer put the breaks of each hire with break windows: per break, each start's
 * clock time and how many agents take it ("09:30 x2"), one line per hire and break.
 */
function breakPlacements(templates: ReadonlyMap<string, ShiftTemplateSpec>, hires: readonly GroupShift[]): string {
  const lines = [wrap('break placements (clock time of each break start x agents taking it):')];
  for (const h of hires) {
    const t = templates.get(h.template);
    if (t === undefined) continue;
    const shiftStart = h.day * 1440 + parseClock(t.start);
    (t.breaks ?? []).forEach((b, j) => {
      const starts = new Map<number, number>();
      for (const g of h.breakGroups ?? []) {
        const at = g.breaks[j]?.offsetMinutes;
        if (at !== undefined) starts.set(at, (starts.get(at) ?? 0) + g.count);
      }
      const list = [...starts].sort((x, y) => x[0] - y[0]).map(([at, n]) => `${formatClock(shiftStart + at)} x${n}`).join(', ');
      lines.push(wrap(`  ${h.template} d${h.day}, ${b.minutes}m break: ${list}`));
    });
  }
  return lines.join('\n');
}

function verificationSection(scenario: Scenario, horizon: ScheduleHorizon, schedule: ScenarioSchedule, out: RunOutput, perLine: number): string {
  const parts = [wrap(`== verification: the schedule simulated (${out.replications} replications, seed ${out.seed}; ± is the 95% half-width) ==`)];
  const typeRows = scenario.contactTypes.map((t) => {
    const k = out.byType[t.id];
    const met = out.intervals.filter((iv) => (iv.byType[t.id]?.serviceLevel.mean ?? Infinity) >= t.serviceLevel.target).length;
    return [t.id, k ? percent(k.serviceLevel) : '-', `${(t.serviceLevel.target * 100).toFixed(0)}% in ${t.serviceLevel.seconds} s`,
      `${met} / ${out.intervals.length}`, k ? seconds(k.asa) : '-', k ? percent(k.abandonRate) : '-'];
  });
  parts.push(table(['type', 'service level', 'target', 'intervals meeting it', 'ASA', 'abandon'], typeRows));
  const note = ciNote(out.replications);
  if (note !== null) parts.push(wrap(note));
  const groupRows = Object.entries(schedule.byGroup).map(([id, s]) => {
    const g = out.byGroup[id];
    return [id, grouped(s.presentHours, 1), g?.staffedHours.mean == null ? '-' : grouped(g.staffedHours.mean, 1), g ? percent(g.occupancy) : '-'];
  });
  parts.push(table(['group', 'present h (plan)', 'staffed h (simulated)', 'occupancy'], groupRows));
  for (const t of scenario.contactTypes) {
    const target = t.serviceLevel.target;
    const cells = out.intervals.map((iv) => {
      const sl = iv.byType[t.id]?.serviceLevel.mean;
      if (sl === null || sl === undefined) return '-';
      return `${(sl * 100).toFixed(0)}${sl < target ? '*' : ''}`;
    });
    parts.push(
      `${wrap(`${t.id}: service level per interval, % (target ${(target * 100).toFixed(0)}% in ${t.serviceLevel.seconds} s; * below target, - nothing offered)`)}\n` +
        intervalGrid(horizon, [{ label: 'SL', cells }], perLine),
    );
  }
  return parts.join('\n\n');
}

/** The readable report: each group's hires, cost, solve figures and coverage; then the verification. */
export function scheduleReport(scenario: Scenario, schedule: ScenarioSchedule, verification?: RunOutput, mipRelGap = DEFAULT_SCHEDULE_GAP): string {
  const { horizon } = schedule;
  const perLine = Math.min(24, horizon.intervalsPerDay);
  const head = wrap(
    `${scenario.name}: shift schedule  (${horizon.intervals} intervals of ${horizon.intervalMinutes} min from ${horizon.start}, ` +
    `${horizon.days} day${horizon.days === 1 ? '' : 's'}; ${(scenario.shiftTemplates ?? []).length} shift templates; dN = day N from the start)`,
  );
  const parts = [head, ...Object.entries(schedule.byGroup).map(([id, s]) => groupSection(scenario, horizon, id, s, perLine, mipRelGap))];
  if (verification) parts.push(verificationSection(scenario, horizon, schedule, verification, perLine));
  return `${parts.join('\n\n')}\n`;
}
