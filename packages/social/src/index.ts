export { socialSubgraph } from './subgraph.js';
export { Recipient } from './recipient/recipient.entity.js';
