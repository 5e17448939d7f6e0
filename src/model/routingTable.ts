import type { ContactCenterConfig } from './config.js';

/** Skill and type priorities combine into one key, skill first: |type priority| < 2^20 (PRIORITY_LIMIT). */
const SKILL_WEIGHT = 2 ** 21;

/**
 * Per (group, type) routing facts, flat (index group * types + type): eligibility delay,
 * preference rank, handle-time factor; per type the distinct overflow delays; per (type, chats
 * held) the concurrency factor.
 */
export interface RoutingTable {
  readonly types: number;
  /** Group indices that may serve each type (at once or after overflow), in scenario order. */
  readonly groupsOfType: readonly (readonly number[])[];
  /** Type indices each group may serve, in its skills' order. */
  readonly typesOfGroup: readonly (readonly number[])[];
  /** Seconds a contact must have waited before the group takes it; Infinity: not a skill. */
  readonly afterSeconds: Float64Array;
  /** Preference of the group for the type (higher first): skill priority, then type priority. */
  readonly rank: Float64Array;
  /** Handle-time multiplier (proficiency). */
  readonly handleFactor: Float64Array;
  /** Distinct positive overflow delays of each type, ascending. */
  readonly overflowLevels: readonly Float64Array[];
  /** Chat slots per agent at most (max concurrency over groups). */
  readonly maxSlots: number;
  /** Chat handle-time factor at type * maxSlots + (chats held - 1). */
  readonly concurrencyFactor: Float64Array;
}

export function routingTable(config: ContactCenterConfig): RoutingTable {
  const T = config.types.length;
  const G = config.groups.length;
  const afterSeconds = new Float64Array(G * T).fill(Infinity);
  const rank = new Float64Array(G * T);
  const handleFactor = new Float64Array(G * T).fill(1);
  config.groups.forEach((g, gi) => {
    for (const s of g.skills) {
      const at = gi * T + s.type;
      afterSeconds[at] = s.afterSeconds;
      rank[at] = s.priority * SKILL_WEIGHT + config.types[s.type]!.priority;
      handleFactor[at] = s.handleTimeFactor;
    }
  });
  const maxSlots = Math.max(1, ...config.groups.map((g) => g.concurrency));
  const concurrencyFactor = new Float64Array(T * maxSlots).fill(1);
  config.types.forEach((t, ti) => {
    const f = t.concurrencyFactor;
    if (f.length === 0) return;
    for (let k = 0; k < maxSlots; k++) concurrencyFactor[ti * maxSlots + k] = f[Math.min(k, f.length - 1)]!;
  });
  return {
    types: T,
    groupsOfType: config.types.map((_, t) => config.groups.flatMap((g, gi) => (g.skills.some((s) => s.type === t) ? [gi] : []))),
    typesOfGroup: config.groups.map((g) => g.skills.map((s) => s.type)),
    afterSeconds,
    rank,
    handleFactor,
    overflowLevels: config.types.map((_, t) => {
      const delays = config.groups.flatMap((g) => g.skills.filter((s) => s.type === t && s.afterSeconds > 0).map((s) => s.afterSeconds));
      return Float64Array.from(new Set(delays)).sort();
    }),
    maxSlots,
    concurrencyFactor,
  };
}
