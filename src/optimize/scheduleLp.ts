/**
 * The HiGHS model of a scheduling problem (see `schedule.ts` for the formulation), column-wise.
 * `ccsim schedule` has one hire variable per (template, day) column; `ccsim roster` passes one per
 * (agent, template, day) with its own rows (each agent's rules), through {@link ModelExtras}.
 */
import type { Highs } from 'highs';
import { shortfallPenaltyOf, slotsOf, type ScheduleProblem, type ShiftColumn } from './scheduleModel.js';

/** A hire variable: agents (or one agent, 0/1) on `columns[column]`. */
export interface HireColumn {
  /** Index into the shift columns. */
  column: number;
  cost: number;
  lower: number;
  upper: number;
  /** Coefficients in the caller's own rows: [row index within `ModelExtras.rows`, value]. */
  entries: [number, number][];
}

/** Caller-supplied hire variables and rows (numbered after the model's own). */
export interface ModelExtras {
  /** Default: one integer per column, with the template's cost and the column's bounds. */
  hires?: HireColumn[];
  /** Bounds of the caller's rows (+-Infinity for none). */
  rows?: { lower: number; upper: number }[];
  /** Other integer variables in the caller's rows, after every column of the model's own. */
  variables?: { cost: number; lower: number; upper: number; entries: [number, number][] }[];
}

/**
 * The HiGHS model data (column-wise): shift columns first, then break-start columns, then one
 * shortfall column per coverage row. Rows: coverage per demanded slot (`rowSlots[r]`), then one
 * equality per break window (its starts add up to the hire), then the part-time cap if any.
 */
export function buildScheduleModel(highs: Highs, problem: ScheduleProblem, columns: ShiftColumn[], extra: ModelExtras = {}) {
  const slots = slotsOf(problem);
  const requiredAt = (s: number) => problem.required[Math.floor(s / slots)] ?? 0;
  const total = problem.required.length * slots;
  const coverable = new Array<boolean>(total).fill(false);
  for (const c of columns) {
    c.span.forEach((s, k) => {
      if (s >= 0 && c.fixedBreak[k] !== 1) coverable[s] = true;
    });
  }
  const rowOf = new Int32Array(total).fill(-1);
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const rowSlots: number[] = [];
  for (let s = 0; s < total; s += 1) {
    const r = requiredAt(s);
    if (r > 0 && coverable[s] === true) {
      rowOf[s] = rowLower.length;
      rowLower.push(r);
      rowUpper.push(highs.infinity);
      rowSlots.push(s);
    }
  }
  const rowRequired = [...rowLower]; // rowLower grows by the window and part-time rows below
  const coverageRows = rowLower.length;
  const penalty = shortfallPenaltyOf(problem) / slots;
  const colCost: number[] = [];
  const colLower: number[] = [];
  const colUpper: number[] = [];
  const integrality: (0 | 1)[] = [];
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const pushColumn = (cost: number, lower: number, upper: number, integer: boolean, entries: Map<number, number>) => {
    colCost.push(cost);
    colLower.push(lower);
    colUpper.push(upper);
    integrality.push(integer ? 1 : 0);
    for (const [row, v] of [...entries].sort((a, b) => a[0] - b[0])) {
      if (v === 0) continue;
      indices.push(row);
      values.push(v);
    }
    starts.push(indices.length);
  };
  // One equality row per (column, window), numbered after the coverage rows.
  const windowRow: number[][] = [];
  let nextRow = coverageRows;
  for (const c of columns) windowRow.push(c.windows.map(() => nextRow++));
  const share = problem.maxPartTimeShare;
  const hasPartTime = share !== undefined && columns.some((c) => problem.templates[c.template]?.partTime === true);
  const partTimeRow = hasPartTime ? nextRow++ : -1;
  const firstExtraRow = nextRow;
  const hires = extra.hires ?? columns.map((c, j): HireColumn => ({ column: j, cost: problem.templates[c.template]?.cost ?? 0, lower: c.lower, upper: c.upper, entries: [] }));
  // Each column's coverage, window and part-time coefficients, shared by all its hire variables.
  const columnEntries = columns.map((c, j) => {
    const template = problem.templates[c.template];
    const entries = new Map<number, number>();
    c.span.forEach((s, k) => {
      const row = s >= 0 ? (rowOf[s] ?? -1) : -1;
      if (row >= 0 && c.fixedBreak[k] !== 1) entries.set(row, (entries.get(row) ?? 0) + 1);
    });
    for (const row of windowRow[j] ?? []) entries.set(row, -1);
    if (partTimeRow >= 0 && template !== undefined && share !== undefined) {
      entries.set(partTimeRow, template.length * ((template.partTime === true ? 1 : 0) - share));
    }
    return entries;
  });
  for (const h of hires) {
    const entries = new Map(columnEntries[h.column]);
    for (const [row, v] of h.entries) entries.set(firstExtraRow + row, (entries.get(firstExtraRow + row) ?? 0) + v);
    pushColumn(h.cost, h.lower, h.upper, true, entries);
  }
  const placementColumns: number[][][] = columns.map(() => []);
  // Most agents a column can have: the sum of its hire variables' upper bounds.
  const most = columns.map(() => 0);
  for (const h of hires) most[h.column] = (most[h.column] ?? 0) + h.upper;
  columns.forEach((c, j) => {
    const template = problem.templates[c.template];
    c.windows.forEach((w, n) => {
      const b = template?.breaks[w];
      if (b === undefined) return;
      const firsts: number[] = [];
      for (let p = b.earliest; p <= b.latest; p += 1) {
        const entries = new Map<number, number>([[windowRow[j]?.[n] ?? -1, 1]]);
        for (let k = p; k < p + b.length; k += 1) {
          const s = c.span[k] ?? -1;
          const row = s >= 0 ? (rowOf[s] ?? -1) : -1;
          if (row >= 0) entries.set(row, (entries.get(row) ?? 0) - 1);
        }
        firsts.push(colCost.length);
        pushColumn(0, 0, most[j] ?? 0, true, entries);
      }
      placementColumns[j]?.push(firsts);
    });
  });
  for (let row = 0; row < coverageRows; row += 1) {
    pushColumn(penalty, 0, rowLower[row] ?? 0, false, new Map([[row, 1]]));
  }
  const firstVariableColumn = colCost.length;
  for (const v of extra.variables ?? []) {
    pushColumn(v.cost, v.lower, v.upper, true, new Map(v.entries.map(([row, value]) => [firstExtraRow + row, value])));
  }
  for (const list of windowRow) for (const _ of list) {
    rowLower.push(0);
    rowUpper.push(0);
  }
  if (partTimeRow >= 0) {
    rowLower.push(-highs.infinity);
    rowUpper.push(0);
  }
  for (const r of extra.rows ?? []) {
    rowLower.push(r.lower === -Infinity ? -highs.infinity : r.lower);
    rowUpper.push(r.upper === Infinity ? highs.infinity : r.upper);
  }
  const numCols = colCost.length;
  const numRows = rowLower.length;
  const data = {
    numCols,
    numRows,
    colCost,
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    matrix: { format: 'csc' as const, numRows, numCols, starts, indices, values },
    integrality,
  };
  return { data, rowSlots, rowRequired, placementColumns, firstVariableColumn };
}
