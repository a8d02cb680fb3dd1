import { randomUUID } from 'node:crypto';
import { DecimalType, type Opt } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Access, Personal } from '@sl/core';
import { Field, Float, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { Recipient } from '../recipient/recipient.entity.js';
import { StaffMember } from './staff-member.entity.js';

/** A home visit of a team member on the approved schedule (002 §14), and the hours it gave. */
@ObjectType({ description: 'A scheduled visit of a team member and the hours delivered' })
@Entity({ tableName: 'visit' })
@Check({
  name: 'visit_hours_when_delivered',
  expression:
    '(delivered and hours_delivered > 0 and hours_delivered <= 24) or (not delivered and hours_delivered is null)',
})
@Index({ properties: ['recipientId', 'plannedAt'] })
@Index({ properties: ['staffMember', 'plannedAt'] })
// The list of all visits, latest first (keyset on planned_at, id).
@Index({ properties: ['plannedAt', 'id'] })
export class Visit {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Personal(Access.SERVICE)
  @Field(() => ID)
  @ManyToOne(() => Recipient, { mapToPk: true, fieldName: 'recipient_id', deleteRule: 'restrict' })
  recipientId!: string;

  @ManyToOne(() => StaffMember, { deleteRule: 'restrict' })
  staffMember!: StaffMember;

  @Personal(Access.SERVICE)
  @Field(() => GraphQLISODateTime)
  @Property({ type: 'Date', columnType: 'timestamptz' })
  plannedAt!: Date;

  @Personal(Access.SERVICE)
  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  delivered: Opt<boolean> = false;

  @Personal(Access.SERVICE)
  @Field(() => Float, { nullable: true })
  @Property({ type: new DecimalType('number'), precision: 4, scale: 2, nullable: true })
  hoursDelivered: number | null = null;

  /** Set once the outcome is recorded: an outcome is never overwritten by a second form. */
  @Personal(Access.SERVICE)
  @Field(() => Date, {
    nullable: true,
    description: 'When the outcome was recorded; empty while the visit awaits it',
  })
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  recordedAt: Date | null = null;

  @Property({ type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
