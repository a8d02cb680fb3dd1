import { LocalDate } from '@sl/core';
import { IsOptional, IsUUID, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { WorkKind } from '../work-kind.js';
import { WorkplaceOrigin } from './vacancy.entity.js';

@InputType()
export class CreateVacancyInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор работодателя' })
  employerId!: string;

  @Field(() => String)
  @Length(2, 200, { message: 'Должность: от 2 до 200 символов' })
  position!: string;

  @Field(() => WorkKind)
  workKind!: WorkKind;

  @Field(() => Boolean)
  quota!: boolean;

  @Field(() => WorkplaceOrigin, { defaultValue: WorkplaceOrigin.REGULAR })
  origin!: WorkplaceOrigin;

  @Field(() => LocalDate)
  openedOn!: string;
}

@InputType()
export class VacancyFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Неверный идентификатор работодателя' })
  employerId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only quota jobs (true) or only others (false)' })
  quota?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only vacancies still open' })
  open?: boolean | null;
}
