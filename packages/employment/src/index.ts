export { employmentSubgraph } from './subgraph.js';
