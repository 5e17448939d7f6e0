export { buildModel } from './buildModel.js';
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
export { RunReducer } from './runReducer.js';
export { KPI_NAMES, type Kpis, type GroupKpis, type IntervalOutput, type RunOutput } from './runOutput.js';
export { simulateInThread, intervalLabels, traceReplication, type RunOptions } from './simulate.js';
