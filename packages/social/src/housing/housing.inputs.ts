import { LocalDate } from '@sl/core';
import { IsEnum, IsInt, IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { HousingKind } from './housing.enums.js';

const PLACES = { min: 1, max: 500 };

@InputType({ description: 'A new housing unit' })
export class CreateHousingUnitInput {
  @Field(() => HousingKind)
  @IsEnum(HousingKind)
  kind!: HousingKind;

  @Field(() => String)
  @Length(5, 500, { message: 'Адрес: от 5 до 500 символов' })
  address!: string;

  @Field(() => String)
  @Length(2, 200, { message: 'Муниципальное образование: от 2 до 200 символов' })
  municipality!: string;

  @Field(() => ID, { nullable: true, description: 'The provider that runs the unit' })
  @IsOptional()
  @IsUUID('all', { message: 'Неверный идентификатор поставщика' })
  operatorId?: string | null;

  @Field(() => Int)
  @IsInt()
  @Min(PLACES.min, { message: 'Число мест: не меньше 1' })
  @Max(PLACES.max, { message: 'Число мест: не больше 500' })
  places!: number;
}

@InputType({ description: 'Changes to a housing unit; omitted fields stay as they are' })
export class UpdateHousingUnitInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор жилого помещения' })
  id!: string;

  @Field(() => HousingKind, { nullable: true })
  @IsOptional()
  @IsEnum(HousingKind)
  kind?: HousingKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(5, 500, { message: 'Адрес: от 5 до 500 символов' })
  address?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 200, { message: 'Муниципальное образование: от 2 до 200 символов' })
  municipality?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Неверный идентификатор поставщика' })
  operatorId?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(PLACES.min, { message: 'Число мест: не меньше 1' })
  @Max(PLACES.max, { message: 'Число мест: не больше 500' })
  places?: number;
}

@InputType({ description: 'Gives a person a place in a unit' })
export class AssignHousingInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор получателя' })
  recipientId!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор жилого помещения' })
  unitId!: string;

  @Field(() => LocalDate, { nullable: true, description: 'First day in the unit; today when omitted' })
  @IsOptional()
  fromDate?: string;
}

@InputType({ description: "Ends a person's current place" })
export class VacateHousingInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор получателя' })
  recipientId!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Day the place is vacated; today when omitted' })
  @IsOptional()
  date?: string;
}

@InputType()
export class HousingUnitFilter {
  @Field(() => HousingKind, { nullable: true })
  @IsOptional()
  kind?: HousingKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  municipality?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Неверный идентификатор поставщика' })
  operatorId?: string;

  @Field(() => String, { nullable: true, description: 'Part of the address, any case' })
  @IsOptional()
  @Length(1, 200, { message: 'Часть адреса — до 200 символов' })
  address?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only units with a free place now' })
  @IsOptional()
  withFreePlaces?: boolean;
}
