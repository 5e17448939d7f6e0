export type {
  AgentGroupConfig,
  BotConfig,
  CallbackConfig,
  Channel,
  ContactCenterConfig,
  ContactTypeConfig,
  FollowUpConfig,
  InitialState,
  OutboundConfig,
  QueueClosing,
  RoutingPolicy,
  SkillConfig,
  StaffPlan,
  TransferConfig,
} from './config.js';
export { END_OF_DAY_GRACE_SECONDS, FALSE_CONTAINMENT_DEFAULT_DELAY } from './config.js';
export type { ContactCenterObserver } from './observer.js';
export type { Router, RouterFactory, RoutingState } from './router.js';
export { LongestIdleRouter } from './longestIdleRouter.js';
export { PolicyRouter, routerFor } from './policyRouter.js';
export { ContactCenter } from './contactCenter.js';
export type { ArrivalSource, ContactCenterOptions, StreamSource } from './options.js';
export { scriptedArrivals } from './scriptedArrivals.js';
export { transfersUsed } from './transfers.js';
export { intervalStaffPlan, shiftStaffPlan, finalLevel, meanLevel, minLevel, raisedPlan, type ShiftTimes } from './staffPlan.js';
export { EscalationSpread } from './escalationSpread.js';
