import { runSubgraphService } from '@sl/core';
import { coordinationSubgraph } from './subgraph.js';

await runSubgraphService(coordinationSubgraph);
