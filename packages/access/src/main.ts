import { runSubgraphService } from '@sl/core';
import { accessSubgraph } from './subgraph.js';

await runSubgraphService(accessSubgraph);
