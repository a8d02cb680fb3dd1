export { HousingService } from './housing/housing.service.js';
export { Recipient } from './recipient/recipient.entity.js';
export { RuleSet } from './rules/rule-set.js';
export { ServicePlanService } from './services/service-plan.service.js';
export { socialSubgraph } from './subgraph.js';
