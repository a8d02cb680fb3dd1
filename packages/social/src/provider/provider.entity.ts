import { randomUUID } from 'node:crypto';
import type { Opt } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { ServiceForm } from './provider.enums.js';

/** A social-service provider of the region's registry (seed 002 appendix 2). */
@ObjectType({ description: 'A social-service provider (поставщик социальных услуг)' })
@Entity({ tableName: 'provider' })
@Check({ name: 'provider_name_present', expression: 'length(name) > 0 and length(short_name) > 0' })
@Check({ name: 'provider_forms_present', expression: 'cardinality(forms) > 0' })
@Check({ name: 'provider_inn_format', expression: "inn is null or inn ~ '^([0-9]{10}|[0-9]{12})$'" })
@Index({ properties: ['shortName', 'id'] })
export class Provider {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The full name as published; the registry is upserted by it. */
  @Field(() => String)
  @Unique()
  @Property({ type: 'string', length: 500 })
  name!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  shortName!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 500 })
  postalAddress!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  municipality!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 50, nullable: true })
  phone: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  email: string | null = null;

  @Field(() => [ServiceForm])
  @Enum({ items: () => ServiceForm, array: true })
  forms!: ServiceForm[];

  @Field(() => String, { nullable: true, description: 'ИНН, 10 or 12 digits' })
  @Property({ type: 'string', length: 12, nullable: true })
  inn: string | null = null;

  @Property({ type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}
