import { LocalDate } from '@sl/core';
import { ArrayMaxSize, IsOptional, IsUUID, Length, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ApplicationDocumentKind, AppliedBy, Decision, RefusalGround } from './application.enums.js';

@InputType()
export class ReceivedDocumentInput {
  @Field(() => ApplicationDocumentKind)
  kind!: ApplicationDocumentKind;

  @Field(() => LocalDate)
  receivedOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'The document’s term, e.g. the ИППСУ’s (001 §17)' })
  @IsOptional()
  validUntil?: string | null;
}

@InputType()
export class SubmitApplicationInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор получателя' })
  recipientId!: string;

  @Field(() => LocalDate)
  submittedOn!: string;

  @Field(() => AppliedBy)
  appliedBy!: AppliedBy;

  @Field(() => [ReceivedDocumentInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10, { message: 'Слишком много документов' })
  @ValidateNested({ each: true })
  documents?: ReceivedDocumentInput[];

  @Field(() => LocalDate, { nullable: true })
  @IsOptional()
  consentToAssessmentOn?: string | null;

  @Field(() => LocalDate, { nullable: true })
  @IsOptional()
  consentToDataProcessingOn?: string | null;
}

@InputType()
export class RecordApplicationDocumentsInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор заявления' })
  applicationId!: string;

  @Field(() => [ReceivedDocumentInput], { nullable: true, description: 'Added or re-dated; others stay' })
  @IsOptional()
  @ArrayMaxSize(10, { message: 'Слишком много документов' })
  @ValidateNested({ each: true })
  documents?: ReceivedDocumentInput[];

  @Field(() => LocalDate, { nullable: true })
  @IsOptional()
  consentToAssessmentOn?: string | null;

  @Field(() => LocalDate, { nullable: true })
  @IsOptional()
  consentToDataProcessingOn?: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'The day the person’s written refusal of the assessment was received (001 §16 в)',
  })
  @IsOptional()
  assessmentRefusedOn?: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'The day the person’s written choice of another form of service was received (001 §16 г)',
  })
  @IsOptional()
  otherFormChosenOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Which form of service the person chose' })
  @IsOptional()
  @Length(3, 300, { message: 'Форма обслуживания: от 3 до 300 символов' })
  otherFormChosen?: string | null;
}

@InputType()
export class DecideApplicationInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор заявления' })
  applicationId!: string;

  @Field(() => Decision)
  decision!: Decision;

  @Field(() => RefusalGround, { nullable: true, description: 'Required with REFUSED (001 §16 a–d)' })
  @IsOptional()
  refusalGround?: RefusalGround | null;

  @Field(() => LocalDate)
  decidedOn!: string;

  @Field(() => String, {
    nullable: true,
    description: 'A grant despite an active medical contraindication needs the reason (001 §3 д)',
  })
  @IsOptional()
  @Length(10, 2000, { message: 'Обоснование: от 10 до 2000 символов' })
  contraindicationOverrideReason?: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Grant only: the term of need (001 §10); the assessment’s re-assessment date when omitted',
  })
  @IsOptional()
  needUntil?: string | null;
}
