import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditTrail } from './audit/audit-trail.js';
import type { Clock } from './clock.js';
import type { Logger } from './logging/logger.js';

/** Who is asking. Filled in by authentication at the gateway or at a subgraph's own edge. */
export interface Actor {
  kind: 'user' | 'client' | 'system';
  id: string;
  /** The account's login or the API client's name, as the audit log shows it. */
  name: string;
  agencyId: string | null;
  roles: string[];
  /** For provider staff: the provider whose people they serve. */
  providerId: string | null;
}

/** What every request carries, wherever it is served. Nothing request-scoped lives in globals. */
export interface BaseContext {
  requestId: string;
  actor: Actor | null;
  clock: Clock;
  logger: Logger;
  ip?: string;
  /** The operation's name (or `anonymous`), as the audit log records it. */
  operationName?: string;
  /** Reads and changes of people's data in this request; written before the answer leaves. */
  audit?: AuditTrail;
}

/** A subgraph's view of the request: its own EntityManager fork and its own DataLoaders. */
export interface SubgraphContext<Loaders = unknown> extends BaseContext {
  subgraph: string;
  em: EntityManager;
  loaders: Loaders;
  /** The region whose rule set applies (configuration `REGION`), e.g. `kaluga`. */
  region: string;
}
