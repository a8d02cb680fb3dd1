import { randomUUID } from 'node:crypto';
import type { Opt } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Role } from '@sl/core';
import { Field, ID, ObjectType } from 'type-graphql';

/** A partner agency's system that queries the graph with its own credentials. */
@ObjectType({ description: "A partner agency's system" })
@Entity({ tableName: 'api_client' })
export class ApiClient {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String)
  @Unique()
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => ID, { description: 'The agency of the directory (`agency(id)`) the system belongs to' })
  @Property({ type: 'string', length: 200 })
  agencyId!: string;

  @Field(() => [Role])
  @Property({ type: 'string[]' })
  roles!: Role[];

  @Property({ type: 'string', columnType: 'char(64)', hidden: true })
  secretHash!: string;

  /** After a rotation the old secret keeps working for a day, so the partner can switch over. */
  @Property({ type: 'string', columnType: 'char(64)', nullable: true, hidden: true })
  previousSecretHash: string | null = null;

  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  previousSecretValidUntil: Date | null = null;

  @Field(() => [String], {
    nullable: true,
    description: 'SHA-256 of each query document the client may send; null = any operation its roles allow',
  })
  @Property({ type: 'string[]', nullable: true })
  allowedOperations: string[] | null = null;

  @Field(() => Date)
  @Property({ type: 'Date', columnType: 'timestamptz' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  rotatedAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  revokedAt: Opt<Date> | null = null;
}
