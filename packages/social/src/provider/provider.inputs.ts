import {
  ArrayMinSize,
  ArrayUnique,
  IsEmail,
  IsEnum,
  IsOptional,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ServiceForm } from './provider.enums.js';

const PHONE = /^[\d\s()+-]{5,50}$/;
const INN = /^(\d{10}|\d{12})$/;

@InputType({ description: 'A new provider of the registry' })
export class CreateProviderInput {
  @Field(() => String)
  @Length(3, 500, { message: 'Наименование: от 3 до 500 символов' })
  name!: string;

  @Field(() => String)
  @Length(2, 200, { message: 'Краткое наименование: от 2 до 200 символов' })
  shortName!: string;

  @Field(() => String)
  @Length(5, 500, { message: 'Почтовый адрес: от 5 до 500 символов' })
  postalAddress!: string;

  @Field(() => String)
  @Length(2, 200, { message: 'Муниципальное образование: от 2 до 200 символов' })
  municipality!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE, { message: 'Телефон: цифры, пробелы, скобки и дефисы' })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'Электронная почта указана неверно' })
  email?: string | null;

  @Field(() => [ServiceForm])
  @ArrayMinSize(1, { message: 'Укажите хотя бы одну форму социального обслуживания' })
  @ArrayUnique({ message: 'Формы обслуживания не должны повторяться' })
  @IsEnum(ServiceForm, { each: true })
  forms!: ServiceForm[];

  @Field(() => String, { nullable: true, description: 'ИНН, 10 or 12 digits' })
  @IsOptional()
  @Matches(INN, { message: 'ИНН: 10 или 12 цифр' })
  inn?: string | null;
}

@InputType({ description: 'Changes to a provider; omitted fields stay as they are' })
export class UpdateProviderInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор поставщика' })
  id!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(3, 500, { message: 'Наименование: от 3 до 500 символов' })
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 200, { message: 'Краткое наименование: от 2 до 200 символов' })
  shortName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(5, 500, { message: 'Почтовый адрес: от 5 до 500 символов' })
  postalAddress?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 200, { message: 'Муниципальное образование: от 2 до 200 символов' })
  municipality?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE, { message: 'Телефон: цифры, пробелы, скобки и дефисы' })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'Электронная почта указана неверно' })
  email?: string | null;

  @Field(() => [ServiceForm], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1, { message: 'Укажите хотя бы одну форму социального обслуживания' })
  @ArrayUnique({ message: 'Формы обслуживания не должны повторяться' })
  @IsEnum(ServiceForm, { each: true })
  forms?: ServiceForm[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(INN, { message: 'ИНН: 10 или 12 цифр' })
  inn?: string | null;
}

@InputType()
export class ProviderFilter {
  @Field(() => String, { nullable: true, description: 'Exact municipality' })
  @IsOptional()
  @Length(1, 200)
  municipality?: string;

  @Field(() => ServiceForm, { nullable: true, description: 'Providers offering this form' })
  @IsOptional()
  form?: ServiceForm;
}
