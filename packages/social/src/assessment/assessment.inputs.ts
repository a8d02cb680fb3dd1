import { LocalDate } from '@sl/core';
import { ArrayMaxSize, IsInt, IsOptional, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { AutonomyDegree } from '../recipient/recipient.enums.js';

@InputType({ description: 'One answer of the questionnaire: the item and the level of help' })
export class AssessmentAnswerInput {
  @Field(() => String, { description: 'Item code, as `assessmentQuestionnaire` lists them' })
  @Matches(/^[A-Z_]{1,40}$/, { message: 'Неверный код вопроса анкеты' })
  item!: string;

  /** The range is the questionnaire's (QUESTIONNAIRE_LEVEL_INVALID), checked with the items. */
  @Field(() => Int, { description: 'Help needed: 0 — alone … 3 — only with another person' })
  @IsInt({ message: 'Уровень помощи — целое число' })
  level!: number;
}

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

  @Field(() => [AssessmentAnswerInput], {
    description: 'Every item of the questionnaire answered once; the score is computed from them',
  })
  @ArrayMaxSize(100, { message: 'Слишком много ответов анкеты' })
  @ValidateNested({ each: true })
  answers!: AssessmentAnswerInput[];

  /** Only a check of what the assessor totalled on paper: a total the answers do not give is refused. */
  @Field(() => Int, {
    nullable: true,
    description:
      'The total as the assessor counted it, if given: refused (SCORE_MISMATCH) unless the answers give it',
  })
  @IsOptional()
  @IsInt({ message: 'Балл — целое число' })
  score?: number | null;
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

@InputType({ description: 'Annuls a wrong assessment with the reason; a correct one is then recorded anew' })
export class AnnulAssessmentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор оценки' })
  assessmentId!: string;

  @Field(() => String)
  @Length(5, 1000, { message: 'Причина аннулирования: от 5 до 1000 символов' })
  reason!: string;
}
