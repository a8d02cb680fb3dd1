import { runSubgraphService } from '@sl/core';
import { socialSubgraph } from './subgraph.js';

await runSubgraphService(socialSubgraph);
