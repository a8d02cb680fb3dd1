import { LocalDate } from '@sl/core';
import { ArrayMaxSize, IsUUID, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class RecordGuidanceSessionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор получателя' })
  recipientId!: string;

  @Field(() => LocalDate)
  heldOn!: string;

  @Field(() => String)
  @Length(2, 300, { message: 'Организация: от 2 до 300 символов' })
  organisation!: string;

  @Field(() => [String])
  @ArrayMaxSize(10, { message: 'Не более 10 профессий' })
  @Length(2, 200, { each: true, message: 'Профессия: от 2 до 200 символов' })
  suggestedProfessions!: string[];
}
