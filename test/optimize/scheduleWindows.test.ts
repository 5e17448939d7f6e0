import { describe, expect, it } from 'vitest';
import { solveSchedule, type ScheduleProblem, type ScheduleSolution, type ShiftTemplate } from '../../src/optimize/schedule.js';

/**
 * Brute force, written from the rules and not from the model builder: every hire count per
 * (template, day) and every way of giving its agents break starts, scored as cost + penalty per
 * agent-interval of per-slot shortfall (a slot short by one agent for a quarter of an interval
 * costs penalty / slotsPerInterval), under the rules min, max, maxPartTimeShare, opening hours and
 * the cyclic wrap.
 */
function bruteForce(p: ScheduleProblem, bound: number): number {
  const slots = p.slotsPerInterval ?? 1;
  const total = p.required.length * slots;
  const penalty = p.shortfallPenalty ?? 1e6;
  const wrap = (s: number) => (p.cyclic === true ? ((s % total) + total) % total : s);
  const pairs = p.templates.flatMap((t) => [...new Set(t.days)].filter((d) => d >= 0 && d < p.days).map((day) => ({ t, day })))
    .filter(({ t, day }) => {
      if (p.open === undefined) return true;
      for (let k = 0; k < t.length; k += 1) {
        const s = wrap(day * p.intervalsPerDay * slots + t.start + k);
        if (s >= 0 && s < total && p.open[Math.floor(s / slots)] !== true) return false;
      }
      return true;
    });
  // Every option of one pair: [count, slot coverage it adds, cost, paid slots, part-time paid slots].
  const optionsOf = ({ t, day }: { t: ShiftTemplate; day: number }) => {
    const options: { cover: number[]; cost: number; paid: number; pt: number }[] = [];
    const placements = t.breaks.map((b) => Array.from({ length: b.latest - b.earliest + 1 }, (_, q) => b.earliest + q));
    const lo = t.min ?? 0;
    const hi = Math.min(t.max ?? bound, Math.max(bound, lo));
    for (let n = lo; n <= hi; n += 1) {
      // Each agent picks one start per break; agents are interchangeable, so take multisets per break.
      const perBreak = placements.map((list) => multisets(list, n));
      for (const choice of product(perBreak)) {
        const cover = new Array<number>(total).fill(0);
        for (let a = 0; a < n; a += 1) {
          for (let k = 0; k < t.length; k += 1) {
            if (t.breaks.some((b, j) => { const at = choice[j]?.[a] ?? b.earliest; return k >= at && k < at + b.length; })) continue;
            const s = wrap(day * p.intervalsPerDay * slots + t.start + k);
            if (s >= 0 && s < total) cover[s] = (cover[s] ?? 0) + 1;
          }
        }
        options.push({ cover, cost: n * t.cost, paid: n * t.length, pt: t.partTime === true ? n * t.length : 0 });
      }
    }
    return options;
  };
  const all = pairs.map(optionsOf);
  let best = Infinity;
  const walk = (j: number, cover: number[], cost: number, paid: number, pt: number) => {
    if (j === all.length) {
      if (p.maxPartTimeShare !== undefined && pt > p.maxPartTimeShare * paid + 1e-9) return;
      let short = 0;
      for (let s = 0; s < total; s += 1) short += Math.max(0, (p.required[Math.floor(s / slots)] ?? 0) - (cover[s] ?? 0));
      best = Math.min(best, cost + (penalty / slots) * short);
      return;
    }
    for (const o of all[j] ?? []) walk(j + 1, cover.map((c, s) => c + (o.cover[s] ?? 0)), cost + o.cost, paid + o.paid, pt + o.pt);
  };
  walk(0, new Array<number>(total).fill(0), 0, 0, 0);
  return best;
}

/** Non-decreasing sequences of length n from `list` (multisets). */
function multisets(list: number[], n: number): number[][] {
  if (n === 0) return [[]];
  const out: number[][] = [];
  const go = (from: number, acc: number[]) => {
    if (acc.length === n) { out.push([...acc]); return; }
    for (let i = from; i < list.length; i += 1) go(i, [...acc, list[i] ?? 0]);
  };
  go(0, []);
  return out;
}

function product(lists: number[][][]): number[][][] {
  return lists.reduce<number[][][]>((acc, list) => acc.flatMap((a) => list.map((x) => [...a, x])), [[]]);
}

/** The solution's own objective, its coverage recomputed from its break groups (never from the solver's arrays). */
function objectiveOf(p: ScheduleProblem, s: ScheduleSolution): number {
  const slots = p.slotsPerInterval ?? 1;
  const total = p.required.length * slots;
  const wrap = (x: number) => (p.cyclic === true ? ((x % total) + total) % total : x);
  const cover = new Array<number>(total).fill(0);
  for (const h of s.shifts) {
    const t = p.templates.find((x) => x.id === h.template) as ShiftTemplate;
    const groups = h.breakGroups ?? [{ count: h.count, starts: t.breaks.map((b) => b.earliest) }];
    expect(groups.reduce((a, g) => a + g.count, 0)).toBe(h.count);
    for (const g of groups) {
      g.starts.forEach((at, j) => {
        const b = t.breaks[j] as ShiftTemplate['breaks'][number];
        expect(at).toBeGreaterThanOrEqual(b.earliest);
        expect(at).toBeLessThanOrEqual(b.latest);
      });
      for (let k = 0; k < t.length; k += 1) {
        if (t.breaks.some((b, j) => { const at = g.starts[j] ?? b.earliest; return k >= at && k < at + b.length; })) continue;
        const x = wrap(h.day * p.intervalsPerDay * slots + t.start + k);
        if (x >= 0 && x < total) cover[x] = (cover[x] ?? 0) + g.count;
      }
    }
  }
  expect(s.slotCoverage).toEqual(cover);
  s.coverage.forEach((c, i) => {
    let sum = 0;
    for (let x = i * slots; x < (i + 1) * slots; x += 1) sum += cover[x] ?? 0;
    expect(c).toBeCloseTo(sum / slots, 9);
  });
  let short = 0;
  for (let x = 0; x < total; x += 1) short += Math.max(0, (p.required[Math.floor(x / slots)] ?? 0) - (cover[x] ?? 0));
  return s.cost + ((p.shortfallPenalty ?? 1e6) / slots) * short;
}

const win = (earliest: number, latest: number, length: number) => ({ earliest, latest, length });

describe('solveSchedule(problem) with break windows, against brute force', () => {
  it('a 1-slot break in 2-slot intervals: four agents cover 3 in every quarter hour (all at once would need 6)', async () => {
    // A lone agent's quarter-hour break counts as half an interval away.
    const one = await solveSchedule({
      intervalsPerDay: 2, slotsPerInterval: 2, days: 1, required: [1, 0],
      templates: [{ id: 'a', start: 0, length: 4, cost: 1, days: [0], breaks: [win(1, 1, 1)] }],
    });
    expect(one.coverage).toEqual([0.5, 1]);
    expect(one.shortfall).toEqual([0.5, 0]);
    // 4 intervals of 2 slots; one 8-slot template with a 1-slot break starting in slots 2..5.
    const p: ScheduleProblem = {
      intervalsPerDay: 4, slotsPerInterval: 2, days: 1, shortfallPenalty: 100,
      required: [3, 3, 3, 3],
      templates: [{ id: 'day', start: 0, length: 8, cost: 10, days: [0], breaks: [win(2, 5, 1)] }],
    };
    const s = await solveSchedule(p);
    expect(s.shifts).toEqual([{ template: 'day', day: 0, count: 4, breakGroups: expect.any(Array) }]);
    expect(s.slotCoverage.every((c) => c >= 3)).toBe(true);
    const starts = (s.shifts[0]?.breakGroups ?? []).flatMap((g) => new Array<number>(g.count).fill(g.starts[0] ?? -1));
    expect(new Set(starts).size).toBe(4); // four different quarter hours
    expect(objectiveOf(p, s)).toBeCloseTo(bruteForce(p, 6), 9);
    // One agent away in each quarter hour of intervals 1 and 2: 3 at work all through them.
    expect(s.coverage).toEqual([4, 3, 3, 4]);
  });

  it('random small instances (seeded): the objective equals brute force, placements within their windows', async () => {
    let seed = 2024;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    for (let run = 0; run < 20; run += 1) {
      const slots = 1 + rand(3);
      const intervalsPerDay = 3 + rand(3);
      const templates: ShiftTemplate[] = Array.from({ length: 1 + rand(2) }, (_, k) => {
        const length = 3 + rand(intervalsPerDay * slots - 2);
        const breakLength = 1 + rand(2);
        const earliest = rand(Math.max(1, length - breakLength - 1));
        const latest = Math.min(length - breakLength, earliest + rand(3));
        return { id: `t${k}`, start: rand(intervalsPerDay * slots) - 1, length, cost: 1 + rand(50) / 10, days: [0], breaks: [win(earliest, latest, breakLength)] };
      });
      const p: ScheduleProblem = {
        intervalsPerDay, slotsPerInterval: slots, days: 1, templates, shortfallPenalty: 3 + rand(10),
        required: Array.from({ length: intervalsPerDay }, () => rand(3)),
      };
      const s = await solveSchedule(p, { mipRelGap: 0 });
      expect(objectiveOf(p, s), JSON.stringify(p)).toBeCloseTo(bruteForce(p, 3), 6);
    }
  });

  it('two windows in one template: no agent\'s breaks overlap, the objective equals brute force', async () => {
    const p: ScheduleProblem = {
      intervalsPerDay: 5, slotsPerInterval: 2, days: 1, shortfallPenalty: 50,
      required: [2, 2, 3, 2, 2],
      templates: [
        { id: 'long', start: 0, length: 10, cost: 10, days: [0], breaks: [win(2, 4, 1), win(5, 7, 2)] },
        { id: 'short', start: 4, length: 4, cost: 5, days: [0], breaks: [] },
      ],
    };
    const s = await solveSchedule(p, { mipRelGap: 0 });
    for (const h of s.shifts) for (const g of h.breakGroups ?? []) expect((g.starts[0] ?? 0) + 1).toBeLessThanOrEqual(g.starts[1] ?? 0);
    expect(objectiveOf(p, s)).toBeCloseTo(bruteForce(p, 3), 9);
  });
});

describe('solveSchedule(problem) weekly rules, against brute force', () => {
  const base = (): ScheduleProblem => ({
    intervalsPerDay: 6, days: 2, shortfallPenalty: 40,
    required: [1, 2, 3, 3, 2, 1, 2, 2, 3, 2, 1, 1],
    templates: [
      { id: 'full', start: 0, length: 6, cost: 12, days: [0, 1], breaks: [win(2, 3, 1)] },
      { id: 'part', start: 2, length: 3, cost: 5, days: [0, 1], breaks: [], partTime: true },
      { id: 'night', start: 4, length: 4, cost: 9, days: [0, 1], breaks: [] },
    ],
  });

  it.each<[string, (p: ScheduleProblem) => void]>([
    ['no rules', () => {}],
    ['max per template and day', (p) => { (p.templates[1] as ShiftTemplate).max = 1; }],
    ['min per template and day', (p) => { (p.templates[2] as ShiftTemplate).min = 2; }],
    ['part-time share at most 10%', (p) => { p.maxPartTimeShare = 0.1; }],
    ['opening hours: nothing may run in the last interval of a day', (p) => { p.open = p.required.map((_, i) => i % 6 !== 5); }],
    ['cyclic: the night shift of the last day covers the first morning', (p) => { p.cyclic = true; }],
  ])('%s', async (_name, rule) => {
    const p = base();
    rule(p);
    const s = await solveSchedule(p, { mipRelGap: 0 });
    expect(objectiveOf(p, s)).toBeCloseTo(bruteForce(p, 5), 9);
    for (const h of s.shifts) {
      const t = p.templates.find((x) => x.id === h.template) as ShiftTemplate;
      expect(h.count).toBeLessThanOrEqual(t.max ?? Infinity);
    }
    for (const t of p.templates) for (const d of t.days) {
      const hired = s.shifts.find((h) => h.template === t.id && h.day === d)?.count ?? 0;
      expect(hired).toBeGreaterThanOrEqual(t.min ?? 0);
    }
    if (p.maxPartTimeShare !== undefined) {
      const paid = (only: boolean) => s.shifts.reduce((a, h) => {
        const t = p.templates.find((x) => x.id === h.template) as ShiftTemplate;
        return a + (only && t.partTime !== true ? 0 : h.count * t.length);
      }, 0);
      expect(paid(true)).toBeLessThanOrEqual(p.maxPartTimeShare * paid(false) + 1e-9);
    }
  });

  it('the rules change the answer (so the tests above can tell)', async () => {
    const free = await solveSchedule(base(), { mipRelGap: 0 });
    const capped = base();
    capped.maxPartTimeShare = 0;
    const noPart = await solveSchedule(capped, { mipRelGap: 0 });
    expect(free.shifts.some((h) => h.template === 'part')).toBe(true);
    expect(noPart.shifts.some((h) => h.template === 'part')).toBe(false);
  });

  it('cyclic: a shift past the end of the horizon covers its start (and only then)', async () => {
    const p: ScheduleProblem = {
      intervalsPerDay: 4, days: 1, shortfallPenalty: 100, required: [2, 0, 0, 2],
      templates: [
        { id: 'late', start: 3, length: 2, cost: 5, days: [0], breaks: [] },
        { id: 'early', start: 0, length: 1, cost: 4, days: [0], breaks: [] },
        { id: 'last', start: 3, length: 1, cost: 4, days: [0], breaks: [] },
      ],
    };
    const flat = await solveSchedule(p, { mipRelGap: 0 });
    const wrapped = await solveSchedule({ ...p, cyclic: true }, { mipRelGap: 0 });
    expect(flat.cost).toBe(16);
    expect(wrapped.cost).toBe(10);
    expect(wrapped.shifts).toEqual([{ template: 'late', day: 0, count: 2 }]);
    expect(wrapped.coverage).toEqual([2, 0, 0, 2]);
    expect(objectiveOf({ ...p, cyclic: true }, wrapped)).toBeCloseTo(bruteForce({ ...p, cyclic: true }, 3), 9);
  });

  it('contradicting rules are an error naming them, not a crash', async () => {
    const p = base();
    (p.templates[1] as ShiftTemplate).min = 3;
    p.maxPartTimeShare = 0.05;
    (p.templates[0] as ShiftTemplate).max = 0;
    (p.templates[2] as ShiftTemplate).max = 0;
    await expect(solveSchedule(p)).rejects.toThrow(/the rules cannot all hold/);
  });
});
