import { LocalDate } from '@sl/core';
import { IsOptional, IsUUID, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class RecordPmpkRecommendationInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор получателя' })
  recipientId!: string;

  @Field(() => LocalDate)
  issuedOn!: string;

  @Field(() => String)
  @Length(2, 300, { message: 'Комиссия: от 2 до 300 символов' })
  commission!: string;

  @Field(() => String)
  @Length(2, 300, { message: 'Программа: от 2 до 300 символов' })
  programme!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 5000, { message: 'Условия: от 2 до 5000 символов' })
  conditions?: string | null;
}
