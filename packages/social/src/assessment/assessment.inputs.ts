import { LocalDate } from '@sl/core';
import { IsInt, IsOptional, IsUUID, Length } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { AutonomyDegree } from '../recipient/recipient.enums.js';

@InputType()
export class RecordAssessmentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор получателя' })
  recipientId!: string;

  @Field(() => LocalDate)
  assessedOn!: string;

  @Field(() => String)
  @Length(3, 300, { message: 'Кто проводил оценку: от 3 до 300 символов' })
  assessor!: string;

  /** The range is the rule set's (SCORE_OUT_OF_RANGE), checked in the service, not here. */
  @Field(() => Int, { description: 'Total score by order 606н, 23–272' })
  @IsInt({ message: 'Балл — целое число' })
  score!: number;
}

@InputType({ description: 'Narrows the list of assessments' })
export class AssessmentFilter {
  @Field(() => AutonomyDegree, { nullable: true })
  @IsOptional()
  degree?: AutonomyDegree | null;

  @Field(() => LocalDate, { nullable: true, description: 'Re-assessment due before this day (exclusive)' })
  @IsOptional()
  reassessmentDueBefore?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Assessed on or after this day' })
  @IsOptional()
  assessedFrom?: string | null;
}
