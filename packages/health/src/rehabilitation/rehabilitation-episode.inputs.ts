import { LocalDate } from '@sl/core';
import { IsOptional, IsUUID, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ICD10 } from '../conclusion/medical-conclusion.inputs.js';
import { RehabilitationSetting } from './rehabilitation-episode.entity.js';

@InputType()
export class RecordRehabilitationEpisodeInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор получателя' })
  recipientId!: string;

  @Field(() => RehabilitationSetting)
  setting!: RehabilitationSetting;

  @Field(() => String)
  @Length(2, 300, { message: 'Медицинская организация: от 2 до 300 символов' })
  organisation!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(ICD10, { message: 'Код МКБ-10 в формате F20 или F20.0' })
  condition?: string | null;

  @Field(() => LocalDate)
  startDate!: string;

  @Field(() => LocalDate, { nullable: true })
  @IsOptional()
  endDate?: string | null;
}
