import { randomUUID } from 'node:crypto';
import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { LocalDate } from '@sl/core';
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

@ObjectType({ description: 'A person enrolled in an education programme' })
@Entity({ tableName: 'enrolment' })
@Index({ properties: ['recipientId', 'startDate'] })
export class Enrolment {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The person, by the social subgraph's id: no foreign key across ministries. */
  @Property({ type: 'uuid' })
  recipientId!: string;

  @Field(() => EducationLevel)
  @Enum({ items: () => EducationLevel, nativeEnumName: 'education_level' })
  level!: EducationLevel;

  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  organisation!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  programme!: string;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  startDate!: string;

  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  endDate: string | null = null;

  @Field(() => EnrolmentStatus)
  @Enum({ items: () => EnrolmentStatus, nativeEnumName: 'enrolment_status' })
  status: Opt<EnrolmentStatus> = EnrolmentStatus.ACTIVE;
}
