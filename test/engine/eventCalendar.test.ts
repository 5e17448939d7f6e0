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
});
