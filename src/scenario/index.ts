/** Scenario files: schema, parsing with path-named errors, JSON Schema export. */
export { DistSchema, type DistSpec, type DistName } from './distribution.js';
export { ServiceLevelSchema, type ServiceLevelSpec } from './serviceLevel.js';
export { BotSchema, type BotSpec } from './bot.js';
export { ContactTypeSchema, ChannelSchema, type ContactTypeSpec, type Channel } from './contactType.js';
export { IdSchema, PrioritySchema, PRIORITY_LIMIT } from './ids.js';
export { AgentGroupSchema, type AgentGroupSpec } from './agentGroup.js';
export { ScenarioSchema, type Scenario, type ScenarioInput } from './scenario.js';
export { ClockSchema, parseClock, formatClock } from './clock.js';
export { perInterval, perIntervalDist, longSkill } from './values.js';
export { ScenarioError } from './scenarioError.js';
export { type ScenarioIssue, formatPath, percentageHint } from './issues.js';
export { parseScenario, parseScenarioText, forecastFileOf, type ScenarioAttachments } from './parse.js';
export { mergeForecast } from './forecast.js';
export { FollowUpSchema, type FollowUpSpec } from './followUp.js';
export { SkillSchema, type SkillSpec, type SkillItem } from './skill.js';
export {
  ShiftSchema,
  BreakSchema,
  BreakWindowSchema,
  ShiftBreakSchema,
  BreakGroupSchema,
  type ShiftSpec,
  type BreakSpec,
  type BreakWindowSpec,
  type ShiftBreakSpec,
  type BreakGroupSpec,
} from './shift.js';
export { scenarioJsonSchema, scenarioSchemaId } from './jsonSchema.js';
export { largestRemainder } from './apportion.js';
export { AgentSchema, type AgentSpec } from './agent.js';
export { SchedulingSchema, ShiftTemplateSchema, type SchedulingSpec, type ShiftTemplateSpec } from './shiftTemplate.js';
export { utf8Text } from './utf8Text.js';
export { closestName } from './didYouMean.js';
export { thresholdText, serviceLevelTargets, mixedTargets } from './serviceLevelMix.js';
