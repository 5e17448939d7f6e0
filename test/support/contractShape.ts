import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { it } from 'vitest';

/** The shared contract's shape checker, beside the project (absent from a bare clone). */
export const SHAPE_CHECKER = fileURLToPath(new URL('../../../shared/contract/check-shape.mjs', import.meta.url));

/**
 * A test that runs CLI JSON through the shape checker. Without the checker it is skipped and says
 * so: "skipped: ... not found" in its title and one line on stderr, so a green run without
 * ../shared cannot pass for a checked contract.
 */
export function itChecksContractShape(title: string, test: () => Promise<void>): void {
  if (existsSync(SHAPE_CHECKER)) {
    it(title, test);
    return;
  }
  const why = `skipped: ${SHAPE_CHECKER} not found, the contract shape is not checked`;
  console.warn(`contract shape test "${title}" ${why}`);
  it.skip(`${title} (${why})`, test);
}

/** Pipe `json` through the shape checker as `ccsim <command> --json` output. */
export function checkContractShape(command: 'run' | 'compare' | 'sweep', json: string) {
  return spawnSync(process.execPath, [SHAPE_CHECKER, command, '-'], { input: json, encoding: 'utf8' });
}
