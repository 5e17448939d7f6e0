export { buildModel, restaffedModel } from './buildModel.js';
export { RunTooLargeError, RUN_LIMITS, HARD_LIMITS, FORCE_ADVICE, estimateRunSize, checkRunSize, assertSimulable, type RunSize } from './runSize.js';
export {
  TypeMeasure,
  GroupMeasure,
  TYPE_MEASURES,
  GROUP_MEASURES,
  typeCell,
  groupCell,
  type MeasureLayout,
  type ReplicationResult,
} from './measures.js';
export { Recorder } from './recorder.js';
export { runReplication, type ReplicationOptions } from './replication.js';
export { TraceRecorder, teeObserver, type TraceEvent, type TraceKind } from './trace.js';
export { RunReducer, type RunFigures } from './runReducer.js';
export { OutcomeReducer, type OutcomeCounts, type Outcomes } from './outcomes.js';
export { KPI_NAMES, EXTRA_KPI_NAMES, type ExtraKpiName, type KpiName, type Kpis, type GroupKpis, type IntervalGroupKpis, type IntervalOutput, type RunOutput } from './runOutput.js';
export { simulateInThread, intervalLabels, traceReplication, type InThreadOptions } from './simulate.js';
export type { ReplicationRunner, RunnerFactory, ReplicationJob, StaffArrays } from './replicationRunner.js';
export { counterfactualModel, type Counterfactual } from './counterfactual.js';
export { inThreadRunner } from './inThreadRunner.js';
export { ReplicationPool, AbortError, ReplicationError, type PoolRunOptions, type Replicator } from './replicationPool.js';
export {
  simulateScenario,
  reduceJob,
  checkPrecisionType,
  type ReducedRun,
  type SimulateScenarioOptions,
  type SimulatedRun,
  type PrecisionTarget,
  type PrecisionReport,
} from './simulateScenario.js';
export { pairedDeltas, pairedRatioDelta, pairedTypeDeltas, SummaryRows, type SummaryKey, type TypeDeltaKey } from './pairedDeltas.js';
export { compareScenarios, type CompareOutput, type CompareDelta, type CompareOptions } from './compareScenarios.js';
export { sweepScenario, sweepVariants, type SweepOutput, type SweepPoint, type SweepOptions } from './sweepScenario.js';
export { parsePath, getAtPath, setAtPath, sweepValue } from './scenarioPath.js';
export { remoteRunner, type RemoteRunner, type ReplicationRemote } from './remoteRunner.js';
