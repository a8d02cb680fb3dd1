import type { Opt } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * A mutation sent with an `Idempotency-Key`: while it runs the row holds the key (a retry waits or
 * is told it is in progress); once it has a final answer the row keeps that answer, and a retry
 * with the same key and the same request gets it back instead of creating anything again.
 */
@Entity({ tableName: 'idempotent_request' })
@Index({ properties: ['createdAt'] })
export class IdempotentRequest {
  /** SHA-256 of the caller's credentials: keys of different callers never meet. */
  @PrimaryKey({ type: 'string', columnType: 'char(64)' })
  callerHash!: string;

  @PrimaryKey({ type: 'string', length: 255 })
  key!: string;

  /** SHA-256 of the query, variables and operation name: the same key for another request is refused. */
  @Property({ type: 'string', columnType: 'char(64)' })
  requestHash!: string;

  @Property({ type: 'Date', columnType: 'timestamptz' })
  createdAt!: Date;

  /** Null while the request runs. */
  @Property({ type: 'smallint', nullable: true })
  status: Opt<number> | null = null;

  @Property({ type: 'text', nullable: true })
  response: Opt<string> | null = null;
}
