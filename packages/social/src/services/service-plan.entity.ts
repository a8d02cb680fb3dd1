import { randomUUID } from 'node:crypto';
import { DecimalType, type Opt } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Access, LocalDate, Personal } from '@sl/core';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Provider } from '../provider/provider.entity.js';
import { Recipient } from '../recipient/recipient.entity.js';

/** Which provider serves the person, how many hours a week, from when to when. */
@ObjectType({ description: "A person's service plan: provider and planned hours per week" })
@Entity({ tableName: 'service_plan' })
@Check({ name: 'service_plan_dates_order', expression: 'to_date is null or to_date >= from_date' })
// At most 24 hours a day: 168 a week.
@Check({ name: 'service_plan_hours_range', expression: 'hours_per_week > 0 and hours_per_week <= 168' })
@Unique({
  name: 'service_plan_one_open_per_recipient',
  expression:
    'create unique index "service_plan_one_open_per_recipient" on "social"."service_plan" ("recipient_id") where "to_date" is null',
})
@Index({ properties: ['recipientId', 'fromDate'] })
export class ServicePlan {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Personal(Access.SERVICE)
  @Field(() => ID)
  @ManyToOne(() => Recipient, { mapToPk: true, fieldName: 'recipient_id', deleteRule: 'restrict' })
  recipientId!: string;

  @ManyToOne(() => Provider, { deleteRule: 'restrict' })
  provider!: Provider;

  @Personal(Access.SERVICE)
  @Field(() => Float)
  @Property({ type: new DecimalType('number'), precision: 5, scale: 2 })
  hoursPerWeek!: number;

  @Personal(Access.SERVICE)
  @Field(() => LocalDate)
  @Property({ type: 'date' })
  fromDate!: string;

  @Personal(Access.SERVICE)
  @Field(() => LocalDate, { nullable: true, description: 'Last day of the plan; empty while it runs' })
  @Property({ type: 'date', nullable: true })
  toDate: string | null = null;

  /** Why the hours leave the assessed type's range (001 §9.1, 002 §15.3); empty when they do not. */
  @Personal(Access.SERVICE)
  @Field(() => String, { nullable: true, description: 'Why the hours leave the assessed type’s range' })
  @Property({ type: 'string', length: 2000, nullable: true })
  hoursOverrideReason: string | null = null;

  @Property({ type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
