export { coordinationSubgraph } from './subgraph.js';
