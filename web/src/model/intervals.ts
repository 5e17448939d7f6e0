/** Clock labels of planning intervals (pure: also used by the Node tests). */

const hhmm = (minute: number) => `${String(Math.floor(minute / 60) % 24).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * Interval start labels "HH:MM"; when the horizon passes midnight, "Day 2 08:00" from the second
 * day on (the first day's labels stay "HH:MM").
 */
export function intervalLabels(start: string, intervalMinutes: number, count: number): string[] {
  const m = /^(\d{1,2}):(\d\d)$/.exec(start);
  const from = m ? Number(m[1]) * 60 + Number(m[2]) : 0;
  return Array.from({ length: count }, (_, i) => {
    const minute = from + i * intervalMinutes;
    const day = Math.floor(minute / 1440);
    return day === 0 ? hhmm(minute % 1440) : `Day ${day + 1} ${hhmm(minute % 1440)}`;
  });
}

/** "10:30–11:00" (or "Day 2 10:30–11:00") from the start label and the interval length. */
export function intervalRange(labels: readonly string[], i: number, intervalMinutes: number): string {
  const start = labels[i] ?? '';
  const m = /(\d\d):(\d\d)$/.exec(start);
  if (!m) return start;
  return `${start}–${hhmm((Number(m[1]) * 60 + Number(m[2]) + intervalMinutes) % 1440)}`;
}
