import { IntQueue } from './intQueue.js';

/**
 * Agent records as a struct of typed arrays. An agent is present from joining until leaving; its
 * slot is then reused, so memory grows with the peak number of agents present.
 */
export class AgentPool {
  group = new Int32Array(64);
  /** Time the agent last became free (for longest-idle routing). */
  idleSince = new Float64Array(64);
  /** Join order: breaks ties between agents idle since the same instant. */
  order = new Float64Array(64);
  /** Contacts in hand (chats, or 1 for voice and email). */
  load = new Int32Array(64);
  /** 1 while in after-contact work. */
  wrapping = new Uint8Array(64);
  /** 1 while present. */
  present = new Uint8Array(64);

  private free = new IntQueue(64);
  private used = 0;
  private joined = 0;

  /** A new agent of `group`, free since `time`. */
  join(group: number, time: number): number {
    let a: number;
    if (this.free.length > 0) a = this.free.shift();
    else {
      if (this.used === this.group.length) this.grow();
      a = this.used++;
    }
    this.group[a] = group;
    this.idleSince[a] = time;
    this.order[a] = this.joined++;
    this.load[a] = 0;
    this.wrapping[a] = 0;
    this.present[a] = 1;
    return a;
  }

  leave(agent: number): void {
    this.present[agent] = 0;
    this.free.push(agent);
  }

  private grow(): void {
    const cap = this.group.length * 2;
    const g = new Int32Array(cap);
    g.set(this.group);
    this.group = g;
    const s = new Float64Array(cap);
    s.set(this.idleSince);
    this.idleSince = s;
    const o = new Float64Array(cap);
    o.set(this.order);
    this.order = o;
    const l = new Int32Array(cap);
    l.set(this.load);
    this.load = l;
    const w = new Uint8Array(cap);
    w.set(this.wrapping);
    this.wrapping = w;
    const p = new Uint8Array(cap);
    p.set(this.present);
    this.present = p;
  }
}
