/**
 * ccsim's public API (Node). Everything a script needs:
 *
 *   import { simulate, compare, sweep, loadScenario, erlangC } from 'ccsim';
 *
 * Units: scenarios give volumes per interval (as the CLI does); the analytic functions (erlangC,
 * erlangA, minAgents) take an arrival rate in contacts per second (volume / interval seconds),
 * erlangB and squareRootStaffing a load in Erlangs (rate per second × handle time in seconds).
 */
export {
  loadScenario,
  simulate,
  compare,
  sweep,
  staff,
  schedule,
  fit,
  type FitApiOptions,
  type FitApiOutput,
  intraday,
  type IntradayApiOptions,
  type IntradayOutput,
  type ScenarioSource,
  type RunOptions,
  type SimulateOptions,
  type StaffApiOptions,
  type ScheduleApiOptions,
  type ScheduleApiOutput,
} from './node/api.js';
export { replay, type ReplayApiOptions } from './node/api.js';
export { roster, type RosterApiOptions, type RosterApiOutput } from './node/api.js';
export { rosterCsv, type ScenarioRoster, type RosterEntry, type RosterGroup, type AgentWeek } from './optimize/rosterScenario.js';
export type { ReplayOutput, ReplayRow, ReplayValue, ReplayTypeSummary, ReplayKpi } from './history/replay.js';
export type { ReplaySkip } from './history/replayPlan.js';
export { ScheduleInputError, type ScenarioSchedule, type GroupSchedule, type ScheduleHorizon } from './optimize/scheduleScenario.js';
export type { StaffOutput, StaffMethod } from './optimize/staffScenario.js';
export {
  AbortError,
  ReplicationError,
  type CompareOutput,
  type CompareDelta,
  type SweepOutput,
  type SweepPoint,
  type SimulatedRun,
  type RunOutput,
  type Kpis,
  type GroupKpis,
  type IntervalGroupKpis,
  type IntervalOutput,
  type PrecisionTarget,
  type PrecisionReport,
  type SummaryKey,
  type TypeDeltaKey,
} from './experiment/index.js';
export type { Metric } from './stats/index.js';
export { parseScenario, parseScenarioText, scenarioJsonSchema, ScenarioError, type Scenario } from './scenario/index.js';
export { erlangB, erlangC, erlangA, minAgents, squareRootStaffing, type QueueMetrics } from './analytic/index.js';
export { RunTooLargeError, RUN_LIMITS, HARD_LIMITS, estimateRunSize, checkRunSize, assertSimulable, type RunSize } from './experiment/runSize.js';
export { readIntervalHistoryFile, readStaffHistoryFile, readContactLogFile, type HistoryFileOptions } from './node/historyFiles.js';
export { parseColumnMap, ColumnMapError } from './history/columns.js';
export { cellIndex, type IntervalHistory, type StaffHistory, type ContactLogRow, type ColumnMap } from './history/types.js';
export { forecast, type ForecastApiOptions } from './node/api.js';
export { forecastHistory, ForecastError, FORECAST_METHOD, type ForecastResult, type TypeForecast, type Backtest, type BacktestWeek, type BacktestScores } from './history/forecast.js';
export { forecastRows, forecastCsv, forecastJson, type ForecastRow, type ForecastJson } from './history/forecastOutput.js';
export { FORECAST_DEFAULTS, type ForecastOptions } from './history/forecastOptions.js';
export { parseIntradayState, intervalAt, StateError, type IntradayState } from './intraday/state.js';
export { reforecast, reforecastScenario, ReforecastError, DEFAULT_PRIOR_CV, type Reforecast, type TypeReforecast } from './intraday/reforecast.js';
export { scenarioFromNow } from './intraday/fromNow.js';
