import { LocalDate } from '@sl/core';
import {
  IsEmail,
  IsInt,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { HousingPlaceFilter, PendingApplicationFilter } from '../indicators/people-behind.js';
import { StageKind } from '../stage/stage.enums.js';
import {
  AutonomyDegree,
  DisabilityGroup,
  LegalCapacity,
  RepresentativeKind,
  Sex,
} from './recipient.enums.js';

/**
 * Letters (any alphabet), with the spaces, hyphens, apostrophes and dots real names use
 * (Мамин-Сибиряк, д'Артаньян, Ким Ир). Anything else — markup, SQL, control characters, broken
 * Unicode — is not a name.
 */
const PERSON_NAME = /^\p{L}[\p{L}\p{M}' .\u2019-]*$/u;
const NAME_MESSAGE = (what: string) => `${what}: только буквы, пробел, дефис, апостроф или точка`;

export enum RecipientSortField {
  NAME = 'NAME',
  BIRTH_DATE = 'BIRTH_DATE',
}
registerEnumType(RecipientSortField, { name: 'RecipientSortField' });

export enum SortDirectionEnum {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirectionEnum, { name: 'SortDirection' });

/** Whom a list is limited to by what its people consented to share. */
export enum SharedWith {
  ME = 'ME',
}
registerEnumType(SharedWith, {
  name: 'SharedWith',
  valuesConfig: {
    ME: {
      description:
        'Only the people whose data is shared with the caller now: for a ministry officer, consent to processing and to sharing with their ministry (or agency) in force; everyone the caller may see otherwise',
    },
  },
});

const SNILS_INPUT = /^[\d\s-]{11,14}$/;

@InputType()
export class RecipientFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Part of the full name, any case, ё and е alike; several words must all match',
  })
  @IsOptional()
  @Length(1, 200, { message: 'Поиск по ФИО: от 1 до 200 символов' })
  name?: string;

  @Field(() => String, { nullable: true, description: 'Exact municipality' })
  @IsOptional()
  @Length(1, 200, { message: 'Муниципальное образование: от 1 до 200 символов' })
  municipality?: string;

  @Field(() => String, { nullable: true, description: 'СНИЛС, with or without separators' })
  @IsOptional()
  @Matches(SNILS_INPUT, { message: 'СНИЛС: 11 цифр' })
  snils?: string;

  @Field(() => AutonomyDegree, { nullable: true, description: 'Degree given by the latest assessment' })
  @IsOptional()
  degree?: AutonomyDegree;

  @Field(() => StageKind, { nullable: true, description: 'The stage the person is in now (seed 002 §15)' })
  @IsOptional()
  stage?: StageKind;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'false: only people whose supported living was never terminated (whom the Council’s figures count); true: only those whose was',
  })
  @IsOptional()
  terminated?: boolean;

  @Field(() => ID, {
    nullable: true,
    description: 'The provider serving the person now: of the current stage or the open service plan',
  })
  @IsOptional()
  @IsUUID('all', { message: 'Поставщик: неверный идентификатор' })
  providerId?: string;

  @Field(() => SharedWith, {
    nullable: true,
    description:
      'ME: only the people whose data the caller may read under their consents (a ministry officer always gets only these)',
  })
  @IsOptional()
  sharedWith?: SharedWith;

  @Field(() => ID, { nullable: true, description: 'Only the cases this coordinator (account id) runs' })
  @IsOptional()
  @IsUUID('all', { message: 'Координатор: неверный идентификатор' })
  caseCoordinatorId?: string;

  @Field(() => PendingApplicationFilter, {
    nullable: true,
    description: 'Only people with an application pending on a date (coordinators: `Access.CASE`)',
  })
  @IsOptional()
  @ValidateNested()
  pendingApplication?: PendingApplicationFilter;

  @Field(() => HousingPlaceFilter, {
    nullable: true,
    description: 'Only people holding a place of a housing kind on a date (`Access.SERVICE`)',
  })
  @IsOptional()
  @ValidateNested()
  housing?: HousingPlaceFilter;
}

@InputType()
export class RecipientOrder {
  @Field(() => RecipientSortField)
  field: RecipientSortField = RecipientSortField.NAME;

  @Field(() => SortDirectionEnum)
  direction: SortDirectionEnum = SortDirectionEnum.ASC;
}

@InputType()
export class RepresentativeInput {
  @Field(() => RepresentativeKind)
  kind!: RepresentativeKind;

  @Field(() => String)
  @Length(3, 300, { message: 'ФИО представителя: от 3 до 300 символов' })
  fullName!: string;

  @Field(() => String)
  @Length(3, 300, { message: 'Документ, удостоверяющий личность представителя: от 3 до 300 символов' })
  identityDocument!: string;

  @Field(() => String)
  @Length(3, 300, { message: 'Документ, подтверждающий полномочия: от 3 до 300 символов' })
  authorityDocument!: string;
}

const degreeMessage = { message: 'Степень ограничения: целое число от 0 до 3' };

@InputType()
export class LifeLimitationsInput {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt(degreeMessage)
  @Min(0, degreeMessage)
  @Max(3, degreeMessage)
  selfCare?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt(degreeMessage)
  @Min(0, degreeMessage)
  @Max(3, degreeMessage)
  movement?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt(degreeMessage)
  @Min(0, degreeMessage)
  @Max(3, degreeMessage)
  orientation?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt(degreeMessage)
  @Min(0, degreeMessage)
  @Max(3, degreeMessage)
  communication?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt(degreeMessage)
  @Min(0, degreeMessage)
  @Max(3, degreeMessage)
  learning?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt(degreeMessage)
  @Min(0, degreeMessage)
  @Max(3, degreeMessage)
  behaviourControl?: number | null;
}

/** Fields shared by create and update; on update an omitted field is left as it is. */
@InputType('RecipientFields')
abstract class RecipientFields {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100, { message: 'Отчество: до 100 символов' })
  @Matches(PERSON_NAME, { message: NAME_MESSAGE('Отчество') })
  patronymic?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(5, 500, { message: 'Адрес: от 5 до 500 символов' })
  address?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\+?[\d\s()-]{5,20}$/, { message: 'Телефон: цифры, пробелы, скобки и дефисы, до 20 знаков' })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'Неверный адрес электронной почты' })
  @MaxLength(200, { message: 'Адрес электронной почты: до 200 символов' })
  email?: string | null;

  @Field(() => LegalCapacity, { nullable: true })
  @IsOptional()
  legalCapacity?: LegalCapacity | null;

  @Field(() => RepresentativeInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  representative?: RepresentativeInput | null;

  @Field(() => DisabilityGroup, { nullable: true })
  @IsOptional()
  disabilityGroup?: DisabilityGroup | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 60, { message: 'Номер ИПРА: до 60 символов' })
  ipraNumber?: string | null;

  @Field(() => LocalDate, { nullable: true })
  @IsOptional()
  ipraDate?: string | null;

  @Field(() => LifeLimitationsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  limitations?: LifeLimitationsInput | null;
}

@InputType()
export class CreateRecipientInput extends RecipientFields {
  @Field(() => String, { description: 'СНИЛС, with or without separators' })
  @Matches(SNILS_INPUT, { message: 'СНИЛС: 11 цифр' })
  snils!: string;

  @Field(() => String)
  @Length(1, 100, { message: 'Фамилия: от 1 до 100 символов' })
  @Matches(PERSON_NAME, { message: NAME_MESSAGE('Фамилия') })
  lastName!: string;

  @Field(() => String)
  @Length(1, 100, { message: 'Имя: от 1 до 100 символов' })
  @Matches(PERSON_NAME, { message: NAME_MESSAGE('Имя') })
  firstName!: string;

  @Field(() => LocalDate)
  birthDate!: string;

  @Field(() => Sex)
  sex!: Sex;

  @Field(() => String)
  @Length(1, 200, { message: 'Муниципальное образование: от 1 до 200 символов' })
  municipality!: string;
}

@InputType()
export class UpdateRecipientInput extends RecipientFields {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор получателя' })
  id!: string;

  @Field(() => Int, { description: 'The `version` of the record this edit was made on' })
  @IsInt({ message: 'Версия записи: целое число' })
  @Min(1, { message: 'Версия записи: целое число' })
  version!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(SNILS_INPUT, { message: 'СНИЛС: 11 цифр' })
  snils?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100, { message: 'Фамилия: от 1 до 100 символов' })
  @Matches(PERSON_NAME, { message: NAME_MESSAGE('Фамилия') })
  lastName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100, { message: 'Имя: от 1 до 100 символов' })
  @Matches(PERSON_NAME, { message: NAME_MESSAGE('Имя') })
  firstName?: string;

  @Field(() => LocalDate, { nullable: true })
  @IsOptional()
  birthDate?: string;

  @Field(() => Sex, { nullable: true })
  @IsOptional()
  sex?: Sex;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'Муниципальное образование: от 1 до 200 символов' })
  municipality?: string;
}

@InputType({ description: 'Hands the person’s case to a coordinator' })
export class AssignCaseCoordinatorInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор получателя' })
  recipientId!: string;

  @Field(() => ID, { description: 'The coordinator’s account id' })
  @IsUUID('all', { message: 'Неверный идентификатор учётной записи координатора' })
  accountId!: string;
}
