export { Recipient } from './recipient/recipient.entity.js';
export { socialSubgraph } from './subgraph.js';
