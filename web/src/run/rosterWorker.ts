/**
 * The roster worker (a module Web Worker of the page): `ccsim roster` off the main thread. One
 * comlink function, `roster(scenarioJson)`: the scenario parsed as the CLI parses it, rostered
 * with HiGHS (WebAssembly, loaded from the build's own highs.wasm), and the roster CSV. Input
 * problems come back as `{ error }` with the one-line message, not as a rejection.
 */
import '../csp.js';
import * as Comlink from 'comlink';
import wasmUrl from 'highs/runtime?url';
import { createHighsLoader } from '../../../src/optimize/scheduleHighs.js';
import { rosterCsv, rosterScenario, type ScenarioRoster } from '../../../src/optimize/rosterScenario.js';
import { parseScenarioText } from '../../../src/scenario/index.js';

export type RosterReply = { readonly roster: ScenarioRoster; readonly csv: string; readonly seconds: number } | { readonly error: string };

export interface RosterWorkerApi {
  roster(scenarioJson: string): Promise<RosterReply>;
}

const loadHighs = createHighsLoader({ locateFile: () => wasmUrl });

const api: RosterWorkerApi = {
  async roster(scenarioJson) {
    const started = performance.now();
    try {
      const scenario = parseScenarioText(scenarioJson, 'scenario.json');
      const roster = await rosterScenario(scenario, { loadHighs });
      return { roster, csv: rosterCsv(roster), seconds: (performance.now() - started) / 1000 };
    } catch (error) {
      return { error: (error instanceof Error ? error.message : String(error)).split('\n').join('; ') };
    }
  },
};

Comlink.expose(api);
