import { z } from 'zod';
import { documented } from './docs.js';
import { ClockSchema } from './clock.js';
import { ContactTypeSchema } from './contactType.js';
import { AgentGroupSchema } from './agentGroup.js';
import { SchedulingSchema, ShiftTemplateSchema } from './shiftTemplate.js';
import { InitialStateSchema } from './initialState.js';
import { AgentSchema } from './agent.js';

const minutesPerDay = 1440;

/** A whole scenario file. Cross-field rules (ids, skills, array lengths) are checked after it. */
export const ScenarioSchema = documented(
  z.strictObject({
    $schema: documented(z.string(), 'optional JSON Schema reference for editors; ignored').optional(),
    name: documented(
      z.string().regex(/\S/, { error: 'must not be empty' }),
      'shown in reports',
    ),
    description: documented(z.string(), 'the planning question this scenario answers').optional(),
    intervalMinutes: documented(
      z
        .number()
        .int()
        .gt(0)
        .refine((m) => m <= 0 || minutesPerDay % m === 0, { error: 'must divide 1440 (e.g. 15, 30 or 60)' }),
      'length of a planning interval, minutes: a divisor of 1440',
    ),
    intervals: documented(z.number().int().gt(0), 'number of planning intervals simulated'),
    start: ClockSchema.default('00:00'),
    warmupMinutes: documented(
      z.number().min(0),
      'minutes simulated before interval 0 with its arrivals and staff, not counted in KPIs',
    ).default(0),
    contactTypes: documented(z.array(ContactTypeSchema).min(1), 'the kinds of contacts'),
    agentGroups: documented(z.array(AgentGroupSchema).min(1), 'the agent pools'),
    shiftTemplates: documented(z.array(ShiftTemplateSchema), 'shifts `ccsim schedule` and `ccsim roster` may use (sections 5 and 10)').optional(),
    scheduling: SchedulingSchema.optional(),
    agents: documented(z.array(AgentSchema).min(1), 'named people `ccsim roster` gives the scheduled shifts to (section 10)').optional(),
    initialState: InitialStateSchema.optional(),
    lines: documented(
      z.number().int().min(1),
      'phone lines: voice contacts that can be in the system at once (in the bot, waiting or with an agent, all voice types together); a voice arrival (or retrial, or repeat) that finds every line taken is blocked',
    ).optional(),
    closeQueueAt: documented(
      z.array(z.union([z.literal('end'), ClockSchema])).min(1),
      'times the queues are cleared: every contact still waiting is disconnected (counted in disconnected, no retrial). "HH:MM" clears at that clock time on each day of the horizon; "end" clears at the end of the last interval and keeps the queues closed after it (instead of serving the day\'s last callers after hours)',
    ).optional(),
    forecast: documented(
      z.string().regex(/\S/, { error: 'must not be empty' }),
      'CSV file (path relative to the scenario) with columns interval_start,type,volume,aht: fills volume and handle-time means per interval',
    ).optional(),
  }),
  'A ccsim contact-center scenario. Times are in seconds unless a field name says otherwise.',
);

/** A parsed scenario: valid, with `start` and `warmupMinutes` filled in. */
export type Scenario = z.output<typeof ScenarioSchema>;
/** A scenario as it may be written (defaults optional). */
export type ScenarioInput = z.input<typeof ScenarioSchema>;
