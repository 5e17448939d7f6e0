import { fit, type FitApiOutput } from '../node/api.js';
import { dateText } from '../history/calendar.js';
import type { Estimate } from '../history/estimate.js';
import type { TypeFitReport } from '../history/fitScenario.js';
import { checkOutputFiles, writeOutputFiles } from './outputFiles.js';
import { table, wrap } from './format.js';
import { columnsFlag, commandLine, dateFlag, oneScenarioFile, requiredFlag } from './flags.js';
import type { CliIo } from './io.js';

export const FIT_USAGE = `Usage: ccsim fit <scenario.json> --history <history.csv> [options]

A copy of the scenario whose contact types take their parameters from the center's history
(docs/fit.md): volume for the date from the forecast, handle time (a distribution fitted to the
contact log, or exponential with the history's AHT per interval), patience (censored-data fit of
the contact log's waits, or the Erlang-A estimate from abandonment and ASA) and
volumeUncertainty.cv (from the forecast's backtest). Agent groups and everything else are kept.

Options:
  --history FILE    interval history CSV: date,interval_start,type,offered[,answered,abandoned,
                    aht,asa,service_level] (required)
  --contacts FILE   contact log CSV: type,arrival,answered,ended,outcome[,acw,group]
  --date YYYY-MM-DD the date to fit (default: the first open day after the history)
  --columns MAP     this export's headers: offered="Calls Offered",aht=AHT,...
  --holidays FILE   special days, one YYYY-MM-DD per line (as for forecast): left out of the
                    forecast behind the volume and of the backtest behind volumeUncertainty.cv
  --out FILE        write the fitted scenario (JSON), ready for ccsim run
  --json            print every estimate with its standard error, method and sample size, the
                    notes and the fitted scenario as one JSON document
  -h, --help        show this help
`;

const FIT_FLAGS = {
  history: { type: 'string' },
  contacts: { type: 'string' },
  date: { type: 'string' },
  columns: { type: 'string' },
  holidays: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function fitCommand(argv: string[], io: CliIo): Promise<number> {
  const line = commandLine(argv, io, FIT_USAGE, FIT_FLAGS);
  if (line === undefined) return 0;
  const { values, positionals } = line;
  const scenarioFile = oneScenarioFile(positionals, 'fit');
  const history = requiredFlag('--history', values.history, 'the interval history CSV', 'fit');
  const day = dateFlag('--date', values.date);
  const columns = columnsFlag('--columns', values.columns);
  const out = { flag: '--out', path: values.out };
  await checkOutputFiles([out]);
  const result = await fit(scenarioFile, { history, contacts: values.contacts, date: day === undefined ? undefined : dateText(day), columns, holidays: values.holidays });
  await writeOutputFiles([{ ...out, text: () => `${JSON.stringify(result.scenario, null, 2)}\n` }]);
  io.stdout(values.json ? `${JSON.stringify(fitJson(result), null, 2)}\n` : fitReport(result, scenarioFile, values.out, io.columns));
  return 0;
}

/** The --json document: estimates (NaN as null), notes, the fitted scenario. */
export function fitJson(result: FitApiOutput): unknown {
  return JSON.parse(JSON.stringify({ ...result.estimates, notes: result.notes, scenario: result.scenario }, (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)));
}

/** A table per contact type: estimate, SE, 99 % interval, method, n; then the notes. */
export function fitReport(result: FitApiOutput, scenarioFile: string, outFile: string | undefined, width: number): string {
  const { estimates } = result;
  const lines = [wrap(`${scenarioFile}: fitted to ${estimates.date} (volume: ${estimates.forecastMethod}; backtest ${estimates.backtestWeeks} weeks)`, width)];
  for (const [id, r] of Object.entries(estimates.byType)) {
    lines.push('', id, table(['estimate', 'value', 'SE', '99% interval', 'method', 'n'], typeRows(r), { width }));
    const km = r.patience.kaplanMeier;
    if (km !== undefined) {
      const points = km.points.map((p) => `S(${p.t})=${p.survival.toFixed(2)}`).join(' ');
      lines.push(wrap(`  patience survival (Kaplan-Meier): ${points}; median ${km.median === null ? 'not reached' : `${km.median.toFixed(0)} s`}`, width));
    }
    const h = r.handleTime;
    if (h.source !== 'kept') lines.push(wrap(`  handleTime written as ${h.family}${h.perInterval ? ', one per interval (AHT varies by interval)' : ', one for the day'}`, width));
  }
  if (result.notes.length > 0) lines.push('', 'notes:', ...result.notes.map((n) => wrap(`  - ${n}`, width)));
  lines.push('', outFile === undefined ? 'not written: add --out FILE to write the fitted scenario' : `fitted scenario written to ${outFile}`);
  return `${lines.join('\n')}\n`;
}

function typeRows(r: TypeFitReport): string[][] {
  const rows: string[][] = [];
  const add = (name: string, e: Estimate | undefined, method: string, digits: number) => {
    if (e === undefined) return;
    const f = (v: number) => (Number.isFinite(v) ? v.toFixed(digits) : '-');
    rows.push([name, f(e.value), f(e.se), Number.isFinite(e.se) ? `${f(e.lo)} .. ${f(e.hi)}` : '-', method, String(e.n)]);
  };
  add('volume (day)', r.volume.total, 'forecast', 1);
  const h = r.handleTime;
  add('AHT (s)', h.aht, h.source === 'contact log' ? 'log: sample mean' : 'history: mean aht', 1);
  if (h.family !== 'exponential') add('handle cv', h.cv, `log: ML ${h.family}`, 3);
  const p = r.patience;
  const how = p.source === 'contact log' ? `log: censored ML ${p.family}` : 'history: Erlang-A';
  add('patience mean (s)', p.mean, how, 1);
  if (p.family === 'weibull') {
    add('patience shape', p.parameters['shape'], how, 3);
    add('patience scale (s)', p.parameters['scale'], how, 1);
  }
  if (p.family === 'lognormal') add('patience cv', p.parameters['cv'], how, 3);
  add('volume cv', r.volumeUncertainty.cv, 'backtest day ratios', 3);
  return rows;
}
