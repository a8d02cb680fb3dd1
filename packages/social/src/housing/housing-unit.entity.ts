import { randomUUID } from 'node:crypto';
import type { Opt } from '@mikro-orm/core';
import {
  Check,
  Entity,
  Enum,
  Index,
  ManyToOne,
  PrimaryKey,
  Property,
  Trigger,
} from '@mikro-orm/decorators/legacy';
import { figuresVersionTrigger, figureTrigger } from '@sl/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Provider } from '../provider/provider.entity.js';
import { HousingKind } from './housing.enums.js';

/** A flat, unit or room where supported living happens, with a fixed number of places. */
@ObjectType({ description: 'A housing unit of supported living with its number of places' })
@Entity({ tableName: 'housing_unit' })
@Trigger(figuresVersionTrigger('social', 'housing_unit'))
@Trigger(figureTrigger('social', 'housing_unit', 'id', 'insert'))
@Trigger(figureTrigger('social', 'housing_unit', 'id', 'update'))
@Trigger(figureTrigger('social', 'housing_unit', 'id', 'delete'))
@Check({ name: 'housing_unit_places_range', expression: 'places >= 1 and places <= 500' })
@Check({ name: 'housing_unit_address_present', expression: 'length(address) > 0' })
@Index({ properties: ['address', 'id'] })
export class HousingUnit {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => HousingKind)
  @Enum({ items: () => HousingKind })
  kind!: HousingKind;

  @Field(() => String)
  @Property({ type: 'string', length: 500 })
  address!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  municipality!: string;

  /** The provider that runs the unit; none for the person's own flat. */
  @ManyToOne(() => Provider, { nullable: true, deleteRule: 'restrict' })
  operator: Provider | null = null;

  @Field(() => Int, { description: 'Number of places: never more occupants at a time' })
  @Property({ type: 'integer' })
  places!: number;

  @Property({ type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}
