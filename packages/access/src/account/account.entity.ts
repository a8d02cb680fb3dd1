import { randomUUID } from 'node:crypto';
import type { Opt } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Access, Role } from '@sl/core';
import { Authorized, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

registerEnumType(Role, { name: 'Role', description: 'What a user or an API client may do (docs/access.md)' });

/** A person who signs in: a ministry officer, a coordinator, provider staff, a Council member… */
@ObjectType({ description: 'A user account' })
@Entity({ tableName: 'account' })
export class Account {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Stored lower-case: logins are compared without case. */
  @Field(() => String)
  @Unique()
  @Property({ type: 'string', length: 64 })
  login!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  displayName!: string;

  @Property({ type: 'string', length: 200, hidden: true })
  passwordHash!: string;

  @Field(() => [Role])
  @Property({ type: 'string[]' })
  roles!: Role[];

  @Field(() => ID, {
    nullable: true,
    description: 'The agency of the directory (`agency(id)`) the user works for',
  })
  @Property({ type: 'string', length: 200, nullable: true })
  agencyId: string | null = null;

  @Field(() => ID, { nullable: true, description: 'For provider staff: the provider they work for' })
  @Property({ type: 'uuid', nullable: true })
  providerId: string | null = null;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  active: Opt<boolean> = true;

  @Property({ type: 'integer', default: 0 })
  failedAttempts: Opt<number> = 0;

  /** Set by an administrator's reset: until the user picks their own, the session may only change it. */
  @Field(() => Boolean, {
    description: 'The password was reset: the user must change it before anything else',
  })
  @Property({ type: 'boolean', default: false })
  mustChangePassword: Opt<boolean> = false;

  @Authorized(Access.ADMINISTRATION)
  @Field(() => Date, { nullable: true, description: 'Locked after repeated failed sign-ins until then' })
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  lockedUntil: Date | null = null;

  @Field(() => Date)
  @Property({ type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
