export { RefusalGround } from './application/application.enums.js';
export { HousingService } from './housing/housing.service.js';
export { Recipient } from './recipient/recipient.entity.js';
export { RuleSet } from './rules/rule-set.js';
export { ServicePlanService } from './services/service-plan.service.js';
export { readinessReviewsDue } from './stage/readiness-due.service.js';
export { Stage } from './stage/stage.entity.js';
export { ReadinessOutcome, StageKind, StageServiceType } from './stage/stage.enums.js';
export { socialSubgraph } from './subgraph.js';
export { Termination } from './termination/termination.entity.js';
export { TerminationReason } from './termination/termination.enums.js';
export {
  type CloserContext,
  closeCurrentStage,
  type TerminationCloser,
  TerminationService,
  terminationClosers,
} from './termination/termination.service.js';
