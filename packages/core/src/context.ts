import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from './access/actor.js';
import type { SharingState } from './access/scope.js';
import type { AuditTrail } from './audit/audit-trail.js';
import type { Clock } from './clock.js';
import type { Config, SubgraphName } from './config/config.js';
import type { Logger } from './logging/logger.js';

export type { Actor } from './access/actor.js';

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
  /** For a scoped actor (provider staff): whether this person is theirs. Absent = nobody is. */
  inScope?: (recipientId: string) => Promise<boolean>;
  /**
   * For a ministry officer, where the subgraph shares data under the person's consent (social):
   * whether a sharing consent with the officer's ministry is in force. Absent = no consent rule.
   */
  sharing?: (recipientId: string) => Promise<SharingState>;
  /**
   * The coordinators of the person's case as stated in `root` by social, when social's seal over them
   * verifies (a subgraph holding the secret); absent = nobody coordinates, as far as we can verify.
   */
  caseCoordinatorsOf?: (recipientId: string, root: unknown) => string[];
}

/** A subgraph's view of the request: its own EntityManager fork and its own DataLoaders. */
export interface SubgraphContext<Loaders = unknown> extends BaseContext {
  subgraph: string;
  config: Config;
  em: EntityManager;
  loaders: Loaders;
  /** The configured region (`REGION`): which rule set applies. */
  region: string;
  /** Social's seal over who coordinates a case (core access/case-seal.ts), for health to verify. */
  sealCaseAssignment(recipientId: string, ids: readonly string[]): string;
  /** Asks another subgraph through its GraphQL API, as this request's caller (runtime/peers.ts). */
  peer<T>(subgraph: SubgraphName, query: string, variables: Record<string, unknown>): Promise<T>;
}
