export { healthSubgraph } from './subgraph.js';
