import { z } from 'zod';
import { scenarioDocs } from './docs.js';
import { ScenarioSchema } from './scenario.js';
import { ContactTypeSchema } from './contactType.js';
import { AgentGroupSchema } from './agentGroup.js';

/** The `$id` of the scenario JSON Schema. */
export const scenarioSchemaId = 'urn:ccsim:scenario';

/**
 * JSON Schema (draft 2020-12) of scenario files, for editors and other tools. It describes the
 * input form (defaults optional). Cross-field rules (unique ids, known skills, array lengths, every
 * type served) are stated in descriptions but only `ccsim` checks them.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ScenarioSchema, {
    target: 'draft-2020-12',
    io: 'input',
    metadata: scenarioDocs,
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema === ContactTypeSchema) {
        // Email contacts never abandon, so `patience` is forbidden there.
        jsonSchema.if = { properties: { channel: { const: 'email' } }, required: ['channel'] };
        jsonSchema.then = { not: { required: ['patience'] } };
      }
      if (zodSchema === AgentGroupSchema) {
        // Staff per interval, or shifts: exactly one of them.
        jsonSchema.oneOf = [{ required: ['staff'] }, { required: ['shifts'] }];
      }
    },
  }) as Record<string, unknown>;
  const { $schema, description: _short, ...rest } = schema;
  return {
    $schema,
    $id: scenarioSchemaId,
    title: 'ccsim scenario',
    description:
      'A contact-center scenario for ccsim. Times are in seconds unless the field name says otherwise; ' +
      'volumes are contacts per interval; fractions are 0..1. Also checked by ccsim: contact type and ' +
      'agent group ids are unique, skills name existing contact types, every contact type is served by ' +
      'some group, per-interval arrays have exactly `intervals` entries, breaks lie inside their shift and cannot overlap ' +
      '(break windows: however they are placed), break-group counts sum to their shift\'s count, ' +
      'shifts overlap the simulated horizon, and bot containment + dropout is at most 1.',
    ...rest,
  };
}
