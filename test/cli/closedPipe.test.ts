import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const hasBash = spawnSync('bash', ['-c', 'command -v head'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!hasBash)('bin/ccsim.js writing into a pipe whose reader has gone', () => {
  it('`ccsim run x --json | head -c 10` stops quietly: exit 0, no EPIPE stack trace', () => {
    // 200 kB of JSON: far more than the pipe holds, so the writer is still writing when head leaves.
    const script = `"${process.execPath}" bin/ccsim.js run scenarios/retail-day.json --replications 2 --workers 1 --json | head -c 10 > /dev/null; echo "ccsim-exit=\${PIPESTATUS[0]}" >&2`;
    const r = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(r.stderr).toContain('ccsim-exit=0');
  });
});
