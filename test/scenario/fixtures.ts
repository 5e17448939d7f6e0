import { ScenarioError, type ScenarioIssue } from '../../src/scenario/index.js';

/** A minimal valid scenario as plain JSON-like data (fresh copy each call). */
export function minimal(): Record<string, any> {
  return {
    name: 'Minimal',
    intervalMinutes: 30,
    intervals: 2,
    contactTypes: [
      {
        id: 'calls',
        channel: 'voice',
        volume: 100,
        handleTime: { dist: 'exponential', mean: 180 },
        serviceLevel: { seconds: 20, target: 0.8 },
      },
    ],
    agentGroups: [{ id: 'agents', skills: ['calls'], staff: 10 }],
  };
}

/** The issues a call throws as a ScenarioError (fails the test if it does not throw one). */
export function issuesOf(call: () => unknown): ScenarioIssue[] {
  try {
    call();
  } catch (error) {
    if (error instanceof ScenarioError) return [...error.issues];
    throw error;
  }
  throw new Error('expected a ScenarioError');
}

/** `path: message` lines of the issues a call throws. */
export function linesOf(call: () => unknown): string[] {
  return issuesOf(call).map((issue) => `${issue.path}: ${issue.message}`);
}
