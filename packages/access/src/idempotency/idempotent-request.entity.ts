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

  /**
   * SHA-256 of the query (as parsed, so spacing does not count), the variables (as JSON, so key
   * order does not count) and the operation name: the same key for another request is refused.
   */
  @Property({ type: 'string', columnType: 'char(64)' })
  requestHash!: string;

  @Property({ type: 'Date', columnType: 'timestamptz' })
  createdAt!: Date;

  /**
   * While the request runs, the gateway running it renews this every few seconds; once it has
   * passed without an answer (the gateway or its database failed), a retry runs the request again.
   */
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  leaseUntil: Opt<Date> | null = null;

  /** Null while the request runs. */
  @Property({ type: 'smallint', nullable: true })
  status: Opt<number> | null = null;

  @Property({ type: 'text', nullable: true })
  response: Opt<string> | null = null;
}
