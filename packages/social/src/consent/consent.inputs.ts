import { LocalDate } from '@sl/core';
import { IsOptional, IsUUID, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ConsentKind, Ministry } from './consent.enums.js';

@InputType({
  description: 'Which consent: its kind, and for sharing the ministry (and optionally one agency)',
})
export class ConsentScopeInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор получателя' })
  recipientId!: string;

  @Field(() => ConsentKind)
  kind!: ConsentKind;

  @Field(() => Ministry, { nullable: true, description: 'Required for SHARING, absent otherwise' })
  @IsOptional()
  sharedWith?: Ministry | null;

  @Field(() => String, { nullable: true, description: 'For SHARING: one agency of the ministry only' })
  @IsOptional()
  @Length(2, 200, { message: 'Ведомство: от 2 до 200 символов' })
  agencyId?: string | null;

  @Field(() => String, { nullable: true, description: 'The signed document' })
  @IsOptional()
  @Length(2, 300, { message: 'Документ: от 2 до 300 символов' })
  document?: string | null;
}

@InputType()
export class GiveConsentInput extends ConsentScopeInput {
  @Field(() => LocalDate)
  givenOn!: string;
}

@InputType()
export class WithdrawConsentInput extends ConsentScopeInput {
  @Field(() => LocalDate)
  withdrawnOn!: string;
}
