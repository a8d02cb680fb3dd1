import { randomUUID } from 'node:crypto';
import type { Opt } from '@mikro-orm/core';
import {
  Check,
  Entity,
  Index,
  ManyToOne,
  PrimaryKey,
  Property,
  Trigger,
  Unique,
} from '@mikro-orm/decorators/legacy';
import { Access, figuresVersionTrigger, figureTrigger, LocalDate, Personal } from '@sl/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Recipient } from '../recipient/recipient.entity.js';
import { HousingUnit } from './housing-unit.entity.js';

/** Who lives in a unit from when to when; an open row (no end date) holds one place. */
@ObjectType({ description: 'A person living in a housing unit over a period' })
@Entity({ tableName: 'housing_occupancy' })
@Trigger(figuresVersionTrigger('social', 'housing_occupancy'))
@Trigger(figureTrigger('social', 'housing_occupancy', 'unit_id', 'insert'))
@Trigger(figureTrigger('social', 'housing_occupancy', 'unit_id', 'update'))
@Trigger(figureTrigger('social', 'housing_occupancy', 'unit_id', 'delete'))
@Check({ name: 'housing_occupancy_dates_order', expression: 'to_date is null or to_date >= from_date' })
// One open place per person at a time.
@Unique({
  name: 'housing_occupancy_one_open_per_recipient',
  expression:
    'create unique index "housing_occupancy_one_open_per_recipient" on "social"."housing_occupancy" ("recipient_id") where "to_date" is null',
})
@Index({ properties: ['unit', 'toDate'] })
@Index({ properties: ['recipientId', 'fromDate'] })
export class HousingOccupancy {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Personal(Access.SERVICE)
  @Field(() => ID)
  @ManyToOne(() => Recipient, { mapToPk: true, fieldName: 'recipient_id', deleteRule: 'restrict' })
  recipientId!: string;

  @ManyToOne(() => HousingUnit, { deleteRule: 'restrict' })
  unit!: HousingUnit;

  @Personal(Access.SERVICE)
  @Field(() => LocalDate, { description: 'First day in the unit' })
  @Property({ type: 'date' })
  fromDate!: string;

  @Personal(Access.SERVICE)
  @Field(() => LocalDate, {
    nullable: true,
    description: 'Day the place was vacated; empty while living there',
  })
  @Property({ type: 'date', nullable: true })
  toDate: string | null = null;

  @Property({ type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
