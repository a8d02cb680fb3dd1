import { coordinationSubgraph } from '@sl/coordination';
import type { SubgraphDefinition } from '@sl/core';
import { educationSubgraph } from '@sl/education';
import { employmentSubgraph } from '@sl/employment';
import { healthSubgraph } from '@sl/health';
import { socialSubgraph } from '@sl/social';

/** Every subgraph of the graph, in composition order. */
export const subgraphDefinitions: SubgraphDefinition[] = [
  socialSubgraph,
  healthSubgraph,
  educationSubgraph,
  employmentSubgraph,
  coordinationSubgraph,
];
