import type { ContactCenterConfig } from './config.js';
import type { ArrivalSource } from './options.js';

/**
 * Arrivals at given times (seconds from the start of the warm-up), per contact type id: for
 * event-log tests and for replaying recorded arrivals. Times past the end of the last interval
 * are ignored, like any arrival then.
 */
export function scriptedArrivals(times: Readonly<Record<string, readonly number[]>>) {
  return (config: ContactCenterConfig): ArrivalSource => {
    const lists = config.types.map((t) => [...(times[t.id] ?? [])].sort((a, b) => a - b));
    const cursor = new Int32Array(lists.length);
    const nextTime = new Float64Array(lists.length);
    return {
      nextTime,
      advance(type: number): void {
        const list = lists[type]!;
        const i = cursor[type]!;
        cursor[type] = i + 1;
        nextTime[type] = i < list.length ? list[i]! : Infinity;
      },
    };
  };
}
