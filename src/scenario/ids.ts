/**
 * Identifiers and routing priorities: shared by contact types, agent groups and skills, in their
 * own module so those three import it and not one another (no import cycle in src/scenario).
 */
import { z } from 'zod';
import { documented } from './docs.js';

/** Identifiers of contact types and agent groups. */
export const IdSchema = documented(
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, { error: 'must match [A-Za-z0-9_-]+ (letters, digits, "_", "-")' })
    // Ids become keys of the output's byType / byGroup objects, where "__proto__" would be lost.
    .refine((id) => id !== '__proto__', { error: '"__proto__" is reserved: choose another id' }),
  'identifier: letters, digits, "_" and "-" (not "__proto__")',
);

/** Priorities (contact type and skill) are integers in this range, so two of them combine exactly. */
export const PRIORITY_LIMIT = 1_000_000;

/** A routing priority: higher goes first. */
export const PrioritySchema = (description: string) =>
  documented(z.number().int().min(-PRIORITY_LIMIT).max(PRIORITY_LIMIT), description);
