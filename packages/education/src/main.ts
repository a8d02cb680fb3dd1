import { runSubgraphService } from '@sl/core';
import { educationSubgraph } from './subgraph.js';

await runSubgraphService(educationSubgraph);
