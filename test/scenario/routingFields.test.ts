import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/experiment/index.js';
import { parseScenario, scenarioJsonSchema } from '../../src/scenario/index.js';
import { cli } from '../support/cli.js';
import { scratchDirs } from '../support/scratch.js';
import { linesOf, minimal } from './fixtures.js';

const scratch = scratchDirs();

describe('routing and weight fields: parsing', () => {
  it('accepts a routing policy per type and a weight on a skill of a "random" type', () => {
    const s = minimal();
    s.contactTypes[0].routing = 'random';
    s.contactTypes.push({ ...minimal().contactTypes[0], id: 'sales', routing: 'group-order' });
    s.agentGroups[0].skills = [{ type: 'calls', weight: 2.5 }, 'sales'];
    const config = buildModel(parseScenario(s));
    expect(config.types.map((t) => t.routing)).toEqual(['random', 'group-order']);
    expect(config.groups[0]!.skills.map((k) => k.weight)).toEqual([2.5, undefined]);
  });

  it('absent fields stay absent in the model configuration (its default applies there)', () => {
    const config = buildModel(parseScenario(minimal()));
    expect('routing' in config.types[0]!).toBe(false);
    expect('weight' in config.groups[0]!.skills[0]!).toBe(false);
  });

  const cases: [string, (s: Record<string, any>) => void, string[]][] = [
    ['an unknown policy', (s) => (s.contactTypes[0].routing = 'round-robin'),
      ['contactTypes[0].routing: must be one of "longest-idle", "random", "group-order"']],
    ['a zero weight', (s) => {
      s.contactTypes[0].routing = 'random';
      s.agentGroups[0].skills = [{ type: 'calls', weight: 0 }];
    }, ['agentGroups[0].skills[0].weight: must be > 0']],
    ['a weight on a type routed longest-idle (by default)', (s) => (s.agentGroups[0].skills = [{ type: 'calls', weight: 2 }]),
      ['agentGroups[0].skills[0].weight: applies only to a contact type with "routing": "random" (type "calls" routes "longest-idle")']],
    ['a weight on a type routed group-order', (s) => {
      s.contactTypes[0].routing = 'group-order';
      s.agentGroups[0].skills = [{ type: 'calls', weight: 2 }];
    }, ['agentGroups[0].skills[0].weight: applies only to a contact type with "routing": "random" (type "calls" routes "group-order")']],
  ];
  for (const [what, edit, expected] of cases) {
    it(`refuses ${what}, naming the field`, () => {
      const s = minimal();
      edit(s);
      expect(linesOf(() => parseScenario(s))).toEqual(expected);
    });
  }

  it('the JSON Schema describes routing and the skill weight', () => {
    const schema = scenarioJsonSchema() as Record<string, any>;
    expect(schema['$defs'].Skill.properties.weight.exclusiveMinimum).toBe(0);
    const typeProps = schema['properties'].contactTypes.items.properties ?? schema['$defs'].ContactType?.properties;
    expect(typeProps.routing.enum).toEqual(['longest-idle', 'random', 'group-order']);
  });
});

describe('"routing": "longest-idle" is the default (CONTRACT section 8)', () => {
  it('ccsim run --json is byte-identical with the field on every type and without it', async () => {
    const original = new URL('../../scenarios/two-skills.json', import.meta.url);
    const scenario = JSON.parse(readFileSync(original, 'utf8'));
    for (const type of scenario.contactTypes) type.routing = 'longest-idle';
    const file = join(scratch(), 'two-skills.json');
    writeFileSync(file, JSON.stringify(scenario));
    const args = ['--replications', '3', '--seed', '8', '--json'];
    const without = await cli('run', original.pathname, ...args);
    const withField = await cli('run', file, ...args);
    expect(without.code).toBe(0);
    expect(withField.stdout).toBe(without.stdout);
  });

  it('a bad routing value stops ccsim run with exit 2 and the field named', async () => {
    const s = minimal();
    s.contactTypes[0].routing = 'fastest';
    const file = join(scratch(), 'bad.json');
    writeFileSync(file, JSON.stringify(s));
    const { code, stdout, stderr } = await cli('run', file, '--json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('contactTypes[0].routing');
  });
});
