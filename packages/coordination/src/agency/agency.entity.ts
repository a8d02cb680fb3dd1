import { randomUUID } from 'node:crypto';
import {
  Check,
  Entity,
  Enum,
  Index,
  PrimaryKey,
  Property,
  Trigger,
  Unique,
} from '@mikro-orm/decorators/legacy';
import { figuresVersionTrigger } from '@sl/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { AgencyKind } from './agency.kind.js';

/** An executive body, institution group or organisation a roadmap or the Council names. */
@ObjectType({
  description: 'An agency of a region: ministry, institution, municipalities, NGO, federal body',
})
@Trigger(figuresVersionTrigger('coordination', 'agency'))
@Entity({ tableName: 'agency' })
@Unique({ properties: ['region', 'name'] })
@Index({ properties: ['region', 'name', 'id'] })
@Check({ name: 'agency_name_present', expression: 'length(name) > 0' })
export class Agency {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'Region code (kaliningrad, novosibirsk, astrakhan, …)' })
  @Property({ type: 'string', length: 40 })
  region!: string;

  @Field(() => String, { description: 'Full name' })
  @Property({ type: 'string', length: 500 })
  name!: string;

  @Field(() => [String], { description: 'Abbreviations and other spellings used in documents' })
  @Property({ type: 'json' })
  abbreviations: string[] = [];

  @Field(() => AgencyKind)
  @Enum({ items: () => AgencyKind, nativeEnumName: 'agency_kind' })
  kind!: AgencyKind;
}
