import { LocalDate } from '@sl/core';
import { ArrayMaxSize, IsOptional, IsUUID, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

/** ICD-10 code: a letter, two digits, optionally a dot and one or two digits (F20, F20.0, G40.01). */
export const ICD10 = /^[A-Z]\d{2}(\.\d{1,2})?$/i;

@InputType({ description: 'A medical conclusion as the health organisation issued it (order 202н)' })
export class MedicalConclusionFields {
  @Field(() => LocalDate)
  issuedOn!: string;

  @Field(() => Boolean)
  contraindicationsPresent!: boolean;

  @Field(() => [String], { description: 'ICD-10 codes; required when contraindications are present' })
  @ArrayMaxSize(20, { message: 'Не более 20 диагнозов' })
  @Matches(ICD10, { each: true, message: 'Код МКБ-10 в формате F20 или F20.0' })
  conditions!: string[];

  @Field(() => String)
  @Length(2, 300, { message: 'Медицинская организация: от 2 до 300 символов' })
  organisation!: string;

  @Field(() => LocalDate, { nullable: true })
  @IsOptional()
  validUntil?: string | null;
}

@InputType()
export class RecordMedicalConclusionInput extends MedicalConclusionFields {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор получателя' })
  recipientId!: string;
}

@InputType({ description: 'Narrows the list of medical conclusions' })
export class MedicalConclusionFilter {
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  contraindicationsPresent?: boolean | null;

  @Field(() => LocalDate, { nullable: true, description: 'Issued on or after this day' })
  @IsOptional()
  issuedFrom?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Expiring before this day (exclusive)' })
  @IsOptional()
  validUntilBefore?: string | null;
}
