import { runSubgraphService } from '@sl/core';
import { healthSubgraph } from './subgraph.js';

await runSubgraphService(healthSubgraph);
