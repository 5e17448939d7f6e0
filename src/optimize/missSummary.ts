/** How a staffing plan's misses read for a person (the CLI's report and the web page). */
import type { PlanMiss } from './staffScenario.js';

/** The names of the KPIs a plan can miss. */
export const KPI_NAMES = { serviceLevel: 'service level', abandonRate: 'abandonment', asa: 'ASA', occupancy: 'occupancy' } as const;

export function missValue(kpi: PlanMiss['kpi'], x: number): string {
  return kpi === 'asa' ? `${x.toFixed(1)} s` : `${(x * 100).toFixed(1)}%`;
}

/** One line: what the plan misses, grouped by (type or group, KPI), with the worst interval. */
export function missSummary(misses: readonly PlanMiss[]): string {
  const groups = new Map<string, PlanMiss[]>();
  for (const m of misses) {
    const key = `${m.type ?? m.group} ${KPI_NAMES[m.kpi]}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const parts = [...groups].map(([key, list]) => {
    const worst = list.reduce((a, b) => (b.value !== null && (a.value === null || Math.abs(b.value - b.target) > Math.abs(a.value - a.target)) ? b : a));
    const where = list.length === 1 ? `at ${worst.at}` : `in ${list.length} intervals`;
    const detail = worst.value === null ? '' : ` (worst ${worst.at}: ${missValue(worst.kpi, worst.value)} vs ${missValue(worst.kpi, worst.target)})`;
    return `${key} ${where}${detail}`;
  });
  return parts.join('; ');
}

