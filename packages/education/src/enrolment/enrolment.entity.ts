import { randomUUID } from 'node:crypto';
import type { Opt } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, PrimaryKey, Property, Trigger } from '@mikro-orm/decorators/legacy';
import { Access, figuresVersionTrigger, figureTrigger, LocalDate, Personal } from '@sl/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum EducationLevel {
  GENERAL = 'GENERAL',
  VOCATIONAL = 'VOCATIONAL',
  FURTHER_PROFESSIONAL = 'FURTHER_PROFESSIONAL',
}
registerEnumType(EducationLevel, {
  name: 'EducationLevel',
  description: 'General, vocational or further professional education (seed 000 item 9, seed 003 item 2.14)',
});

export enum EnrolmentStatus {
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  INTERRUPTED = 'INTERRUPTED',
}
registerEnumType(EnrolmentStatus, { name: 'EnrolmentStatus' });

export enum StudyForm {
  FULL_TIME = 'FULL_TIME',
  PART_TIME = 'PART_TIME',
  DISTANCE = 'DISTANCE',
}
registerEnumType(StudyForm, {
  name: 'StudyForm',
  valuesConfig: {
    FULL_TIME: { description: 'очная' },
    PART_TIME: { description: 'очно-заочная или заочная' },
    DISTANCE: { description: 'дистанционная' },
  },
});

@ObjectType({ description: 'A person enrolled in an education programme' })
@Entity({ tableName: 'enrolment' })
@Trigger(figuresVersionTrigger('education', 'enrolment'))
@Trigger(figureTrigger('education', 'enrolment', 'recipient_id', 'insert'))
@Trigger(figureTrigger('education', 'enrolment', 'recipient_id', 'update'))
@Trigger(figureTrigger('education', 'enrolment', 'recipient_id', 'delete'))
@Index({ properties: ['recipientId', 'startDate'] })
@Index({ properties: ['startDate'] })
@Check({ name: 'enrolment_dates_order', expression: 'end_date is null or end_date >= start_date' })
@Check({ name: 'enrolment_active_has_no_end', expression: "(status = 'ACTIVE') = (end_date is null)" })
export class Enrolment {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The person, by the social subgraph's id: no foreign key across ministries. */
  @Field(() => ID)
  @Property({ type: 'uuid' })
  recipientId!: string;

  @Personal(Access.EDUCATION)
  @Field(() => EducationLevel)
  @Enum({ items: () => EducationLevel, nativeEnumName: 'education_level' })
  level!: EducationLevel;

  @Personal(Access.EDUCATION)
  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  organisation!: string;

  @Personal(Access.EDUCATION)
  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  programme!: string;

  @Personal(Access.EDUCATION)
  @Field(() => LocalDate)
  @Property({ type: 'date' })
  startDate!: string;

  @Personal(Access.EDUCATION)
  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  endDate: string | null = null;

  @Personal(Access.EDUCATION)
  @Field(() => StudyForm)
  @Enum({ items: () => StudyForm, nativeEnumName: 'study_form', default: StudyForm.FULL_TIME })
  form: Opt<StudyForm> = StudyForm.FULL_TIME;

  @Personal(Access.EDUCATION)
  @Field(() => EnrolmentStatus)
  @Enum({ items: () => EnrolmentStatus, nativeEnumName: 'enrolment_status' })
  status: Opt<EnrolmentStatus> = EnrolmentStatus.ACTIVE;
}
