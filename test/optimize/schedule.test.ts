import { describe, expect, it } from 'vitest';
import {
  createHighsLoader,
  defaultLoadHighs,
  solveSchedule,
  type ScheduleProblem,
  type ScheduleSolution,
  type ShiftTemplate,
} from '../../src/optimize/schedule.js';
import { weekScheduleProblem as weekProblem } from '../../src/optimize/scheduleWeek.js';

/** Coverage of explicit (template, day, count) hires, straight from the contract's wording. */
function naiveCoverage(p: ScheduleProblem, hires: { t: ShiftTemplate; day: number; n: number }[]): number[] {
  const cover = new Array<number>(p.required.length).fill(0);
  for (const { t, day, n } of hires) {
    for (let k = 0; k < t.length; k += 1) {
      if (t.breaks.some((b) => k >= b.earliest && k < b.earliest + b.length)) continue;
      const i = day * p.intervalsPerDay + t.start + k;
      if (i >= 0 && i < cover.length) cover[i] = (cover[i] ?? 0) + n;
    }
  }
  return cover;
}

/** Minimum of cost + penalty x shortfall over every count vector with counts 0..bound. */
function bruteForce(p: ScheduleProblem, bound: number): { objective: number; cost: number } {
  const penalty = p.shortfallPenalty ?? 1e6;
  const pairs = p.templates.flatMap((t) => [...new Set(t.days)].filter((d) => d >= 0 && d < p.days).map((day) => ({ t, day })));
  const counts = new Array<number>(pairs.length).fill(0);
  let best = { objective: Infinity, cost: Infinity };
  for (;;) {
    const hires = pairs.map((q, j) => ({ ...q, n: counts[j] ?? 0 }));
    const cover = naiveCoverage(p, hires);
    const cost = hires.reduce((s, h) => s + h.n * h.t.cost, 0);
    const short = p.required.reduce((s, r, i) => s + Math.max(0, r - (cover[i] ?? 0)), 0);
    const objective = cost + penalty * short;
    if (objective < best.objective - 1e-9) best = { objective, cost };
    let j = 0;
    while (j < counts.length && counts[j] === bound) counts[j++] = 0;
    if (j === counts.length) return best;
    counts[j] = (counts[j] ?? 0) + 1;
  }
}

/** The solution is self-consistent: coverage recomputed from its shifts, shortfall, cost. */
function expectConsistent(p: ScheduleProblem, s: ScheduleSolution): void {
  const byId = new Map(p.templates.map((t) => [t.id, t]));
  const hires = s.shifts.map((h) => ({ t: byId.get(h.template) as ShiftTemplate, day: h.day, n: h.count }));
  expect(s.coverage).toEqual(naiveCoverage(p, hires));
  expect(s.shortfall).toEqual(p.required.map((r, i) => Math.max(0, r - (s.coverage[i] ?? 0))));
  expect(s.cost).toBeCloseTo(hires.reduce((sum, h) => sum + h.n * h.t.cost, 0), 9);
  expect(s.required).toEqual(p.required);
  for (const h of s.shifts) expect(h.count).toBeGreaterThan(0);
  const order = s.shifts.map((h) => [h.day, p.templates.findIndex((t) => t.id === h.template)] as const);
  for (let k = 1; k < order.length; k += 1) {
    const [d0, t0] = order[k - 1] ?? [0, 0];
    const [d1, t1] = order[k] ?? [0, 0];
    expect(d1 > d0 || (d1 === d0 && t1 > t0)).toBe(true);
  }
}

/** A template in intervals (one slot per interval), with fixed breaks. */
const tpl = (id: string, start: number, length: number, cost: number, days = [0], breaks: { offsetIntervals: number; lengthIntervals: number }[] = []): ShiftTemplate =>
  ({ id, start, length, cost, days, breaks: breaks.map((b) => ({ earliest: b.offsetIntervals, latest: b.offsetIntervals, length: b.lengthIntervals })) });

const small: [string, ScheduleProblem][] = [
  ['one day, four templates', {
    intervalsPerDay: 12, days: 1, shortfallPenalty: 1000,
    required: [1, 2, 2, 3, 3, 2, 2, 1, 1, 0, 0, 0],
    templates: [tpl('early', 0, 6, 6), tpl('mid', 3, 6, 5.5), tpl('late', 6, 6, 7), tpl('short', 2, 3, 2.5)],
  }],
  ['one day, breaks matter', {
    intervalsPerDay: 10, days: 1, shortfallPenalty: 1000,
    required: [2, 2, 2, 2, 2, 2, 2, 2, 0, 0],
    templates: [
      tpl('long', 0, 8, 7, [0], [{ offsetIntervals: 4, lengthIntervals: 1 }]),
      tpl('cover', 4, 2, 2.2),
      tpl('tiny', 4, 1, 1.5),
      tpl('split', 2, 6, 4, [0], [{ offsetIntervals: 1, lengthIntervals: 2 }]),
    ],
  }],
  ['two days, a shift crossing midnight', {
    intervalsPerDay: 6, days: 2, shortfallPenalty: 1000,
    required: [1, 2, 3, 2, 2, 2, 2, 1, 2, 3, 1, 1],
    templates: [
      tpl('day', 0, 4, 4, [0, 1]),
      tpl('night', 4, 4, 3.5, [0, 1], [{ offsetIntervals: 2, lengthIntervals: 1 }]),
      tpl('late', 2, 3, 3, [0, 1]),
    ],
  }],
];

describe('solveSchedule(problem) against brute force', () => {
  it.each(small)('%s: cost is the brute-force optimum, full coverage', async (_name, p) => {
    const s = await solveSchedule(p);
    const best = bruteForce(p, Math.max(...p.required));
    expect(s.status).toBe('optimal');
    expect(s.cost).toBeCloseTo(best.cost, 6);
    expect(s.shortfall.every((x) => x === 0)).toBe(true);
    s.coverage.forEach((c, i) => expect(c).toBeGreaterThanOrEqual(p.required[i] ?? 0));
    expect(s.mipGap).not.toBeNull();
    expect(s.mipGap ?? 1).toBeLessThanOrEqual(1e-4);
    expectConsistent(p, s);
  });

  it('the midnight-crossing shift covers the next day, and nothing past the horizon', async () => {
    const p = small[2]?.[1] as ScheduleProblem;
    const night = p.templates[1] as ShiftTemplate;
    expect(naiveCoverage(p, [{ t: night, day: 0, n: 1 }])).toEqual([0, 0, 0, 0, 1, 1, 0, 1, 0, 0, 0, 0]);
    expect(naiveCoverage(p, [{ t: night, day: 1, n: 1 }])).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
    const s = await solveSchedule({ ...p, required: [0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0], templates: [night] });
    expect(s.shifts).toEqual([{ template: 'night', day: 0, count: 2 }]);
  });

  it('random small instances (seeded): objective equals brute force, including shortfall', async () => {
    let seed = 12345;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    for (let run = 0; run < 25; run += 1) {
      const intervalsPerDay = 4 + rand(4);
      const days = 1 + rand(2);
      const templates = Array.from({ length: 2 + rand(2) }, (_, k) => {
        const length = 1 + rand(intervalsPerDay + 2);
        const breaks = length >= 3 && rand(2) === 0 ? [{ offsetIntervals: 1 + rand(length - 2), lengthIntervals: 1 }] : [];
        const dayList = [0, 1, 2].filter(() => rand(3) > 0);
        return tpl(`t${k}`, rand(intervalsPerDay + 1) - 1, length, 1 + rand(90) / 10, dayList, breaks);
      });
      const p: ScheduleProblem = {
        intervalsPerDay, days, templates, shortfallPenalty: 4 + rand(20),
        required: Array.from({ length: days * intervalsPerDay }, () => rand(4)),
      };
      const s = await solveSchedule(p);
      const best = bruteForce(p, 3);
      const objective = s.cost + (p.shortfallPenalty ?? 0) * s.shortfall.reduce((a, b) => a + b, 0);
      expect(objective, JSON.stringify(p)).toBeCloseTo(best.objective, 6);
      expectConsistent(p, s);
    }
  });
});

describe('solveSchedule(problem) shortfall and degenerate problems', () => {
  it('an interval no template covers is shortfall there; the rest is covered at minimum cost', async () => {
    const p: ScheduleProblem = {
      intervalsPerDay: 8, days: 1,
      required: [1, 2, 2, 1, 1, 1, 2, 1],
      templates: [tpl('a', 0, 4, 4), tpl('b', 2, 4, 3.8)],
    };
    const s = await solveSchedule(p);
    expect(s.shortfall).toEqual([0, 0, 0, 0, 0, 0, 2, 1]);
    s.coverage.slice(0, 6).forEach((c, i) => expect(c).toBeGreaterThanOrEqual(p.required[i] ?? 0));
    expect(s.cost).toBeCloseTo(bruteForce({ ...p, required: [1, 2, 2, 1, 1, 1, 0, 0] }, 2).cost, 9);
    expectConsistent(p, s);
  });

  it('a shortfall penalty below the hiring cost leaves the requirement uncovered', async () => {
    const p: ScheduleProblem = { intervalsPerDay: 4, days: 1, required: [1, 1, 1, 1], templates: [tpl('a', 0, 4, 10)], shortfallPenalty: 0.5 };
    const s = await solveSchedule(p);
    expect(s.shifts).toEqual([]);
    expect(s.shortfall).toEqual([1, 1, 1, 1]);
  });

  it('zero requirement, or no templates: no HiGHS load, an empty or all-shortfall schedule', async () => {
    const noLoad = async (): Promise<never> => { throw new Error('must not load HiGHS'); };
    const zero = await solveSchedule({ intervalsPerDay: 4, days: 2, required: new Array<number>(8).fill(0), templates: [tpl('a', 0, 4, 1, [0, 1])] }, { loadHighs: noLoad });
    expect(zero).toMatchObject({ shifts: [], cost: 0, status: 'optimal', mipGap: 0, shortfall: new Array<number>(8).fill(0) });
    const none = await solveSchedule({ intervalsPerDay: 3, days: 1, required: [1, 0, 2], templates: [] }, { loadHighs: noLoad });
    expect(none).toMatchObject({ shifts: [], cost: 0, shortfall: [1, 0, 2], coverage: [0, 0, 0] });
  });

  it('templates covering nothing or on out-of-range days are never used', async () => {
    const p: ScheduleProblem = {
      intervalsPerDay: 4, days: 1, required: [1, 1, 1, 1],
      templates: [
        tpl('before-start', -3, 2, 0), // ends before interval 0
        tpl('all-break', 0, 2, 0, [0], [{ offsetIntervals: 0, lengthIntervals: 2 }]),
        tpl('wrong-days', 0, 4, 0, [-1, 1, 7]),
        tpl('real', 0, 4, 8, [0, 0]),
      ],
    };
    const s = await solveSchedule(p);
    expect(s.shifts).toEqual([{ template: 'real', day: 0, count: 1 }]);
    expect(s.cost).toBe(8);
  });

  it('uses the injected loader; createHighsLoader memoises one runtime', async () => {
    let calls = 0;
    const loadHighs = async () => { calls += 1; return defaultLoadHighs(); };
    await solveSchedule(small[0]?.[1] as ScheduleProblem, { loadHighs });
    expect(calls).toBe(1);
    const load = createHighsLoader();
    expect(await load()).toBe(await load());
  });
});

describe('solveSchedule(problem) input validation', () => {
  const base = (): ScheduleProblem => ({ intervalsPerDay: 4, days: 1, required: [1, 1, 1, 1], templates: [tpl('a', 0, 4, 1)] });
  const bad: [string, (p: ScheduleProblem) => void, RegExp][] = [
    ['negative requirement', (p) => { p.required[2] = -1; }, /^required\[2\]: must be an integer >= 0, got -1$/],
    ['fractional requirement', (p) => { p.required[0] = 1.5; }, /^required\[0\]: .*1\.5/],
    ['wrong length', (p) => { p.required.push(0); }, /^required: has 5 values, expected .* 4$/],
    ['duplicate ids', (p) => { p.templates.push(tpl('a', 1, 2, 1)); }, /^templates\[1\]\.id: duplicate id "a"$/],
    ['length 0', (p) => { p.templates.push(tpl('z', 1, 0, 1)); }, /^templates\[1\]\.length: must be an integer >= 1, got 0$/],
    ['break past the end', (p) => { p.templates.push(tpl('b', 0, 4, 1, [0], [{ offsetIntervals: 3, lengthIntervals: 2 }])); }, /^templates\[1\]\.breaks\[0\]: break \[3, 5\) ends after the shift \(length 4\)$/],
    ['negative cost', (p) => { p.templates.push(tpl('c', 0, 4, -1)); }, /^templates\[1\]\.cost: /],
    ['start a day away', (p) => { p.templates.push(tpl('d', 4, 1, 1)); }, /^templates\[1\]\.start: must be an integer in \(-4, 4\), got 4$/],
    ['non-integer day', (p) => { p.templates.push(tpl('e', 0, 1, 1, [0.5])); }, /^templates\[1\]\.days\[0\]: /],
    ['zero penalty', (p) => { p.shortfallPenalty = 0; }, /^shortfallPenalty: must be a finite number > 0, got 0$/],
  ];
  it.each(bad)('%s -> RangeError naming the field', async (_name, mutate, message) => {
    const p = base();
    mutate(p);
    await expect(solveSchedule(p)).rejects.toThrow(RangeError);
    await expect(solveSchedule(p)).rejects.toThrow(message);
  });
  it('an empty template list is allowed (all shortfall)', async () => {
    await expect(solveSchedule({ ...base(), templates: [] })).resolves.toMatchObject({ shortfall: [1, 1, 1, 1] });
  });
});

describe('solveSchedule(week: 7 days x 48 intervals, 96 templates)', () => {
  it('solves to optimality with full coverage (target < 5 s; asserted < 20 s)', async () => {
    const p = weekProblem();
    expect(p.templates.length).toBeGreaterThanOrEqual(50);
    await defaultLoadHighs(); // exclude the one-off Wasm load from the figure
    const t0 = performance.now();
    const s = await solveSchedule(p, { timeLimitSeconds: 60 });
    const wallMs = performance.now() - t0;
    console.log(`week schedule: ${p.templates.length} templates x 7 days, 336 intervals: solveMs ${s.solveMs.toFixed(0)} ms ` +
      `(wall ${wallMs.toFixed(0)} ms), status ${s.status}, gap ${String(s.mipGap)}, cost ${s.cost}, ` +
      `${s.shifts.reduce((a, h) => a + h.count, 0)} shifts`);
    expect(s.status).toBe('optimal');
    expect(wallMs).toBeLessThan(20_000);
    s.coverage.forEach((c, i) => expect(c).toBeGreaterThanOrEqual(p.required[i] ?? 0));
    expectConsistent(p, s);
  });

  it('a tiny time limit still returns a valid schedule, never an exception', async () => {
    const p = weekProblem();
    const s = await solveSchedule(p, { timeLimitSeconds: 0.001 });
    expect(['optimal', 'time-limit', 'feasible']).toContain(s.status);
    expect(s.shortfall.every((x) => x === 0)).toBe(true); // at worst the greedy start covers everything
    expectConsistent(p, s);
  });
});
