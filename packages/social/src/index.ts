export { Recipient } from './recipient/recipient.entity.js';
export { RuleSet } from './rules/rule-set.js';
export { readinessReviewsDue } from './stage/readiness-due.service.js';
export { socialSubgraph } from './subgraph.js';
export {
  type CloserContext,
  closeCurrentStage,
  type TerminationCloser,
  TerminationService,
  terminationClosers,
} from './termination/termination.service.js';
