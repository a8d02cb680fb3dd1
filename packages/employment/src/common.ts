import type { SubgraphContext } from '@sl/core';
import type { EmploymentLoaders } from './loaders.js';

export type EmploymentContext = SubgraphContext<EmploymentLoaders>;

// The helpers every subgraph shares live in core; named here so this subgraph's files keep one import.
export { snapshot, todayOf } from '@sl/core';
