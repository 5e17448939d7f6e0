/**
 * Which pooled figures mix different service-level definitions. A pooled service level or ASA
 * over calls (20 s) and email (4 h) can stand still while calls improve tenfold, so every report
 * that shows pooled figures says when they mix, and points to the per-type figures.
 */
import type { Scenario } from './scenario.js';

/** A service-level threshold as a planner says it: "20 s", "5 min", "4 h", "1.5 h". */
export function thresholdText(seconds: number): string {
  if (seconds >= 3600 && seconds % 360 === 0) return `${seconds / 3600} h`;
  if (seconds >= 120 && seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** Each contact type id with its service-level definition, as the first scenario that has the type defines it. */
export function serviceLevelTargets(scenarios: readonly Scenario[]): Map<string, { seconds: number; target: number }> {
  const out = new Map<string, { seconds: number; target: number }>();
  for (const s of scenarios) {
    for (const t of s.contactTypes) if (!out.has(t.id)) out.set(t.id, { seconds: t.serviceLevel.seconds, target: t.serviceLevel.target });
  }
  return out;
}

/**
 * "Pooled service level and ASA mix calls (20 s), chat (60 s), email (4 h)" when the types have
 * different thresholds; "Pooled service level mixes targets calls 80%, sales 90%" when only the
 * target fractions differ; null when the pooled figures mix nothing (one type, or one definition).
 */
export function mixedTargets(scenarios: readonly Scenario[]): string | null {
  const targets = [...serviceLevelTargets(scenarios)];
  if (targets.length < 2) return null;
  if (new Set(targets.map(([, t]) => t.seconds)).size > 1) {
    return `Pooled service level and ASA mix ${targets.map(([id, t]) => `${id} (${thresholdText(t.seconds)})`).join(', ')}`;
  }
  if (new Set(targets.map(([, t]) => t.target)).size > 1) {
    return `Pooled service level mixes targets ${targets.map(([id, t]) => `${id} ${(t.target * 100).toFixed(0)}%`).join(', ')}`;
  }
  return null;
}
