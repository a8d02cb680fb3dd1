import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from './clock.js';
import type { Logger } from './logging/logger.js';

/** Who is asking. Filled in by authentication at the gateway or at a subgraph's own edge. */
export interface Actor {
  kind: 'user' | 'client' | 'system';
  id: string;
  agencyId: string | null;
  roles: string[];
}

/** What every request carries, wherever it is served. Nothing request-scoped lives in globals. */
export interface BaseContext {
  requestId: string;
  actor: Actor | null;
  clock: Clock;
  logger: Logger;
  ip?: string;
}

/** A subgraph's view of the request: its own EntityManager fork and its own DataLoaders. */
export interface SubgraphContext<Loaders = unknown> extends BaseContext {
  subgraph: string;
  em: EntityManager;
  loaders: Loaders;
}
