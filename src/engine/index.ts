export { EventCalendar, MIN_PRIORITY, MAX_PRIORITY, type EventHandler } from './eventCalendar.js';
export { TypedLayout } from './typedLayout.js';
