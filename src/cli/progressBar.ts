import type { CliIo } from './io.js';

/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal (never into a pipe or
 * a log, and never on stdout). Redraws at most every 100 ms.
 */
export function progressBar(io: CliIo, label: string): { update(done: number, total: number): void; done(): void } {
  if (!io.stderrIsTTY) return { update() {}, done() {} };
  let last = 0;
  let drawn = false;
  const draw = (done: number, total: number) => {
    const width = 30;
    const filled = total > 0 ? Math.round((done / total) * width) : 0;
    io.stderr(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    drawn = true;
  };
  return {
    update(done, total) {
      const now = Date.now();
      if (done === total || now - last >= 100) {
        last = now;
        draw(done, total);
      }
    },
    done() {
      if (drawn) io.stderr('\r\x1b[2K');
    },
  };
}
