/**
 * The dependency arrows of docs/architecture.md, checked by a plain scan of every import in src/,
 * workers/ and web/src: a layer imports only the layers below it. A new upward import fails here
 * with the file, the import and the rule it breaks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');

/** What each folder of src/ may import from the project (besides itself). */
const ALLOWED: Record<string, readonly string[]> = {
  engine: [],
  random: [],
  stats: [],
  analytic: [],
  scenario: [],
  model: ['engine', 'random', 'stats'],
  experiment: ['model', 'stats', 'scenario', 'engine', 'random'],
  optimize: ['experiment', 'model', 'stats', 'analytic', 'scenario'],
  history: ['experiment', 'optimize', 'model', 'stats', 'analytic', 'scenario', 'random'],
  intraday: ['history', 'experiment', 'optimize', 'model', 'stats', 'analytic', 'scenario', 'random'],
  node: ['intraday', 'history', 'experiment', 'optimize', 'scenario', 'model', 'stats', 'analytic', 'random'],
  cli: ['node', 'intraday', 'history', 'experiment', 'optimize', 'scenario', 'model', 'stats', 'analytic', 'random', 'engine'],
};

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => join(dir, f));
}

/** Project-relative targets of a file's relative imports (static and dynamic). */
function imports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const found = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'(\.[^']+)'/g)].map((m) => m[1]!);
  return found.map((spec) => relative(ROOT, resolve(ROOT, dirname(file), spec)));
}

/** The layer of a project path: `src/<folder>`, `src/index.ts` as `index`, or the top folder. */
function layer(path: string): string {
  const parts = path.split('/');
  if (parts[0] === 'src') return parts.length === 2 ? 'index' : parts[1]!;
  return parts[0] === 'web' ? 'web' : parts[0]!;
}

describe('imports point only downward (docs/architecture.md)', () => {
  it('every src/ folder imports only the folders its arrow lists', () => {
    const broken: string[] = [];
    for (const file of files('src')) {
      const from = layer(file);
      if (from === 'index') continue; // the public API lists everything
      const allowed = ALLOWED[from];
      if (allowed === undefined) {
        broken.push(`${file}: src/${from} has no rule in this test (add one, and to docs/architecture.md)`);
        continue;
      }
      for (const target of imports(file)) {
        const to = layer(target);
        if (to !== from && !allowed.includes(to)) broken.push(`${file} imports ${target}: src/${from} may import only ${allowed.join(', ') || 'nothing from the project'}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('nothing in src/ imports web/ or workers/; web/ and workers/ never import the CLI', () => {
    const broken: string[] = [];
    for (const file of [...files('src'), ...files('workers'), ...files('web/src')]) {
      for (const target of imports(file)) {
        const to = layer(target);
        if (file.startsWith('src/') && (to === 'web' || to === 'workers')) broken.push(`${file} imports ${target}`);
        if (!file.startsWith('src/') && target.startsWith('src/cli/')) broken.push(`${file} imports ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('no import cycle among the files of src/ (type-only imports aside: they vanish at run time)', () => {
    const graph = new Map<string, string[]>();
    for (const file of files('src')) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const targets = [...text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'(\.[^']+)'/gms)].map((m) =>
        relative(ROOT, resolve(ROOT, dirname(file), m[1]!)).replace(/\.js$/, '.ts'),
      );
      graph.set(file, targets);
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'open');
      stack.push(file);
      for (const next of graph.get(file) ?? []) {
        if (!graph.has(next)) continue;
        if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].join(' -> '));
        else if (state.get(next) === undefined) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (state.get(file) === undefined) visit(file);
    expect(cycles).toEqual([]);
    // The scan sees value imports and re-exports (a file known to have both).
    expect(graph.get('src/scenario/index.ts')).toContain('src/scenario/ids.ts');
  });

  it('the scan sees the imports it checks (a file known to import downward)', () => {
    expect(imports('src/cli/main.ts')).toContain('src/node/tuneV8.js');
  });
});
