/** What bin/ccsim.js loads: the V8 settings to apply first, then the command line. */
export { tuneV8ForSimulation } from '../node/tuneV8.js';
export { runCli, stopQuietlyOnClosedPipe } from './main.js';
