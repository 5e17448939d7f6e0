import { z } from 'zod';
import { documented, documentedRef } from './docs.js';
import { DistSchema } from './distribution.js';
import { ServiceLevelSchema } from './serviceLevel.js';
import { BotSchema } from './bot.js';
import { FollowUpSchema } from './followUp.js';
import { perIntervalSchema } from './perInterval.js';
import { IdSchema, PrioritySchema } from './ids.js';
import { TransferSchema } from './transfer.js';

/** The media a contact type arrives on. */
export const ChannelSchema = documented(
  z.enum(['voice', 'chat', 'email']),
  'voice and email take a whole agent; chats may share one (agent group concurrency)',
);

/** One distribution for every interval, or one per interval (by arrival interval). */
export const HandleTimeSchema = documented(
  z.union([z.lazy(() => DistSchema), z.array(z.lazy(() => DistSchema))], {
    error: 'must be a distribution { "dist": ... } or an array of them (one per interval)',
  }),
  'handle time (talk, chat or work), seconds: one distribution, or an array with one per interval (by arrival interval)',
);

/** One kind of contact: its arrivals, work content, patience and target. */
export const ContactTypeSchema = documented(
  z.strictObject({
    id: IdSchema,
    channel: ChannelSchema,
    volume: perIntervalSchema(
      () => z.number().min(0),
      'a number >= 0',
      'contacts per interval: one number for every interval, or an array with one per interval',
    ),
    arrivals: documented(
      z.enum(['poisson', 'exact']),
      'how arrivals are drawn: "poisson" (default) at rate volume per interval, or "exact": exactly `volume` arrivals in each interval (integers), spread uniformly within it (what a Poisson process is, given its count; used by ccsim replay). Warm-up stays Poisson at interval 0\'s volume; volumeUncertainty is ignored (the count is known)',
    ).optional(),
    handleTime: HandleTimeSchema,
    wrapUp: documentedRef(DistSchema, 'after-contact work, seconds (default none)').optional(),
    patience: documented(
      z.union([z.lazy(() => DistSchema), z.array(z.lazy(() => DistSchema))], {
        error: 'must be a distribution { "dist": ... } or an array of them (one per interval)',
      }),
      'time a contact waits in queue before abandoning, seconds: one distribution, or an array with one per interval (by arrival interval; warm-up and carried-in contacts use interval 0\'s); absent = never abandons; not allowed on email',
    ).optional(),
    serviceLevel: ServiceLevelSchema,
    bot: BotSchema.optional(),
    priority: PrioritySchema(
      'integer, default 0: a freed agent takes the highest-priority waiting contact among its skills first, then the longest-waiting',
    ).optional(),
    retrial: documentedRef(
      FollowUpSchema,
      'an abandoned contact tries again with this probability after this delay (counted in retrials and again in offered)',
    ).optional(),
    repeat: documentedRef(
      FollowUpSchema,
      'after an agent finishes, the issue was not resolved with this probability (1 - first-contact resolution) and the customer contacts again after this delay (counted in repeats)',
    ).optional(),
    volumeUncertainty: documented(
      z.strictObject({
        cv: documented(z.number().min(0).max(10), 'coefficient of variation of the replication factor (at most 10: beyond that almost every replication has no volume and a rare one astronomically much)'),
        group: documented(
          z.string().min(1).max(64),
          'types giving the same group name share ONE factor per replication (all must give the same cv), drawn from the stream volume-group:<name>',
        ).optional(),
      }),
      'forecast error: each replication multiplies this type\'s volume by one gamma factor of mean 1 and this cv',
    ).optional(),
    concurrencyFactor: documented(
      z.array(z.number().gt(0)).min(1),
      'chat only: a chat\'s handle time is multiplied by f_k when its agent holds k chats as it starts (the last value applies beyond the list)',
    ).optional(),
    maxQueue: documented(
      z.number().int().min(0),
      'queue cap: an arrival of this type that no agent takes at once and that finds this many contacts of its type waiting is blocked (never joins the queue; with retrial it may try again); 0 = no waiting at all',
    ).optional(),
    callback: documented(
      z
        .strictObject({
          offerAfterSeconds: documented(z.number().min(0), 'offer the callback once the caller has waited this long').optional(),
          offerWhenEwtAbove: documented(
            z.number().min(0),
            'offer on joining the queue when the estimated wait (position x mean handle time / agents present for the type) exceeds this many seconds',
          ).optional(),
          acceptance: documented(z.number().min(0).max(1), 'probability an offered caller accepts (0: nobody does, the run is as without callbacks)'),
          window: documented(z.number().gt(0), 'seconds from acceptance within which the callback should be made: after it the callback goes before live callers'),
        })
        .refine((c) => (c.offerAfterSeconds === undefined) !== (c.offerWhenEwtAbove === undefined), {
          error: 'give exactly one of offerAfterSeconds and offerWhenEwtAbove',
        }),
      'voice only: virtual hold. A waiting caller is offered a callback; one who accepts leaves the line (no more abandonment) and is called back by an agent of a group serving the type once no live caller it could take waits (or first, once the window has passed)',
    ).optional(),
    routing: documented(
      z.enum(['longest-idle', 'random', 'group-order']),
      'which free agent takes a contact of this type as it joins the queue: "longest-idle" (default), "random" (each idle agent of the eligible groups with probability proportional to its group\'s skill weight; uniform when no weights) or "group-order" (the longest-idle agent of the first eligible group with one, in agentGroups order). What a freed agent takes is unchanged',
    ).optional(),
    transfer: TransferSchema.optional(),
    maxAbandonRate: documented(z.number().min(0).max(1), 'staffing constraint (ccsim staff): highest acceptable abandon rate').optional(),
    maxAsa: documented(z.number().gt(0), 'staffing constraint (ccsim staff): highest acceptable ASA, seconds').optional(),
  }),
  'A kind of contact. Units: seconds; volume in contacts per interval.',
);

/** A contact type as written in a scenario. */
export type ContactTypeSpec = z.output<typeof ContactTypeSchema>;
/** `'voice' | 'chat' | 'email'`. */
export type Channel = z.output<typeof ChannelSchema>;
