import { randomUUID } from 'node:crypto';
import type { Opt } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property, Trigger, Unique } from '@mikro-orm/decorators/legacy';
import { Access, figuresVersionTrigger, figureTrigger } from '@sl/core';
import { Authorized, Field, ID, ObjectType } from 'type-graphql';

/** An employer: a registry entry, no personal data (an entrepreneur is listed as a business). */
@ObjectType({ description: 'An employer (registry, not personal data)' })
@Entity({ tableName: 'employer' })
@Trigger(figuresVersionTrigger('employment', 'employer'))
@Trigger(figureTrigger('employment', 'employer', 'id', 'insert'))
@Trigger(figureTrigger('employment', 'employer', 'id', 'update'))
@Trigger(figureTrigger('employment', 'employer', 'id', 'delete'))
@Unique({ properties: ['inn'] })
export class Employer {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Authorized(...Access.REFERENCE)
  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  name!: string;

  @Authorized(...Access.REFERENCE)
  @Field(() => String, { description: 'ИНН: 10 digits (legal entity) or 12 (individual entrepreneur)' })
  @Property({ type: 'string', length: 12 })
  inn!: string;

  @Authorized(...Access.REFERENCE)
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  municipality: string | null = null;

  @Property({ type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
