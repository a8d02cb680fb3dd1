import { runSubgraphService } from '@sl/core';
import { employmentSubgraph } from './subgraph.js';

await runSubgraphService(employmentSubgraph);
