import type { ContactCenterConfig, RoutingPolicy } from './config.js';

/** Policy codes of `RoutingTable.policy`. */
export const LONGEST_IDLE = 0;
export const RANDOM = 1;
export const GROUP_ORDER = 2;
const POLICY_CODE: Record<RoutingPolicy, number> = { 'longest-idle': LONGEST_IDLE, random: RANDOM, 'group-order': GROUP_ORDER };

/** Skill and type priorities combine into one key, skill first: |type priority| < 2^20 (PRIORITY_LIMIT). */
const SKILL_WEIGHT = 2 ** 21;

/**
 * Per (group, type) routing facts, flat (index group * types + type): eligibility delay,
 * preference rank, handle-time factor, random-routing weight; per type the routing policy and
 * the distinct overflow delays; per (type, chats held) the concurrency factor.
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
  /** Weight of each free agent of the group in "random" routing of the type (skill `weight`). */
  readonly weight: Float64Array;
  /** Routing policy code of each type: LONGEST_IDLE, RANDOM or GROUP_ORDER. */
  readonly policy: Uint8Array;
  /** Distinct positive overflow delays of each type, ascending. */
  readonly overflowLevels: readonly Float64Array[];
  /** Chat slots per agent at most (max concurrency over groups). */
  readonly maxSlots: number;
  /** Chat handle-time factor at type * maxSlots + (chats held - 1). */
  readonly concurrencyFactor: Float64Array;
}

const tablesByModel = new WeakMap<ContactCenterConfig, RoutingTable>();

/**
 * The routing table of a model, worked out once per model (its replications, one at a time,
 * read the same table; nothing writes it).
 */
export function routingTable(config: ContactCenterConfig): RoutingTable {
  let table = tablesByModel.get(config);
  if (table === undefined) tablesByModel.set(config, (table = buildRoutingTable(config)));
  return table;
}

function buildRoutingTable(config: ContactCenterConfig): RoutingTable {
  const T = config.types.length;
  const G = config.groups.length;
  const afterSeconds = new Float64Array(G * T).fill(Infinity);
  const rank = new Float64Array(G * T);
  const handleFactor = new Float64Array(G * T).fill(1);
  // The one default of the skill weight: absent = 1, every free agent equally likely.
  const weight = new Float64Array(G * T).fill(1);
  config.groups.forEach((g, gi) => {
    for (const s of g.skills) {
      const at = gi * T + s.type;
      afterSeconds[at] = s.afterSeconds;
      rank[at] = s.priority * SKILL_WEIGHT + config.types[s.type]!.priority;
      handleFactor[at] = s.handleTimeFactor;
      if (s.weight !== undefined) weight[at] = s.weight;
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
    weight,
    // The one default of the routing policy: absent = longest-idle (CONTRACT section 1).
    policy: Uint8Array.from(config.types, (t) => POLICY_CODE[t.routing ?? 'longest-idle']),
    overflowLevels: config.types.map((_, t) => {
      const delays = config.groups.flatMap((g) => g.skills.filter((s) => s.type === t && s.afterSeconds > 0).map((s) => s.afterSeconds));
      return Float64Array.from(new Set(delays)).sort();
    }),
    maxSlots,
    concurrencyFactor,
  };
}
