import { LocalDate } from '@sl/core';
import { IsEnum, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { TerminationReason } from './termination.enums.js';

@InputType({ description: 'End a person’s supported living (seed 001 §17)' })
export class TerminateParticipationInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Получатель: неверный идентификатор' })
  recipientId!: string;

  @Field(() => TerminationReason)
  @IsEnum(TerminationReason)
  reason!: TerminationReason;

  @Field(() => LocalDate, {
    description: 'Date of the ground: the application filed, the death, the breach, the end of the term…',
  })
  groundOn!: string;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'The end date named in the person’s application (Kaluga, seed 001 §12)',
  })
  @IsOptional()
  requestedOn?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000, { message: 'Примечание: не длиннее 2000 символов' })
  note?: string;
}
