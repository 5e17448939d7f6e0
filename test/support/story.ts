import { buildModel, runReplication, TraceRecorder, type ReplicationResult, type TraceEvent } from '../../src/experiment/index.js';
import { scriptedArrivals } from '../../src/model/index.js';
import { parseScenario, type ScenarioInput } from '../../src/scenario/index.js';

/** Run one replication of `scenario` with scripted arrival times and return its trace and tables. */
export function story(
  scenario: ScenarioInput,
  arrivals: Record<string, number[]>,
): { trace: TraceEvent[]; lines: string[]; result: ReplicationResult } {
  const config = buildModel(parseScenario(scenario));
  const trace = new TraceRecorder(config);
  const result = runReplication(config, 1, 0, { observer: trace, arrivals: scriptedArrivals(arrivals) });
  return { trace: trace.events, lines: trace.events.map(line), result };
}

/** A compact line per event: "t kind [contact] [agent/group] [wait] [value]". */
export function line(e: TraceEvent): string {
  const parts = [String(e.t), e.kind];
  if (e.contact !== undefined) parts.push(`c${e.contact}`);
  if (e.agent !== undefined) parts.push(`a${e.agent}`);
  if (e.group !== undefined) parts.push(e.group);
  if (e.wait !== undefined) parts.push(`w${e.wait}`);
  if (e.value !== undefined) parts.push(`=${e.value}`);
  return parts.join(' ');
}

/** A one-type voice scenario with constant handle time. */
export function voiceDay(p: { staff: number | number[]; intervals: number; handle: number; patience?: number; warmupMinutes?: number }): ScenarioInput {
  return {
    name: 'story',
    intervalMinutes: 1,
    intervals: p.intervals,
    warmupMinutes: p.warmupMinutes ?? 0,
    contactTypes: [
      {
        id: 'calls',
        channel: 'voice',
        volume: 1,
        handleTime: { dist: 'constant', value: p.handle },
        ...(p.patience === undefined ? {} : { patience: { dist: 'constant', value: p.patience } }),
        serviceLevel: { seconds: 20, target: 0.8 },
      },
    ],
    agentGroups: [{ id: 'team', skills: ['calls'], staff: p.staff }],
  };
}

/** A story's lines without the interval and staff lines: only what happened to contacts and agents. */
export function quiet(lines: string[]): string[] {
  return lines.filter((l) => !l.includes('interval') && !l.includes('staff'));
}
