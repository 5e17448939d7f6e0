/**
 * ccsim's public API (Node). Everything a script needs:
 *
 *   import { simulate, compare, sweep, loadScenario, erlangC } from 'ccsim';
 */
export { loadScenario, simulate, compare, sweep, staff, type ScenarioSource, type RunOptions, type SimulateOptions, type StaffApiOptions } from './node/api.js';
export type { StaffOutput, StaffMethod } from './optimize/staffScenario.js';
export {
  AbortError,
  ReplicationError,
  type CompareOutput,
  type SweepOutput,
  type SimulatedRun,
  type RunOutput,
  type Kpis,
  type GroupKpis,
  type IntervalGroupKpis,
  type IntervalOutput,
  type PrecisionTarget,
  type PrecisionReport,
  type SummaryKey,
} from './experiment/index.js';
export type { Metric } from './stats/index.js';
export { parseScenario, parseScenarioText, scenarioJsonSchema, ScenarioError, type Scenario } from './scenario/index.js';
export { erlangB, erlangC, erlangA, minAgents, squareRootStaffing, type QueueMetrics } from './analytic/index.js';
export { RunTooLargeError, RUN_LIMITS, HARD_LIMITS, estimateRunSize, checkRunSize, assertSimulable, type RunSize } from './experiment/runSize.js';
