/** What a hostile input may legitimately produce, checked the same way by every fuzz test. */
import { ScenarioError, type ScenarioIssue } from '../../../src/scenario/index.js';

/** `(root)`, `(file)`, `forecast`, or a field path such as `contactTypes[0].handleTime.mean` / `a["we ird"]`. */
const step = String.raw`(?:\.[A-Za-z_$][\w$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])`;
const pathPattern = new RegExp(String.raw`^(?:\(root\)|\(file\)|(?:[A-Za-z_$][\w$]*|\["(?:[^"\\]|\\.)*"\])${step}*)$`);

/** Steps of a formatted path (no special names). */
function steps(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  for (const m of path.matchAll(re)) out.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (JSON.parse(m[3]!) as string)));
  return out;
}

/**
 * Why an issue is not "path-named", or null when it is: its path has the grammar above, and every
 * step of it but the last exists in the input (the last may be the missing field itself).
 */
export function issueProblem(issue: ScenarioIssue, input: unknown): string | null {
  if (typeof issue.path !== 'string' || !pathPattern.test(issue.path)) return `bad path ${JSON.stringify(issue.path)}`;
  if (typeof issue.message !== 'string' || !/\S/.test(issue.message)) return `empty message at ${issue.path}`;
  if (/\n\s+at /.test(issue.message)) return `stack trace in message at ${issue.path}`;
  if (issue.path.startsWith('(') || issue.path === 'forecast') return null;
  let node: unknown = input;
  const all = steps(issue.path);
  for (const [k, s] of all.slice(0, -1).entries()) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, s)) {
      return `path ${issue.path} does not exist in the input (step ${k}: ${String(s)})`;
    }
    node = (node as Record<string | number, unknown>)[s];
  }
  return null;
}

/** Why `error` is not a proper refusal of `input` (a ScenarioError whose every issue is path-named), or null. */
export function refusalProblem(error: unknown, input: unknown): string | null {
  if (!(error instanceof ScenarioError)) {
    return `threw ${error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error)}`;
  }
  if (error.issues.length === 0) return 'ScenarioError without issues';
  for (const issue of error.issues) {
    const problem = issueProblem(issue, input);
    if (problem !== null) return problem;
  }
  return null;
}

type Metric = { mean: number | null; ci95: number | null; n: number };
const RATIOS = ['serviceLevel', 'abandonRate', 'containmentRate', 'occupancy', 'slotUtilization'];

/**
 * Why a `ccsim run --json` document of ONE replication is not sound, or null: no NaN or Infinity
 * in the text, every metric null or finite, ratios in [0, 1], and the accounting identity
 * arrivals + retrials + repeats = contained + botDropouts + answered + abandoned + unresolved
 * for the summary and every type (with n = 1 the means are the replication's own counts).
 */
export function runOutputProblem(stdout: string): string | null {
  if (/\bNaN\b|Infinity/.test(stdout)) return 'NaN or Infinity in the JSON';
  let out: { summary: Record<string, Metric>; byType: Record<string, Record<string, Metric>>; replications: number };
  try {
    out = JSON.parse(stdout);
  } catch (error) {
    return `stdout is not one JSON document: ${(error as Error).message}`;
  }
  const cells: [string, Record<string, Metric>][] = [['summary', out.summary], ...Object.entries(out.byType).map(([k, v]): [string, Record<string, Metric>] => [`byType.${k}`, v])];
  for (const [where, kpis] of cells) {
    for (const [key, m] of Object.entries(kpis)) {
      if (m.mean !== null && !Number.isFinite(m.mean)) return `${where}.${key}.mean is ${m.mean}`;
      if (m.mean !== null && RATIOS.includes(key) && (m.mean < -1e-12 || m.mean > 1 + 1e-12)) return `${where}.${key}.mean ${m.mean} outside [0, 1]`;
    }
    if (out.replications === 1) {
      const v = (k: string) => kpis[k]?.mean ?? 0;
      const inflow = v('arrivals') + v('retrials') + v('repeats') + v('transfers');
      // blocked and disconnected are output only with lines / maxQueue / closeQueueAt (CONTRACT section 8).
      const outflow = v('contained') + v('botDropouts') + v('blocked') + v('answered') + v('abandoned') + v('unresolved') + v('disconnected');
      if (Math.abs(inflow - outflow) > 1e-9 * Math.max(1, inflow)) return `${where}: accounting identity broken: ${inflow} in, ${outflow} out`;
    }
  }
  return null;
}

/**
 * Why a CLI result is neither a valid run (exit 0, sound JSON) nor a clean refusal (exit 2, one
 * `ccsim <command>: ` message, field lines `  path: message`, no stack trace, nothing on stdout), or null.
 */
export function cliProblem(r: { code: number; stdout: string; stderr: string }, command = 'run'): string | null {
  if (r.code === 0) return runOutputProblem(r.stdout);
  if (r.code !== 2) return `exit ${r.code}: ${r.stderr.slice(0, 2000)}`;
  if (r.stdout !== '') return 'exit 2 but something on stdout';
  if (!r.stderr.startsWith(`ccsim ${command}: `)) return `stderr does not start with "ccsim ${command}: ": ${r.stderr.slice(0, 300)}`;
  if (/\n\s+at /.test(r.stderr) || /internal error/.test(r.stderr)) return `stack trace or internal error: ${r.stderr.slice(0, 2000)}`;
  const lines = r.stderr.replace(/\n$/, '').split('\n');
  // A list of field problems follows a first line that ends with ":" or "(N problems)".
  if (lines.length > 1 && /(?:invalid scenario \(\d+ problems?\)|:)$/.test(lines[0]!)) {
    for (const line of lines.slice(1)) {
      if (line.startsWith('  ... and ') && / more problems?$/.test(line)) continue;
      // The path may itself hold ": " inside a quoted key: accept any split whose left side is a path.
      const splits = [...line.matchAll(/: /g)].map((m) => m.index);
      const named = line.startsWith('  ') && splits.some((at) => pathPattern.test(line.slice(2, at)) && at + 2 < line.length);
      if (!named) return `not a "  path: message" line: ${JSON.stringify(line.slice(0, 300))}`;
    }
  } else if (lines.length !== 1) return `a refusal of ${lines.length} lines that is not a scenario's issue list: ${r.stderr.slice(0, 500)}`;
  return null;
}
