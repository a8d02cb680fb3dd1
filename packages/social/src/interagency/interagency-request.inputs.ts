import { LocalDate } from '@sl/core';
import { IsOptional, IsUUID, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { InteragencySubject } from './interagency-request.entity.js';

@InputType()
export class SendInteragencyRequestInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор получателя' })
  recipientId!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Неверный идентификатор заявления' })
  applicationId?: string | null;

  @Field(() => ID, { description: 'The receiving agency, of the region’s agency directory' })
  @IsUUID('all', { message: 'Выберите ведомство из справочника' })
  agencyId!: string;

  @Field(() => InteragencySubject)
  subject!: InteragencySubject;

  @Field(() => LocalDate)
  sentOn!: string;
}

@InputType()
export class RecordInteragencyAnswerInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор запроса' })
  requestId!: string;

  @Field(() => LocalDate)
  answeredOn!: string;

  @Field(() => String)
  @Length(1, 5000, { message: 'Ответ: от 1 до 5000 символов' })
  answer!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The paper answer’s number and date (required: the coordinator marks a paper answer, never answers)',
  })
  @IsOptional()
  @Length(3, 300, { message: 'Реквизиты документа: от 3 до 300 символов' })
  document?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Medical conclusion on paper: whether it found contraindications (required for that subject)',
  })
  @IsOptional()
  contraindicationsPresent?: boolean | null;
}

@InputType({
  description:
    'The answering ministry marks the request answered once it has created its record (e.g. the conclusion)',
})
export class MarkInteragencyAnsweredInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор запроса' })
  requestId!: string;

  @Field(() => ID, { description: 'The person the ministry answered about, as its queue listed them' })
  @IsUUID('all', { message: 'Неверный идентификатор получателя' })
  recipientId!: string;

  @Field(() => ID, { description: 'The record the ministry created in answer (e.g. the conclusion’s id)' })
  @IsUUID('all', { message: 'Неверный идентификатор ответа ведомства' })
  answerRecordId!: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Medical conclusion: whether the conclusion found contraindications (order 202н)',
  })
  @IsOptional()
  contraindicationsPresent?: boolean | null;
}
