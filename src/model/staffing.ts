import type { EventCalendar } from '../engine/index.js';
import type { AgentPool } from './agentPool.js';
import type { AgentGroupConfig } from './config.js';
import type { Router } from './router.js';
import { finalLevel } from './staffPlan.js';

/** What staffing needs from the model it runs in. */
export interface StaffingHost {
  /** A present agent with spare capacity takes waiting work, then is handed to the router. */
  offerWork(agent: number): void;
  /** Report the group's levels to the observer. */
  reportGroup(group: number): void;
}

/**
 * Agents joining and leaving by each group's staff plan (staff per interval, or shifts and
 * breaks), by the CONTRACT staff-change rule: a cut sends idle agents home at once (longest-idle
 * first) and the rest is owed by busy agents as they finish, so an agent finishes the contact in
 * hand before a break or the end of its shift; a rise first cancels what is owed, then adds agents
 * who are free at once. Agents of a group are interchangeable: the plan says how many are due,
 * not which ones.
 */
export class Staffing {
  /** Agents present per group (busy or not, owed included). */
  readonly present: Int32Array;
  /** Agents that must leave as they finish, per group. */
  readonly owed: Int32Array;
  /** Agents already marked to go home (they count in `owed` until they leave). */
  readonly marked: Int32Array;
  /** The staff that stays after the end of the last interval, per group. */
  readonly finalStaff: Int32Array;
  /** The later changes (read-only, shared by every replication of the model: see changesOf). */
  private readonly changeGroup: Int32Array;
  private readonly changeLevel: Int32Array;
  private readonly changeTime: Float64Array;
  /** Agents that joined in the current change, before they are offered work (grows by doubling). */
  private joined = new Int32Array(16);
  /** The event kind and priority of staff changes (set by `start`). */
  private kind = 0;
  private priority = 0;

  constructor(
    private readonly groups: readonly AgentGroupConfig[],
    private readonly agents: AgentPool,
    private readonly router: Router,
    private readonly calendar: EventCalendar,
    private readonly host: StaffingHost,
  ) {
    this.present = new Int32Array(groups.length);
    this.owed = new Int32Array(groups.length);
    this.marked = new Int32Array(groups.length);
    this.finalStaff = Int32Array.from(groups, (g) => finalLevel(g.staffPlan));
    ({ group: this.changeGroup, level: this.changeLevel, time: this.changeTime } = changesOf(groups));
  }

  /** Set every group's staff of time 0 now, and schedule the first later change as a `kind` event (each change schedules the next: `apply`). */
  start(kind: number, priority: number): void {
    this.groups.forEach((g, gi) => this.setStaff(gi, g.staffPlan.levels[0] ?? 0));
    this.kind = kind;
    this.priority = priority;
    if (this.changeTime.length > 0) this.calendar.post(this.changeTime[0]!, kind, 0, priority);
  }

  /** Apply scheduled change `k`. */
  apply(k: number): void {
    // The next change, chained (see `start`): at the same instant it still runs next, before
    // anything of a later priority.
    if (k + 1 < this.changeTime.length) this.calendar.post(this.changeTime[k + 1]!, this.kind, k + 1, this.priority);
    this.setStaff(this.changeGroup[k]!, this.changeLevel[k]!);
  }

  /**
   * `agent` just finished a contact (`idle`: it holds nothing now). True when it takes no new work
   * because it is going home: it leaves at once when idle, else after its last chat.
   */
  goingHome(agent: number, idle: boolean): boolean {
    const agents = this.agents;
    const group = agents.group[agent]!;
    if (agents.leaving[agent] === 0 && this.owed[group]! > this.marked[group]!) {
      agents.leaving[agent] = 1;
      this.marked[group]!++;
    }
    if (agents.leaving[agent] === 0) return false;
    if (idle) {
      this.owed[group]!--;
      this.marked[group]!--;
      this.present[group]!--;
      agents.leave(agent);
    }
    return true;
  }

  /** The CONTRACT staff change of `group` to `target` agents, now. */
  setStaff(group: number, target: number): void {
    const time = this.calendar.now;
    const agents = this.agents;
    const effective = this.present[group]! - this.owed[group]!;
    if (target < effective) {
      let cut = effective - target;
      while (cut > 0) {
        const a = this.router.takeIdleAgent(group);
        if (a < 0) break;
        agents.leave(a);
        this.present[group]!--;
        cut--;
      }
      this.owed[group]! += cut;
    } else if (target > effective) {
      const kept = Math.min(this.owed[group]!, target - effective);
      // Cancel what is owed: first debts no agent has taken on yet, then agents already marked.
      let unmark = Math.max(0, kept - (this.owed[group]! - this.marked[group]!));
      this.owed[group]! -= kept;
      for (let a = 0; unmark > 0 && a < agents.capacity; a++) {
        if (agents.present[a] === 1 && agents.group[a] === group && agents.leaving[a] === 1) {
          agents.leaving[a] = 0;
          this.marked[group]!--;
          unmark--;
          this.host.offerWork(a);
        }
      }
      // All join before any is offered work, so the router sees them all free at once. A typed
      // scratch list: a JS array of more than ~1.1e8 agents aborts V8 (an uncatchable fatal error).
      const add = target - effective - kept;
      if (add > this.joined.length) this.joined = new Int32Array(Math.max(add, 2 * this.joined.length));
      const joined = this.joined;
      for (let k = 0; k < add; k++) joined[k] = agents.join(group, time);
      this.present[group]! += add;
      for (let k = 0; k < add; k++) this.host.offerWork(joined[k]!);
    }
    this.host.reportGroup(group);
  }
}

interface StaffChanges {
  readonly group: Int32Array;
  readonly level: Int32Array;
  readonly time: Float64Array;
}

const changesByModel = new WeakMap<readonly AgentGroupConfig[], StaffChanges>();

/**
 * Every group's staff changes after time 0, sorted by time, then group order, so same-instant
 * changes run in group order. Worked out once per model (its groups array), not per replication.
 */
function changesOf(groups: readonly AgentGroupConfig[]): StaffChanges {
  let changes = changesByModel.get(groups);
  if (changes === undefined) {
    const list = groups
      .flatMap((g, gi) => g.staffPlan.times.flatMap((t, k) => (k === 0 ? [] : [{ t, gi, level: g.staffPlan.levels[k]! }])))
      .sort((a, b) => a.t - b.t || a.gi - b.gi);
    changes = {
      group: Int32Array.from(list, (c) => c.gi),
      level: Int32Array.from(list, (c) => c.level),
      time: Float64Array.from(list, (c) => c.t),
    };
    changesByModel.set(groups, changes);
  }
  return changes;
}
