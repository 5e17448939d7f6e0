// Analytic queueing formulas: optimizer seeds and test oracles. Imports nothing from the project.
export type { QueueMetrics, QueueModel } from './queueMetrics.js';
export { erlangB, logInverseErlangB } from './erlangB.js';
export { erlangC, type ErlangCParams } from './erlangC.js';
export { erlangA, erlangAChain, type ErlangAChain, type ErlangAParams } from './erlangA.js';
export { minAgents, type MinAgentsParams } from './minAgents.js';
export { squareRootStaffing } from './squareRootStaffing.js';
export { erlangX, erlangBRetrial, ERLANG_X_TOLERANCE, type ErlangXMetrics, type ErlangXParams } from './erlangX.js';
