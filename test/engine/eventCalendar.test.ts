import { describe, expect, it } from 'vitest';
import { EventCalendar, type EventHandler } from '../../src/engine/index.js';

function collect(cal: EventCalendar, until?: number): [number, number, number][] {
  const seen: [number, number, number][] = [];
  const handler: EventHandler = { handle: (kind, payload) => void seen.push([cal.now, kind, payload]) };
  cal.run(handler, until);
  return seen;
}

describe('EventCalendar', () => {
  it('run(handler) dispatches in time order, then priority, then first-scheduled first', () => {
    const cal = new EventCalendar(4);
    cal.schedule(5, 1, 0);
    cal.schedule(1, 2, 0);
    cal.schedule(5, 3, 0, -1);
    cal.schedule(5, 4, 0);
    cal.schedule(3, 5, 0);
    cal.schedule(5, 6, 0, -1);
    expect(collect(cal).map(([t, k]) => `${t}:${k}`)).toEqual(['1:2', '3:5', '5:3', '5:6', '5:1', '5:4']);
  });

  it('run(handler) keeps FIFO order among thousands of simultaneous events (heap growth included)', () => {
    const cal = new EventCalendar(16);
    for (let i = 0; i < 5000; i++) cal.schedule(i % 7, 0, i);
    const order = collect(cal);
    for (let i = 1; i < order.length; i++) {
      const [t0, , p0] = order[i - 1]!;
      const [t1, , p1] = order[i]!;
      expect(t1 > t0 || (t1 === t0 && p1 > p0)).toBe(true);
    }
    expect(order).toHaveLength(5000);
  });

  it('run(handler, until) stops after the last event at or before until', () => {
    const cal = new EventCalendar();
    for (const t of [1, 2, 3, 4]) cal.schedule(t, 0, t);
    expect(collect(cal, 2.5).map(([t]) => t)).toEqual([1, 2]);
    expect(cal.now).toBe(2);
    expect(collect(cal).map(([t]) => t)).toEqual([3, 4]);
  });

  it('schedule() from inside a handler replaces the dispatched root correctly', () => {
    const cal = new EventCalendar();
    const times: number[] = [];
    cal.schedule(0, 0, 0);
    cal.schedule(2.5, 1, 0);
    cal.run({
      handle(kind, n) {
        const t = cal.now;
        times.push(t);
        if (kind === 0 && n < 4) {
          cal.schedule(t + 1, 0, n + 1);
          if (n === 1) cal.schedule(t + 0.25, 1, 0);
        }
      },
    });
    expect(times).toEqual([0, 1, 1.25, 2, 2.5, 3, 4]);
  });

  it('cancel(handle) drops a pending event; handles stay valid and non-negative over many slot reuses', () => {
    const cal = new EventCalendar(2);
    const fired: number[] = [];
    const handler: EventHandler = { handle: (_k, p) => void fired.push(p) };
    // Reuse the same few slots through 1,000 generations: every handle must be >= 0 (so -1 can
    // mean "no timer") and cancelling must always hit the right event.
    for (let round = 0; round < 1000; round++) {
      const keep = cal.schedule(round + 0.5, 0, round);
      const drop = cal.schedule(round + 0.7, 0, -round - 1);
      expect(keep).toBeGreaterThanOrEqual(0);
      expect(drop).toBeGreaterThanOrEqual(0);
      expect(Number.isSafeInteger(keep) && Number.isSafeInteger(drop)).toBe(true);
      cal.cancel(drop);
      cal.run(handler, round + 1);
    }
    expect(fired).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('cancel(handle) of an event already dispatched is ignored (the slot may hold a new event)', () => {
    const cal = new EventCalendar();
    const h = cal.schedule(1, 0, 1);
    collect(cal);
    const h2 = cal.schedule(2, 0, 2); // reuses the slot
    cal.cancel(h);
    expect(collect(cal).map(([, , p]) => p)).toEqual([2]);
    expect(h2).not.toBe(h);
  });

  it('cancel(handle) of a stale handle cancels nothing, however often its slot was reused since', () => {
    // One event pending at a time, so every event takes the same slot (a handle is
    // generation * 2^24 + slot). Handles used to carry 7 bits of generation: after 128 reuses a
    // stale handle matched the slot's new event and cancelled it.
    const slotOf = (handle: number): number => handle % 2 ** 24;
    const cal = new EventCalendar(16);
    const fired: number[] = [];
    const handler: EventHandler = { handle: (_k, p) => void fired.push(p) };
    const stale = cal.schedule(0, 0, -1);
    cal.run(handler);
    const expected: number[] = [];
    for (let reuse = 1; reuse <= 5000; reuse++) {
      // Events in the heap (same time as now) and in bucket lists (later); freed by dispatch
      // (run) and by cancel: both ways of reusing a slot.
      const live = cal.schedule(reuse % 2 === 0 ? cal.now : cal.now + 1, 0, reuse);
      expect(slotOf(live)).toBe(slotOf(stale));
      expect(Number.isSafeInteger(live) && live >= 0).toBe(true);
      cal.cancel(stale);
      expect(cal.pending).toBe(1);
      if (reuse % 3 === 0) cal.cancel(live);
      else {
        expected.push(reuse);
        cal.run(handler);
      }
      cal.cancel(live); // stale by now (dispatched or cancelled): ignored
    }
    expect(fired).toEqual([-1, ...expected]);
  });

  it('retires a slot that has used up its 2^29 generations instead of wrapping round', () => {
    // White box: start slot 0 near the end of its generations rather than reuse it 2^29 times.
    const LAST = 2 ** 29 - 1;
    const cal = new EventCalendar(16);
    const generations = (cal as unknown as { slotGeneration: Float64Array }).slotGeneration;
    const fired: number[] = [];
    const handler: EventHandler = { handle: (_k, p) => void fired.push(p) };

    // Retired by cancel.
    generations[0] = LAST;
    const a = cal.schedule(1, 0, 1);
    expect(a).toBe(LAST * 2 ** 24); // the largest generation: still an exact whole number
    cal.cancel(a);
    const b = cal.schedule(1, 0, 2);
    expect(b % 2 ** 24).toBe(1); // a fresh slot: slot 0 is not reused
    cal.cancel(a);
    cal.run(handler);
    expect(fired).toEqual([2]);

    // Retired by dispatch, while the handler schedules into the heap (which would otherwise reuse
    // the dispatched event's slot in place).
    generations[1] = LAST;
    const c = cal.schedule(2, 0, 3);
    expect(c).toBe(LAST * 2 ** 24 + 1);
    const handles: number[] = [];
    cal.run({
      handle: (_k, p) => {
        fired.push(p);
        if (p === 3) handles.push(cal.schedule(cal.now, 0, 4), cal.schedule(cal.now, 0, 5));
      },
    });
    expect(fired).toEqual([2, 3, 4, 5]);
    expect(handles.map((h) => h % 2 ** 24)).not.toContain(1);
    expect(cal.pending).toBe(0);
    cal.cancel(c); // stale, on a retired slot: ignored
    expect(cal.pending).toBe(0);
  });

  it('dispatches in the order of one sorted list through bucketing, re-bucketing, cancels and far-off times', () => {
    // A reference model (every pending event in a list, the minimum (time, priority, sequence)
    // dispatched first) against the calendar, over a random workload whose event density changes
    // by orders of magnitude (so the bucket width is re-estimated), with simultaneous events,
    // events far beyond the ring, Infinity, cancels of events in the heap and in bucket lists,
    // and runs cut by `until`.
    let seed = 12345;
    const random = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) | 0;
      return ((seed >>> 8) & 0xffffff) / 0x1000000;
    };
    interface Ref { time: number; priority: number; seq: number; id: number; handle: number }
    const cal = new EventCalendar(4);
    let pending: Ref[] = [];
    let seq = 0;
    let nextId = 0;
    const dispatched: number[] = [];
    const expected: number[] = [];
    const add = (time: number, priority: number): void => {
      const id = nextId++;
      pending.push({ time, priority, seq: seq++, id, handle: cal.schedule(time, 0, id, priority) });
    };
    const scale = (phase: number): number => [0.001, 1, 50, 0.2, 3600][phase % 5]!;
    const randomTime = (now: number, phase: number): number => {
      const r = random();
      if (r < 0.05) return now; // simultaneous with the current event
      if (r < 0.07) return now + 1e7 * random(); // far beyond the ring
      if (r < 0.075) return Infinity;
      if (r < 0.1) return Math.ceil(now) + Math.floor(random() * 5); // ties on whole seconds
      return now + scale(phase) * 20 * random();
    };
    /** The reference's next event, or -1. */
    const first = (): number => {
      let best = -1;
      for (let i = 0; i < pending.length; i++) {
        const a = pending[i]!;
        const b = best < 0 ? undefined : pending[best]!;
        if (!b || a.time < b.time || (a.time === b.time && (a.priority < b.priority || (a.priority === b.priority && a.seq < b.seq)))) best = i;
      }
      return best;
    };
    for (let phase = 0; phase < 12; phase++) {
      for (let i = 0; i < 300; i++) add(randomTime(cal.now, phase), Math.floor(random() * 3) - 1);
      // Handlers schedule follow-ups and cancel other pending events; the reference does the same
      // in the same order, so it is replayed event by event.
      const until = phase === 11 ? Infinity : cal.now + scale(phase) * 2000;
      const handler: EventHandler = {
        handle(_kind, id) {
          dispatched.push(id);
          const k = first();
          expected.push(pending[k]!.id);
          expect(cal.now).toBe(pending[k]!.time);
          pending.splice(k, 1);
          if (random() < 0.5 && pending.length < 2000) add(randomTime(cal.now, phase), 0);
          if (random() < 0.3 && pending.length > 1) {
            const victim = pending[Math.floor(random() * pending.length)]!;
            if (victim.id !== id) {
              cal.cancel(victim.handle);
              pending = pending.filter((e) => e !== victim);
            }
          }
        },
      };
      cal.run(handler, until);
      expect(dispatched).toEqual(expected);
      const k = first();
      expect(k < 0 || pending[k]!.time > until).toBe(true);
      expect(cal.pending).toBe(pending.length);
    }
    expect(pending).toHaveLength(0);
    expect(dispatched.length).toBeGreaterThan(3000);
  });
});
