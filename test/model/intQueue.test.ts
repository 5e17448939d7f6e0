import { describe, expect, it } from 'vitest';
import { IntQueue } from '../../src/model/intQueue.js';

const items = (q: IntQueue) => Array.from({ length: q.length }, (_, k) => q.at(k));

describe('IntQueue.removeAt', () => {
  it('removes the item at an offset and keeps the others in order, across the ring\'s wrap', () => {
    const q = new IntQueue(16);
    for (let k = 0; k < 12; k++) q.push(k);
    for (let k = 0; k < 10; k++) q.shift(); // head near the end of the buffer
    for (let k = 12; k < 20; k++) q.push(k); // tail wrapped round
    expect(items(q)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(q.removeAt(4)).toBe(14);
    expect(q.removeAt(0)).toBe(10);
    expect(q.removeAt(q.length - 1)).toBe(19);
    expect(items(q)).toEqual([11, 12, 13, 15, 16, 17, 18]);
    q.push(20);
    expect(q.shift()).toBe(11);
    expect(items(q)).toEqual([12, 13, 15, 16, 17, 18, 20]);
  });
});
