import { LocalDate } from '@sl/core';
import { IsOptional, IsUUID, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { EducationLevel, EnrolmentStatus, StudyForm } from './enrolment.entity.js';

@InputType()
export class EnrolRecipientInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор получателя' })
  recipientId!: string;

  @Field(() => EducationLevel)
  level!: EducationLevel;

  @Field(() => String)
  @Length(2, 300, { message: 'Образовательная организация: от 2 до 300 символов' })
  organisation!: string;

  @Field(() => String)
  @Length(2, 300, { message: 'Программа: от 2 до 300 символов' })
  programme!: string;

  @Field(() => StudyForm)
  form!: StudyForm;

  @Field(() => LocalDate)
  startDate!: string;
}

@InputType()
export class FinishEnrolmentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор обучения' })
  enrolmentId!: string;

  @Field(() => LocalDate)
  endDate!: string;

  @Field(() => Boolean, { description: 'True: programme completed; false: interrupted' })
  completed!: boolean;
}

@InputType({ description: 'Narrows the list of enrolments' })
export class EnrolmentFilter {
  @Field(() => EducationLevel, { nullable: true })
  @IsOptional()
  level?: EducationLevel | null;

  @Field(() => EnrolmentStatus, { nullable: true })
  @IsOptional()
  status?: EnrolmentStatus | null;

  @Field(() => LocalDate, { nullable: true, description: 'Started on or after this day' })
  @IsOptional()
  startedFrom?: string | null;
}
