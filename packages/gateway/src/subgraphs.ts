import { accessSubgraph } from '@sl/access';
import { coordinationSubgraph } from '@sl/coordination';
import type { SubgraphDefinition } from '@sl/core';
import { educationSubgraph } from '@sl/education';
import { employmentSubgraph } from '@sl/employment';
import { healthSubgraph } from '@sl/health';
import { socialSubgraph } from '@sl/social';

/** Every subgraph of the graph, in composition order. */
export const subgraphDefinitions: SubgraphDefinition[] = [
  // First: the audit log every other subgraph appends to lives in its schema.
  accessSubgraph,
  socialSubgraph,
  healthSubgraph,
  educationSubgraph,
  employmentSubgraph,
  coordinationSubgraph,
];
