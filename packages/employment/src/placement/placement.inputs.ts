import { LocalDate } from '@sl/core';
import { IsOptional, IsUUID, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { WorkKind } from '../work-kind.js';

@InputType()
export class PlaceRecipientInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор получателя' })
  recipientId!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор работодателя' })
  employerId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The vacancy filled, if any; it is closed on the start date',
  })
  @IsOptional()
  @IsUUID('all', { message: 'Неверный идентификатор вакансии' })
  vacancyId?: string | null;

  @Field(() => String)
  @Length(2, 200, { message: 'Должность: от 2 до 200 символов' })
  position!: string;

  @Field(() => WorkKind, { nullable: true, description: 'Required without a vacancy; else the vacancy’s' })
  @IsOptional()
  workKind?: WorkKind | null;

  @Field(() => LocalDate)
  startDate!: string;

  @Field(() => String, { nullable: true, description: 'The mentor: given for supported employment' })
  @IsOptional()
  @Length(2, 200, { message: 'Наставник: от 2 до 200 символов' })
  mentorName?: string | null;
}

@InputType()
export class EndPlacementInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор трудоустройства' })
  placementId!: string;

  @Field(() => LocalDate)
  endDate!: string;
}

@InputType({ description: 'Narrows the list of placements' })
export class PlacementFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Неверный идентификатор работодателя' })
  employerId?: string | null;

  @Field(() => WorkKind, { nullable: true })
  @IsOptional()
  workKind?: WorkKind | null;

  @Field(() => Boolean, { nullable: true, description: 'Supported employment (with a mentor) or not' })
  @IsOptional()
  supported?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only placements under way today' })
  @IsOptional()
  current?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Only placements in a kind of work the person’s ИПРА (recorded later or earlier) forbids: with `current`, the alert list',
  })
  @IsOptional()
  forbiddenByIpra?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Only jobs at employers of this municipality: with `activeOn`, the people behind the municipality’s `peopleEmployed`',
  })
  @IsOptional()
  @Length(1, 200, { message: 'Муниципальное образование: от 1 до 200 символов' })
  employerMunicipality?: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'Only placements under way on this day (started by it, not ended before it); `current` is today',
  })
  @IsOptional()
  activeOn?: string | null;
}
