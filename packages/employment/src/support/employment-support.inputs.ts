import { LocalDate } from '@sl/core';
import { IsOptional, IsUUID, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { SupportKind } from './employment-support.entity.js';

@InputType()
export class RecordEmploymentSupportInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор получателя' })
  recipientId!: string;

  @Field(() => SupportKind)
  kind!: SupportKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 300, { message: 'Программа: от 2 до 300 символов' })
  programme?: string | null;

  @Field(() => LocalDate)
  startDate!: string;

  @Field(() => LocalDate, { nullable: true })
  @IsOptional()
  endDate?: string | null;
}
