export { overdueCondition } from './council/council.service.js';
export { effectiveStatus, statusCondition } from './obligation/obligation.service.js';
export { coordinationSubgraph } from './subgraph.js';
