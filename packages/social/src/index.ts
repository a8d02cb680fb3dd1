export { Recipient } from './recipient/recipient.entity.js';
export { socialSubgraph } from './subgraph.js';
export { RuleSet } from './rules/rule-set.js';
