import { z } from 'zod';
import { documented } from './docs.js';

const seconds = z.array(z.number().min(0).finite(), { error: 'must be an array of seconds >= 0 (one per contact)' });

/**
 * Contacts present when the simulation starts (intraday, CONTRACT section 7; `ccsim intraday`
 * writes it from a state.json): the waits so far of waiting contacts per type, and the handle time
 * so far of contacts in hand per group and type. Absent: the day starts empty.
 */
export const InitialStateSchema = documented(
  z.strictObject({
    waiting: documented(z.record(z.string(), seconds), 'per contact type id: seconds each waiting contact has waited so far').optional(),
    inService: documented(
      z.record(z.string(), z.record(z.string(), seconds)),
      'per agent group id, per contact type id: seconds each contact in hand has been handled so far',
    ).optional(),
  }),
  'contacts already waiting or in service at the start (no warm-up then: set warmupMinutes 0); their remaining patience and handle time are drawn given the time already elapsed',
);

export type InitialStateSpec = z.output<typeof InitialStateSchema>;
