import { staff } from '../node/api.js';
import { loadScenarioFile } from '../node/loadScenarioFile.js';
import { checkOutputFiles, writeOutputFiles } from './outputFiles.js';
import { withStaff, type StaffMethod, type StaffOutput } from '../optimize/staffScenario.js';
import { KPI_NAMES, missSummary, missValue } from '../optimize/missSummary.js';
import { intervalLabels } from '../experiment/index.js';
import type { Scenario } from '../scenario/index.js';
import { percent, table, wrap } from './format.js';
import { commandLine, oneScenarioFile } from './flags.js';
import { UsageError, type CliIo } from './io.js';
import { RUN_FLAGS, runContext } from './runContext.js';
import { RUN_DEFAULTS } from '../experiment/runDefaults.js';

export const STAFF_USAGE = `Usage: ccsim staff <scenario.json> [options]

The fewest agents per group and interval so that every contact type meets its targets in every
interval: serviceLevel.target, and maxAbandonRate, maxAsa (types) and maxOccupancy (groups) when
given; each group's minStaff and maxStaff are respected. The simulation method (default) starts
from Erlang A, then adjusts every group and interval by simulating the whole day (queues carried
over, bots, abandonment, multi-skill groups), and verifies the plan on fresh random numbers.

Exit status: 0 the plan meets every target; 3 it misses some (the first line of the report and
plan.misses say where and why; --write-scenario still writes the plan); 2 bad input.

Options:
  --method M            simulation (default), erlang-a or erlang-c
  --replications N      replications per candidate plan (default 20; verification uses 2N)
  --seed S              master seed (default 1)
  --workers W           worker threads (default: available cores)
  --redis URL           run the replications as jobs on this Redis, taken by ccsim worker
                        processes on any machines (docs/cluster.md); same output as here
  --redis-timeout S     with --redis: stop when no worker is connected for S s (default 60)
  --force               run even when larger than the limits (docs/reliability.md)
  --max-evaluations E   simulations the search may run (default 40); the output says when the
                        budget ended the search
  --write-scenario FILE write the scenario with the found staff, ready for ccsim run
  --json                print one JSON document: { method, byGroup, byType, verification, plan }
  -h, --help            show this help
`;

const METHODS: readonly StaffMethod[] = ['simulation', 'erlang-a', 'erlang-c'];

export async function staffCommand(argv: string[], io: CliIo): Promise<number> {
  const line = commandLine(argv, io, STAFF_USAGE, STAFF_FLAGS);
  if (line === undefined) return 0;
  const { values, positionals } = line;
  const scenarioFile = oneScenarioFile(positionals, 'staff');
  const method = (values.method ?? 'simulation') as StaffMethod;
  if (!METHODS.includes(method)) throw new UsageError(`--method: must be one of ${METHODS.join(', ')}, got ${JSON.stringify(values.method)}`);
  const maxEvaluations = values['max-evaluations'] === undefined ? undefined : Number(values['max-evaluations']);
  if (maxEvaluations !== undefined && !(Number.isSafeInteger(maxEvaluations) && maxEvaluations >= 1)) {
    throw new UsageError(`--max-evaluations: must be an integer >= 1, got ${JSON.stringify(values['max-evaluations'])}`);
  }
  const written = { flag: '--write-scenario', path: values['write-scenario'] };
  await checkOutputFiles([written]);
  const scenario = await loadScenarioFile(scenarioFile);
  const ctx = runContext(io, 'staffing', { ...values, replications: values.replications ?? String(RUN_DEFAULTS.staffReplications) });
  const out = await ctx.finish(
    staff(scenario, {
      method,
      ...ctx.apiOptions,
      maxEvaluations,
    }),
  );
  await writeOutputFiles([
    {
      ...written,
      text: () => {
        const planned = withStaff(scenario, scenario.agentGroups.map((g) => out.byGroup[g.id]!.staff));
        return `${JSON.stringify({ ...planned, name: `${scenario.name} (staffed by ccsim ${method})` }, null, 2)}\n`;
      },
    },
  ]);
  io.stdout(values.json ? `${JSON.stringify(out, null, 2)}\n` : staffReport(out, scenario));
  return out.plan.met ? 0 : PLAN_MISSES_EXIT;
}

/** Exit status of a plan that misses a target. */
export const PLAN_MISSES_EXIT = 3;

/** Staff per group and interval, the plan's hours and cost, and how the verification went. */
export function staffReport(out: StaffOutput, scenario: Scenario): string {
  const labels = intervalLabels(scenario);
  const groups = scenario.agentGroups.map((g) => g.id);
  const types = scenario.contactTypes.map((t) => t.id);
  const rows = labels.map((start, i) => [
    start,
    ...groups.map((g) => String(out.byGroup[g]!.staff[i] ?? 0)),
    ...types.map((t) => out.byType[t]!.requiredExact[i]!.toFixed(1)),
    ...(out.verification ? types.map((t) => percent(out.verification!.intervals[i]!.byType[t]!.serviceLevel, 0)) : []),
  ]);
  const header = ['start', ...groups.map((g) => `${g} staff`), ...types.map((t) => `${t} req`), ...(out.verification ? types.map((t) => `${t} SL`) : [])];
  const p = out.plan;
  const verdict = p.met
    ? 'the plan meets every target'
    : `THE PLAN MISSES TARGETS: ${missSummary(p.misses)}`;
  const lines = [
    wrap(`${scenario.name}: staffing by ${out.method}: ${verdict}`),
    '',
    table(header, rows),
    '',
    `plan: ${p.agentHours.toFixed(1)} agent hours${p.costUnit === 'costPerHour' ? `, cost ${p.cost.toFixed(2)}` : ''}` +
      (p.evaluations === undefined ? '' : `; ${p.evaluations} simulations`),
  ];
  if (p.targets) {
    lines.push(
      wrap(`verification on fresh random numbers (${out.verification!.replications} replications): ${p.targets.met} of ${p.targets.pairs} (interval, type) pairs meet every target (${(p.targets.share * 100).toFixed(1)}%)`),
    );
  }
  if (p.budget?.exhausted) lines.push(`the search used its whole budget of ${p.budget.maxEvaluations} simulations (--max-evaluations)`);
  if (p.misses.length > 0) {
    lines.push('', 'misses:');
    for (const m of p.misses) {
      const what = `${m.at} ${m.type ?? m.group} ${KPI_NAMES[m.kpi]}`;
      const value = m.value === null ? '' : `: ${missValue(m.kpi, m.value)} vs ${missValue(m.kpi, m.target)}`;
      lines.push(wrap(`  ${what}${value}: ${m.why}`));
    }
  }
  if (out.notes.length > 0) lines.push('', 'notes:', ...out.notes.map((n) => wrap(`  - ${n}`)));
  lines.push('', wrap("('<type> req' is the analytic (Erlang) requirement of that type alone, in agents, before pooling)"));
  return `${lines.join('\n')}\n`;
}

const STAFF_FLAGS = { ...RUN_FLAGS, method: { type: 'string' }, 'max-evaluations': { type: 'string' }, 'write-scenario': { type: 'string' } } as const;
