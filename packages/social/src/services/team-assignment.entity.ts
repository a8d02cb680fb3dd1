import { randomUUID } from 'node:crypto';
import type { Opt } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Access, LocalDate, Personal } from '@sl/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Recipient } from '../recipient/recipient.entity.js';
import { StaffMember } from './staff-member.entity.js';

/** A staff member on a person's multidisciplinary team over a period (002 §13). */
@ObjectType({ description: "A staff member on a person's multidisciplinary team" })
@Entity({ tableName: 'team_assignment' })
@Check({ name: 'team_assignment_dates_order', expression: 'to_date is null or to_date >= from_date' })
@Unique({
  name: 'team_assignment_one_open_per_member',
  expression:
    'create unique index "team_assignment_one_open_per_member" on "social"."team_assignment" ("recipient_id", "staff_member_id") where "to_date" is null',
})
@Index({ properties: ['recipientId', 'fromDate'] })
export class TeamAssignment {
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
  @Field(() => LocalDate)
  @Property({ type: 'date' })
  fromDate!: string;

  @Personal(Access.SERVICE)
  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  toDate: string | null = null;

  @Property({ type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
