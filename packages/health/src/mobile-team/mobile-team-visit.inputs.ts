import { LocalDate } from '@sl/core';
import { IsUUID, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class RecordMobileTeamVisitInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор получателя' })
  recipientId!: string;

  @Field(() => LocalDate)
  visitedOn!: string;

  @Field(() => String)
  @Length(2, 300, { message: 'Бригада: от 2 до 300 символов' })
  team!: string;

  @Field(() => String)
  @Length(2, 5000, { message: 'Оказанная помощь: от 2 до 5000 символов' })
  help!: string;
}
