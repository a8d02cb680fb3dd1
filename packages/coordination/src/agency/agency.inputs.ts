import { ArrayMaxSize, IsEnum, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { AgencyKind } from './agency.kind.js';

export const REGION_PATTERN = /^[a-z][a-z-]{1,39}$/;
export const REGION_MESSAGE = 'Регион: латинский код из строчных букв, например kaliningrad';

const NAME_MESSAGE = 'Полное наименование: от 3 до 500 символов';
const ABBREVIATION_MESSAGE = 'Каждое сокращение: от 2 до 200 символов';
const ABBREVIATIONS_MAX = 20;

@InputType({ description: 'A new agency of a region’s directory' })
export class CreateAgencyInput {
  @Field(() => String)
  @Matches(REGION_PATTERN, { message: REGION_MESSAGE })
  region!: string;

  @Field(() => String, { description: 'Full name, as the region’s documents write it' })
  @Length(3, 500, { message: NAME_MESSAGE })
  name!: string;

  @Field(() => [String], { description: 'Abbreviations and other spellings documents use' })
  @ArrayMaxSize(ABBREVIATIONS_MAX, { message: `Не больше ${ABBREVIATIONS_MAX} сокращений` })
  @IsString({ each: true })
  @Length(2, 200, { each: true, message: ABBREVIATION_MESSAGE })
  abbreviations!: string[];

  @Field(() => AgencyKind)
  @IsEnum(AgencyKind, { message: 'Выберите вид ведомства' })
  kind!: AgencyKind;
}

@InputType({ description: 'Changes to an agency; omitted fields stay as they are (its id never changes)' })
export class UpdateAgencyInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор ведомства' })
  id!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(3, 500, { message: NAME_MESSAGE })
  name?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(ABBREVIATIONS_MAX, { message: `Не больше ${ABBREVIATIONS_MAX} сокращений` })
  @IsString({ each: true })
  @Length(2, 200, { each: true, message: ABBREVIATION_MESSAGE })
  abbreviations?: string[];

  @Field(() => AgencyKind, { nullable: true })
  @IsOptional()
  @IsEnum(AgencyKind, { message: 'Выберите вид ведомства' })
  kind?: AgencyKind;
}
