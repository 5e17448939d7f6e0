export { studentTQuantile } from './studentT.js';
export { PairedMoments, type MomentSums } from './pairedMoments.js';
export { countMetric, ratioMetric, tFactor95, type Metric } from './metric.js';
export { TimeWeighted } from './timeWeighted.js';
