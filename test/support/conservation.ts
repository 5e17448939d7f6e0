import { expect } from 'vitest';
import { buildModel, runReplication, TYPE_MEASURES, TypeMeasure } from '../../src/experiment/index.js';
import type { Scenario } from '../../src/scenario/index.js';

/** Per-type totals of one replication's type table (every interval summed). */
function totals(types: Float64Array, nTypes: number, intervals: number): Float64Array[] {
  return Array.from({ length: nTypes }, (_, t) => {
    const out = new Float64Array(TYPE_MEASURES);
    for (let i = 0; i < intervals; i++) {
      for (let m = 0; m < TYPE_MEASURES; m++) out[m]! += types[(t * intervals + i) * TYPE_MEASURES + m]!;
    }
    return out;
  });
}

/**
 * CONTRACT section 8's identity in every replication and for every contact type: arrivals +
 * retrials + repeats + transfers = contained + botDropouts + blocked + answered + abandoned +
 * unresolved + disconnected (a transferred contact is an outcome of the type it leaves, answered,
 * and an inflow of the type it joins). Returns the summed totals (to check the features were exercised).
 */
export function expectConservation(scenario: Scenario, replications: number, seed = 1): Float64Array {
  const config = buildModel(scenario);
  const sum = new Float64Array(TYPE_MEASURES);
  for (let r = 0; r < replications; r++) {
    const result = runReplication(config, seed, r);
    totals(result.types, config.types.length, config.intervals).forEach((m, t) => {
      const inflow = m[TypeMeasure.arrivals]! + m[TypeMeasure.retrials]! + m[TypeMeasure.repeats]! + m[TypeMeasure.transfers]!;
      const outcomes =
        m[TypeMeasure.contained]! + m[TypeMeasure.botDropouts]! + m[TypeMeasure.blocked]! + m[TypeMeasure.answered]! +
        m[TypeMeasure.abandoned]! + m[TypeMeasure.unresolved]! + m[TypeMeasure.disconnected]!;
      expect(outcomes, `replication ${r}, type ${config.types[t]!.id}: outcomes vs arrivals + retrials + repeats + transfers`).toBe(inflow);
      for (let k = 0; k < TYPE_MEASURES; k++) sum[k]! += m[k]!;
    });
  }
  return sum;
}
