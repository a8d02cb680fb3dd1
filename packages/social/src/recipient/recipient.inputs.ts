import { IsOptional, Length, Matches } from 'class-validator';
import { Field, InputType, registerEnumType } from 'type-graphql';

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

@InputType()
export class RecipientFilter {
  @Field(() => String, { nullable: true, description: 'Exact municipality' })
  @IsOptional()
  @Length(1, 200, { message: 'Муниципальное образование: от 1 до 200 символов' })
  municipality?: string;

  @Field(() => String, { nullable: true, description: 'СНИЛС, with or without separators' })
  @IsOptional()
  @Matches(/^[\d\s-]{11,14}$/, { message: 'СНИЛС: 11 цифр' })
  snils?: string;
}

@InputType()
export class RecipientOrder {
  @Field(() => RecipientSortField)
  field: RecipientSortField = RecipientSortField.NAME;

  @Field(() => SortDirectionEnum)
  direction: SortDirectionEnum = SortDirectionEnum.ASC;
}
