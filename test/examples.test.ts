import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('examples/', () => {
  it("compare-bot.mjs runs from the checkout with `import { compare, simulate } from 'ccsim'`", () => {
    const script = new URL('../examples/compare-bot.mjs', import.meta.url).pathname;
    const out = execFileSync(process.execPath, [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    expect(out).toMatch(/^Retail day -> Retail day with a voice bot$/m);
    expect(out).toMatch(/^service level\s+\d+\.\d% -> \d+\.\d%\s+\(\+\d+\.\d pts ±\d+\.\d\)$/m);
    expect(out).toMatch(/^calls ASA\s+\d+\.\d s -> \d+\.\d s\s+\(-\d+\.\d s ±\d+\.\d\)$/m);
    expect(out).toMatch(/^retail day calls service level \d+\.\d% ±(0\.\d\d|1\.00) after \d+ replications$/m);
  });
});
