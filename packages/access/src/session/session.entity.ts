import { randomUUID } from 'node:crypto';
import type { Opt } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Account } from '../account/account.entity.js';

/** A signed-in session. The token itself is never stored, only its SHA-256. */
@Entity({ tableName: 'session' })
@Index({ properties: ['account', 'expiresAt'] })
export class Session {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Unique()
  @Property({ type: 'string', columnType: 'char(64)' })
  tokenHash!: string;

  @ManyToOne(() => Account, { deleteRule: 'cascade' })
  account!: Account;

  @Property({ type: 'Date', columnType: 'timestamptz' })
  createdAt!: Date;

  /** The absolute end (SESSION_MAX_HOURS after sign-in). */
  @Property({ type: 'Date', columnType: 'timestamptz' })
  expiresAt!: Date;

  /** With SESSION_IDLE_MINUTES, ends an idle session. */
  @Property({ type: 'Date', columnType: 'timestamptz' })
  lastSeenAt!: Date;

  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  revokedAt: Opt<Date> | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  ip: string | null = null;
}
