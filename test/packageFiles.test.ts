/**
 * The published package holds every file the README links to (docs/contract.md, the screenshots,
 * ...): the README is the package's front page on the registry and in node_modules.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));

describe('package.json "files"', () => {
  it('the packed package contains every local file the README links to', () => {
    const readme = readFileSync(`${root}README.md`, 'utf8');
    const linked = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
      .map((m) => m[1]!)
      .filter((target) => !/^[a-z]+:/.test(target));
    expect(linked).toContain('docs/contract.md');
    // --ignore-scripts: list what would be packed without building it again.
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const [pack] = JSON.parse(execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' })) as { files: { path: string }[] }[];
    const packed = new Set(pack!.files.map((f) => f.path));
    expect([...new Set(linked)].filter((target) => !packed.has(target))).toEqual([]);
  });
});
