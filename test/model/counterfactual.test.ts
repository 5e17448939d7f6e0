/**
 * The counterfactuals `ccsim explain` runs (src/experiment/counterfactual.ts), checked event by
 * event against the baseline replication on the same streams: each changes exactly what it says.
 */
import { describe, expect, it } from 'vitest';
import { buildModel, counterfactualModel, runReplication, TraceRecorder, type Counterfactual, type TraceEvent } from '../../src/experiment/index.js';
import { EscalationSpread, minLevel, raisedPlan, type ContactCenterConfig } from '../../src/model/index.js';
import { parseScenario } from '../../src/scenario/index.js';

const call = (id: string, volume: number | number[]) => ({
  id,
  channel: 'voice',
  volume,
  handleTime: { dist: 'exponential', mean: 240 },
  patience: { dist: 'exponential', mean: 600 },
  serviceLevel: { seconds: 20, target: 0.8 },
});

/** Bot calls entering at 10:00-10:30 and escalating 10 minutes later; 10:30's interval is index 5. */
const waveModel = (staff = [11, 11, 11, 11, 26, 12, 11, 11]) =>
  buildModel(
    parseScenario({
      name: 'wave',
      start: '08:00',
      intervalMinutes: 30,
      intervals: 8,
      contactTypes: [
        call('calls', 60),
        { ...call('botcalls', [0, 0, 0, 0, 90, 0, 0, 0]), bot: { share: 1, containment: 0, duration: { dist: 'constant', value: 600 } } },
      ],
      agentGroups: [{ id: 'agents', skills: ['calls', 'botcalls'], staff }],
    }),
  );

const none: Counterfactual = { interval: 5, staffFloor: null, clearQueue: false, spreadEscalations: false };

function trace(config: ContactCenterConfig, replication: number): TraceEvent[] {
  const recorder = new TraceRecorder(config);
  runReplication(config, 3, replication, { observer: recorder });
  return recorder.events;
}

/** The times bot calls join the queue (escalations), sorted. */
const escalations = (events: readonly TraceEvent[]) => events.filter((e) => e.kind === 'queue' && e.type === 'botcalls').map((e) => e.t).sort((a, b) => a - b);

describe('counterfactual models', () => {
  it('bot-wave: the escalations of the interval move to evenly spaced slots; the others keep their times', () => {
    const config = waveModel();
    const spread = counterfactualModel(config, { ...none, spreadEscalations: true });
    const from = 5 * 1800;
    const to = from + 1800;
    for (let r = 0; r < 5; r++) {
      const base = escalations(trace(config, r));
      const moved = escalations(trace(spread, r));
      const inside = base.filter((t) => t >= from && t < to);
      expect(inside.length).toBeGreaterThan(10);
      const n = inside.length;
      // Every escalation inside entered the bot at 10:20-10:30, before its slot: no clamping.
      const slots = inside.map((_, j) => from + ((j + 0.5) * 1800) / n);
      const movedInside = moved.filter((t) => t >= from && t < to);
      expect(movedInside.length).toBe(n);
      movedInside.forEach((t, j) => expect(t).toBeCloseTo(slots[j]!, 9));
      expect(moved.filter((t) => t < from || t >= to)).toEqual(base.filter((t) => t < from || t >= to));
    }
  });

  it('bot-wave on an interval no escalation reaches: the replication is exactly the baseline', () => {
    const config = waveModel();
    const spread = counterfactualModel(config, { ...none, interval: 1, spreadEscalations: true });
    for (let r = 0; r < 3; r++) expect(runReplication(spread, 3, r)).toEqual(runReplication(config, 3, r));
  });

  it('carry-over: whoever waits when the interval starts is disconnected then, before the staff change', () => {
    // 10:00 understaffed for its bot calls, and more agents at 10:30: they find no queue.
    const config = waveModel([11, 11, 11, 11, 16, 20, 11, 11]);
    const cleared = counterfactualModel(config, { ...none, clearQueue: true });
    const at = 5 * 1800;
    let seen = 0;
    for (let r = 0; r < 5; r++) {
      const base = trace(config, r);
      // Waiting at 10:30 in the baseline: queued before, and not answered, abandoned or gone by then.
      const waiting = new Set<number>();
      for (const e of base) {
        if (e.t > at) break;
        if (e.kind === 'queue' && e.t < at) waiting.add(e.contact!);
        if ((e.kind === 'answer' || e.kind === 'abandon') && e.t < at) waiting.delete(e.contact!);
      }
      const gone = trace(cleared, r).filter((e) => e.kind === 'disconnected');
      expect(gone.every((e) => e.t === at)).toBe(true);
      expect(gone.length).toBe(waiting.size);
      seen += gone.length;
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('staff: the interval raised to the floor at every moment, the rest of the plan unchanged', () => {
    const plan = { times: [0, 100, 250, 400], levels: [5, 3, 8, 2] };
    expect(minLevel(plan, 50, 300)).toBe(3);
    const raised = raisedPlan(plan, 50, 300, 6);
    expect(raised).toEqual({ times: [0, 50, 250, 400], levels: [5, 6, 8, 2] });
    expect(raisedPlan(plan, 50, 300, 9)).toEqual({ times: [0, 50, 300, 400], levels: [5, 9, 8, 2] });
    expect(raisedPlan(plan, 50, 300, 2)).toEqual(plan);
    const config = waveModel();
    const staffed = counterfactualModel(config, { ...none, staffFloor: [14] });
    expect(minLevel(staffed.groups[0]!.staffPlan, 5 * 1800, 6 * 1800)).toBe(14);
    expect(minLevel(staffed.groups[0]!.staffPlan, 6 * 1800, 8 * 1800)).toBe(11);
    expect(minLevel(staffed.groups[0]!.staffPlan, 4 * 1800, 5 * 1800)).toBe(26);
  });

  it('EscalationSpread: the j-th of n recorded times goes to slot j, never before the bot entry', () => {
    const record = EscalationSpread.record(100, 200);
    const ends = [190, 195, 199, 50, 250, 195];
    expect(ends.map((e) => record.timeOf(0, e))).toEqual(ends);
    expect(record.log).toEqual([190, 195, 199, 195]);
    const spread = EscalationSpread.spread(100, 200, record.log!);
    // Sorted: 190, 195, 195, 199 -> slots 112.5, 137.5, 162.5, 187.5; one entered at 170.
    expect(spread.timeOf(0, 195)).toBe(137.5);
    expect(spread.timeOf(0, 195)).toBe(162.5);
    expect(spread.timeOf(170, 190)).toBe(170);
    expect(spread.timeOf(0, 199)).toBe(187.5);
    expect(spread.timeOf(0, 150)).toBe(150); // not recorded: keeps its time
    expect(spread.timeOf(0, 250)).toBe(250); // outside the window
  });
});
