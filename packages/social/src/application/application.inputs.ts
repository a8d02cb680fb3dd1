import { LocalDate } from '@sl/core';
import { ArrayMaxSize, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ApplicationDocumentKind, AppliedBy, Decision, RefusalGround } from './application.enums.js';

@InputType()
export class ReceivedDocumentInput {
  @Field(() => ApplicationDocumentKind)
  kind!: ApplicationDocumentKind;

  @Field(() => LocalDate)
  receivedOn!: string;
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
}
