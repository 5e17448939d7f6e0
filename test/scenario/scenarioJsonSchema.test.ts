import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/scenario/index.js';
import { schemaCommand } from '../../src/cli/schemaCommand.js';
import { UsageError, type CliIo } from '../../src/cli/io.js';

function collector() {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
    stderrIsTTY: false,
    columns: 100,
  };
  return { io, out };
}

describe('scenarioJsonSchema()', () => {
  it('is a draft 2020-12 schema with id, title and the scenario properties', () => {
    const schema = scenarioJsonSchema() as Record<string, any>;
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['$id']).toBe('urn:ccsim:scenario');
    expect(schema['title']).toBe('ccsim scenario');
    expect(schema['additionalProperties']).toBe(false);
    expect(schema['required']).toEqual(['name', 'intervalMinutes', 'intervals', 'contactTypes', 'agentGroups']);
    expect(schema['properties'].contactTypes.type).toBe('array');
    expect(schema['properties'].start.default).toBe('00:00');
    expect(schema['$defs'].Dist.oneOf).toHaveLength(10);
    expect(schema['$defs'].Dist.oneOf.map((d: { properties: { dist: { const: string } } }) => d.properties.dist.const)).toContain('weibull');
  });

  it('forbids patience on email contact types', () => {
    const item = (scenarioJsonSchema() as Record<string, any>)['properties'].contactTypes.items;
    expect(item.if).toEqual({ properties: { channel: { const: 'email' } }, required: ['channel'] });
    expect(item.then).toEqual({ not: { required: ['patience'] } });
  });
});

describe('schemaCommand(argv, io)', () => {
  it('prints the schema as pretty JSON ending in a newline', async () => {
    const { io, out } = collector();
    expect(await schemaCommand([], io)).toBe(0);
    expect(out.stdout.endsWith('}\n')).toBe(true);
    expect(out.stdout).toContain('\n  "$id"');
    const parsed = JSON.parse(out.stdout) as Record<string, any>;
    expect(parsed['properties'].contactTypes).toBeDefined();
    expect(out.stderr).toBe('');
  });

  it('prints usage for --help', async () => {
    const { io, out } = collector();
    expect(await schemaCommand(['--help'], io)).toBe(0);
    expect(out.stdout).toMatch(/^Usage: ccsim schema/);
  });

  it('rejects unexpected arguments with a UsageError', async () => {
    const { io } = collector();
    await expect(schemaCommand(['extra'], io)).rejects.toBeInstanceOf(UsageError);
  });
});
