import { randomUUID } from 'node:crypto';
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
import { Access, figuresVersionTrigger, figureTrigger, LocalDate, Personal } from '@sl/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Employer } from '../employer/employer.entity.js';
import { Vacancy } from '../vacancy/vacancy.entity.js';
import { WorkKind } from '../work-kind.js';

@ObjectType({ description: 'A job placement of a person (seed 000 item 11, seed 004 item 2.2.2)' })
@Entity({ tableName: 'placement' })
@Trigger(figuresVersionTrigger('employment', 'placement'))
@Trigger(figureTrigger('employment', 'placement', 'recipient_id', 'insert'))
@Trigger(figureTrigger('employment', 'placement', 'recipient_id', 'update'))
@Trigger(figureTrigger('employment', 'placement', 'recipient_id', 'delete'))
@Index({ properties: ['recipientId', 'startDate'] })
@Index({ properties: ['startDate'] })
@Check({ name: 'placement_dates_order', expression: 'end_date is null or end_date >= start_date' })
@Check({ name: 'placement_mentor_when_supported', expression: 'supported = (mentor_name is not null)' })
export class Placement {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The person, by the social subgraph's id: no foreign key across ministries. */
  @Field(() => ID)
  @Property({ type: 'uuid' })
  recipientId!: string;

  @ManyToOne(() => Employer, { deleteRule: 'restrict' })
  employer!: Employer;

  @ManyToOne(() => Vacancy, { nullable: true, deleteRule: 'restrict' })
  vacancy: Vacancy | null = null;

  @Personal(Access.EMPLOYMENT)
  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  position!: string;

  @Personal(Access.EMPLOYMENT)
  @Field(() => WorkKind)
  @Enum({ items: () => WorkKind, nativeEnumName: 'work_kind' })
  workKind!: WorkKind;

  @Personal(Access.EMPLOYMENT)
  @Field(() => LocalDate)
  @Property({ type: 'date' })
  startDate!: string;

  @Personal(Access.EMPLOYMENT)
  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  endDate: string | null = null;

  @Personal(Access.EMPLOYMENT)
  @Field(() => Boolean, { description: 'Supported employment with a mentor (004 п. 2.2.2)' })
  @Property({ type: 'boolean' })
  supported!: boolean;

  @Personal(Access.EMPLOYMENT)
  @Field(() => String, { nullable: true, description: 'The mentor (наставник), when supported' })
  @Property({ type: 'string', length: 200, nullable: true })
  mentorName: string | null = null;

  @Personal(Access.EMPLOYMENT)
  @Field(() => Boolean, { description: 'On a quota job (004 п. 2.2.1)' })
  @Property({ type: 'boolean', default: false })
  quota: boolean = false;

  /** Under way on the given day. */
  isActiveOn(day: string): boolean {
    return this.startDate <= day && (this.endDate === null || this.endDate >= day);
  }
}
