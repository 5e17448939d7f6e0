import { z } from 'zod';
import { documented } from './docs.js';
import { IdSchema, PrioritySchema } from './ids.js';

/** The long form of a skill: which type, how preferred, after how long, how fast. */
export const SkillSchema = documented(
  z.strictObject({
    type: documented(IdSchema, 'id of the contact type'),
    priority: PrioritySchema(
      'integer, default 0: among waiting contacts, the group takes higher-priority skills first (before contact-type priority)',
    ).optional(),
    afterSeconds: documented(
      z.number().min(0),
      'overflow: the group takes a contact of this type only once it has waited this long, seconds (default 0)',
    ).optional(),
    handleTimeFactor: documented(
      z.number().gt(0),
      'proficiency: the group\'s handle time of this type is this many times the type\'s (default 1)',
    ).optional(),
    weight: documented(
      z.number().gt(0),
      'with the type\'s "routing": "random" only: each idle agent of this group is chosen with probability proportional to this weight (default 1)',
    ).optional(),
  }),
  'A skill with routing priority, overflow delay, proficiency and random-routing weight.',
  'Skill',
);

/** A skill: a contact type id, or the long form. */
export const SkillItemSchema = z.union([IdSchema, SkillSchema], {
  error: 'must be a contact type id or { "type": id, "priority"?, "afterSeconds"?, "handleTimeFactor"?, "weight"? }',
});

export type SkillSpec = z.output<typeof SkillSchema>;
export type SkillItem = z.output<typeof SkillItemSchema>;

/** The contact type id a (possibly malformed) raw skill item names, if it names one. */
export function rawSkillType(item: unknown): string | undefined {
  if (typeof item === 'string') return item;
  if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
    const type = (item as Record<string, unknown>)['type'];
    return typeof type === 'string' ? type : undefined;
  }
  return undefined;
}
