export { Recipient } from './recipient/recipient.entity.js';
export { RuleSet } from './rules/rule-set.js';
export { socialSubgraph } from './subgraph.js';
