import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { Account } from '../account/account.entity.js';

/** An access to one person's record outside the user's scope, opened with a reason, for a while. */
@ObjectType({ description: 'A break-the-glass access: time-limited and flagged in the audit log' })
@Entity({ tableName: 'break_glass_grant' })
@Index({ properties: ['account', 'expiresAt'] })
export class BreakGlassGrant {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Account, { deleteRule: 'cascade' })
  account!: Account;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  recipientId!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  reason!: string;

  @Field(() => Date)
  @Property({ type: 'Date', columnType: 'timestamptz' })
  grantedAt!: Date;

  @Field(() => Date)
  @Property({ type: 'Date', columnType: 'timestamptz' })
  expiresAt!: Date;
}
