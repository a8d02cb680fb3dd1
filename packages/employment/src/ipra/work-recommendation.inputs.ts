import { LocalDate } from '@sl/core';
import { ArrayUnique, IsUUID, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { WorkKind } from '../work-kind.js';

@InputType({ description: 'The employment recommendations of an ИПРА; replaces those recorded before' })
export class RecordIpraWorkKindsInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор получателя' })
  recipientId!: string;

  @Field(() => String)
  @Length(1, 50, { message: 'Номер ИПРА: от 1 до 50 символов' })
  ipraNumber!: string;

  @Field(() => LocalDate)
  ipraIssuedOn!: string;

  @Field(() => [WorkKind])
  @ArrayUnique({ message: 'Виды труда не должны повторяться' })
  recommended!: WorkKind[];

  @Field(() => [WorkKind])
  @ArrayUnique({ message: 'Виды труда не должны повторяться' })
  forbidden!: WorkKind[];
}
