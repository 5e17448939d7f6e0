/**
 * An independent checker of a roster (CONTRACT section 10), written from the contract's words and
 * the scenario JSON, never from the model builder: it returns every broken hard rule as a line,
 * and recomputes coverage minute by minute.
 */

type Clock = string;
interface Template { id: string; start: Clock; minutes: number; days?: number[]; groups?: string[]; cost?: number; min?: number; max?: number; breaks?: ({ offsetMinutes: number; minutes: number } | { earliestOffsetMinutes: number; latestOffsetMinutes: number; minutes: number })[] }
interface Agent { id: string; group: string; minutesPerWeek: readonly number[]; daysOff: number; consecutiveDaysOff?: boolean; availability?: (readonly Clock[] | null)[]; [key: string]: unknown; maxWeekendsPerMonth?: number }
export interface RosterScenario {
  intervalMinutes: number;
  intervals: number;
  start?: Clock;
  agentGroups: { id: string; staff: number | number[]; shrinkage?: number; costPerHour?: number; [key: string]: unknown }[];
  shiftTemplates: Template[];
  agents: Agent[];
  scheduling?: { cyclic?: boolean; weekendDays?: number[]; minRestMinutes?: number };
}
export interface RosterOut {
  shifts: { agent: string; day: number; start: Clock; end: Clock; breaks: [Clock, Clock][] }[];
  byGroup: Record<string, { required: number[]; coverage: number[]; shortfall: number[] }>;
}

const clock = (t: Clock) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** Broken hard rules, one line each (empty when the roster keeps every rule). */
export function brokenRules(s: RosterScenario, r: RosterOut): string[] {
  const broken: string[] = [];
  const days = Math.ceil((s.intervals * s.intervalMinutes) / 1440);
  const templates = new Map(s.shiftTemplates.map((t) => [t.id, t]));
  for (const a of s.agents) {
    const mine = r.shifts.filter((x) => x.agent === a.id);
    const byDay = new Map<number, number>();
    for (const x of mine) byDay.set(x.day, (byDay.get(x.day) ?? 0) + 1);
    for (const [d, n] of byDay) if (n > 1) broken.push(`${a.id}: ${n} shifts on day ${d}`);
    for (const x of mine) {
      if (x.day < 0 || x.day >= days) broken.push(`${a.id}: day ${x.day} outside the horizon`);
      // The shift is one of the group's templates, on one of its days, with these clock times.
      const t = [...templates.values()].find((c) => c.start === x.start && clock(c.start) + c.minutes === clock(x.end) + (clock(x.end) <= clock(x.start) ? 1440 : 0)
        && (c.groups === undefined || c.groups.includes(a.group)) && (c.days === undefined || c.days.includes(x.day)));
      if (t === undefined) { broken.push(`${a.id}: day ${x.day} ${x.start}-${x.end} is no template of group ${a.group} on that day`); continue; }
      const avail = a.availability?.[x.day % 7];
      if (a.availability !== undefined) {
        if (avail === null || avail === undefined) broken.push(`${a.id}: works day ${x.day}, unavailable`);
        else {
          const from = clock(avail[0] ?? '');
          const to = clock(avail[1] ?? '') <= from ? clock(avail[1] ?? '') + 1440 : clock(avail[1] ?? '');
          const st = clock(t.start);
          const inside = (st >= from && st + t.minutes <= to) || (st + 1440 >= from && st + 1440 + t.minutes <= to);
          if (!inside) broken.push(`${a.id}: day ${x.day} ${x.start}-${x.end} outside availability ${avail.join('-')}`);
        }
      }
      // Breaks: as many as the template's, each inside its window, none overlapping.
      const wanted = t.breaks ?? [];
      if (x.breaks.length !== wanted.length) broken.push(`${a.id}: day ${x.day} has ${x.breaks.length} breaks, template ${t.id} ${wanted.length}`);
      const spans = x.breaks.map(([b0, b1]) => [(clock(b0) - clock(t.start) + 1440) % 1440, (clock(b1) - clock(t.start) + 1440) % 1440 || 1440] as const);
      wanted.forEach((b, j) => {
        const [from, to] = spans[j] ?? [NaN, NaN];
        const lo = 'offsetMinutes' in b ? b.offsetMinutes : b.earliestOffsetMinutes;
        const hi = 'offsetMinutes' in b ? b.offsetMinutes : b.latestOffsetMinutes;
        if (!(from >= lo && from <= hi && to - from === b.minutes)) broken.push(`${a.id}: day ${x.day} break ${j} at +${from}..+${to} outside [${lo}, ${hi}] + ${b.minutes}`);
      });
      const sorted = [...spans].sort((p, q) => p[0] - q[0]);
      for (let k = 1; k < sorted.length; k += 1) if ((sorted[k]?.[0] ?? 0) < (sorted[k - 1]?.[1] ?? 0)) broken.push(`${a.id}: day ${x.day} breaks overlap`);
    }
    // A person's shifts never overlap and leave scheduling.minRestMinutes between them.
    const rest = s.scheduling?.minRestMinutes ?? 0;
    const spans = mine.map((x) => {
      const start = x.day * 1440 + clock(x.start);
      return [start, start + ((clock(x.end) - clock(x.start) + 1440) % 1440 || 1440), x.day] as const;
    }).sort((p, q) => p[0] - q[0]);
    for (let k = 1; k < spans.length; k += 1) {
      const [, end, day] = spans[k - 1] ?? [0, 0, 0];
      const [start, , next] = spans[k] ?? [0, 0, 0];
      if (end + rest > start) broken.push(`${a.id}: the shift of day ${day} ends ${end - start} minutes after the one of day ${next} starts, with ${rest} minutes of rest asked`);
    }
    // Every 7 days: minutes, days off, adjacent days off. A shorter last block (the horizon is not
    // whole weeks) keeps what must hold whatever its unseen days: the maximum, and the days off
    // the unseen days cannot provide.
    for (let from = 0; from < days; from += 7) {
      const n = Math.min(7, days - from);
      const unseen = 7 - n;
      const inBlock = mine.filter((x) => x.day >= from && x.day < from + n);
      const minutes = inBlock.reduce((sum, x) => sum + ((clock(x.end) - clock(x.start) + 1440) % 1440 || 1440), 0);
      const lo = unseen === 0 ? (a.minutesPerWeek[0] ?? 0) : 0;
      const hi = a.minutesPerWeek[1] ?? Infinity;
      if (minutes < lo || minutes > hi) broken.push(`${a.id}: ${minutes} minutes in days ${from}-${from + n - 1}, outside [${lo}, ${hi}]`);
      const off = Math.max(0, a.daysOff - unseen);
      const worked = new Set(inBlock.map((x) => x.day));
      if (n - worked.size < off) broken.push(`${a.id}: ${n - worked.size} days off in days ${from}-${from + n - 1}, fewer than ${off}`);
      if (a.consecutiveDaysOff === true && a.daysOff >= 2 && unseen === 0) {
        const wrap = s.scheduling?.cyclic === true && days === 7;
        let pair = false;
        for (let d = from; d < from + n; d += 1) {
          const next = d + 1 < from + n ? d + 1 : wrap ? from : -1;
          if (next >= 0 && !worked.has(d) && !worked.has(next)) pair = true;
        }
        if (!pair) broken.push(`${a.id}: no two adjacent days off in days ${from}-${from + n - 1}`);
      }
    }
  }
  return broken;
}

/** Coverage per interval of each group, minute by minute: agents at work (not on break), mean over the interval. */
export function coverageOf(s: RosterScenario, r: RosterOut): Record<string, number[]> {
  const origin = clock(s.start ?? '00:00');
  const total = s.intervals * s.intervalMinutes;
  const cyclic = s.scheduling?.cyclic === true;
  const days = Math.ceil(total / 1440);
  const out: Record<string, number[]> = {};
  for (const g of s.agentGroups) {
    const minutes = new Array<number>(days * 1440).fill(0);
    for (const x of r.shifts) {
      if (s.agents.find((a) => a.id === x.agent)?.group !== g.id) continue;
      const begin = x.day * 1440 + clock(x.start) - origin;
      const length = (clock(x.end) - clock(x.start) + 1440) % 1440 || 1440;
      const breaks = x.breaks.map(([b0, b1]) => [(clock(b0) - clock(x.start) + 1440) % 1440, (clock(b1) - clock(x.start) + 1440) % 1440 || 1440]);
      for (let m = 0; m < length; m += 1) {
        if (breaks.some(([b0, b1]) => m >= (b0 ?? 0) && m < (b1 ?? 0))) continue;
        let at = begin + m;
        if (cyclic) at = ((at % minutes.length) + minutes.length) % minutes.length;
        if (at >= 0 && at < minutes.length) minutes[at] = (minutes[at] ?? 0) + 1;
      }
    }
    out[g.id] = Array.from({ length: s.intervals }, (_, i) => {
      let sum = 0;
      for (let m = i * s.intervalMinutes; m < (i + 1) * s.intervalMinutes; m += 1) sum += minutes[m] ?? 0;
      return sum / s.intervalMinutes;
    });
  }
  return out;
}
