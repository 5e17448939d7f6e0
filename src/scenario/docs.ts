import { z } from 'zod';

/**
 * Descriptions and `$defs` ids of the scenario schema, used by {@link scenarioJsonSchema}.
 * A registry of our own rather than zod's global one, so no other schema can collide with an id.
 */
export const scenarioDocs = z.registry<z.core.GlobalMeta>();

/** Attaches a description (and optionally a `$defs` id) to a schema instance; returns it. */
export function documented<T extends z.ZodType>(schema: T, description: string, id?: string): T {
  scenarioDocs.add(schema, id === undefined ? { description } : { id, description });
  return schema;
}

/**
 * A fresh reference to a shared schema (such as a distribution) carrying its own field description;
 * the JSON Schema shows it as a `$ref` plus that description.
 */
export function documentedRef<T extends z.ZodType>(schema: T, description: string): z.ZodLazy<T> {
  return documented(z.lazy(() => schema), description);
}
