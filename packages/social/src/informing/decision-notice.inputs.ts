import { LocalDate } from '@sl/core';
import { IsOptional, IsUUID, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { NoticeMethod } from './decision-notice.entity.js';

@InputType()
export class RecordDecisionNoticeInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор заявления' })
  applicationId!: string;

  @Field(() => LocalDate, { description: 'On or after the decision, not after today' })
  informedOn!: string;

  @Field(() => NoticeMethod)
  method!: NoticeMethod;

  @Field(() => Boolean, {
    nullable: true,
    description: 'The system’s letter was the one sent (default false)',
  })
  @IsOptional()
  letterGenerated?: boolean | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 500, { message: 'Примечание: до 500 символов' })
  note?: string | null;
}
