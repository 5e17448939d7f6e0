/** Scenario files: schema, parsing with path-named errors, JSON Schema export. */
export { DistSchema, type DistSpec, type DistName } from './distribution.js';
export { ServiceLevelSchema, type ServiceLevelSpec } from './serviceLevel.js';
export { BotSchema, type BotSpec } from './bot.js';
export { ContactTypeSchema, ChannelSchema, IdSchema, type ContactTypeSpec, type Channel } from './contactType.js';
export { AgentGroupSchema, type AgentGroupSpec } from './agentGroup.js';
export { ScenarioSchema, type Scenario, type ScenarioInput } from './scenario.js';
export { ClockSchema, parseClock, formatClock } from './clock.js';
export { perInterval } from './perInterval.js';
export { ScenarioError } from './scenarioError.js';
export { type ScenarioIssue, formatPath } from './issues.js';
export { parseScenario, parseScenarioText, forecastFileOf, type ScenarioAttachments } from './parse.js';
export { mergeForecast } from './forecast.js';
export { FollowUpSchema, type FollowUpSpec } from './followUp.js';
export { SkillSchema, longSkill, type SkillSpec, type SkillItem } from './skill.js';
export { ShiftSchema, BreakSchema, type ShiftSpec, type BreakSpec } from './shift.js';
export { perIntervalDist } from './perInterval.js';
export { scenarioJsonSchema, scenarioSchemaId } from './jsonSchema.js';
export { ShiftTemplateSchema, type ShiftTemplateSpec } from './shiftTemplate.js';
