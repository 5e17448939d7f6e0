/** Event kinds of the contact-center model (the calendar's `kind`; payloads in comments). */
export const ARRIVAL = 0; // contact type
export const SERVICE_END = 1; // contact
export const WRAP_END = 2; // agent << 1 | chat
export const PATIENCE = 3; // contact
export const BOUNDARY = 4; // interval index (intervals = end of the last one)
export const DEADLINE = 5; // 0
export const BOT_END = 6; // contact
export const STAFF = 7; // staff-plan change index
export const RETRIAL = 8; // contact (a fresh record for the retrying customer)
export const REPEAT = 9; // contact type
export const OVERFLOW = 10; // contact
export const CARRY_IN = 11; // 0: the initial state (intraday) enters at time 0
export const CLOSE = 12; // index into closeQueue.times: the queues are cleared
export const CALLBACK_OFFER = 13; // contact: it has waited callback.offerAfterSeconds
export const DIAL = 14; // group: a paced outbound attempt is due
export const RING_END = 15; // agent: its outbound attempt connects or fails now
export const OUTBOUND_END = 16; // agent: its outbound call ends

/** Interval boundaries (statistics) run before anything else at the same instant... */
export const BOUNDARY_PRIORITY = -10;
/** ...then staff changes, then everything else. */
export const STAFF_PRIORITY = -5;
/** After the staff of time 0 is present, before anything else at time 0. */
export const CARRY_IN_PRIORITY = -1;
