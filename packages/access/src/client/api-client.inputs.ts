import { Role } from '@sl/core';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsOptional, IsUUID, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class CreateApiClientInput {
  @Field(() => String)
  @Length(3, 200, { message: 'Название системы: от 3 до 200 символов' })
  name!: string;

  @Field(() => ID, { description: 'The agency of the directory (`agencies`) the system belongs to' })
  @IsUUID('all', { message: 'Выберите ведомство системы из справочника' })
  agencyId!: string;

  @Field(() => [Role])
  @ArrayMinSize(1, { message: 'Назначьте хотя бы одну роль' })
  @IsEnum(Role, { each: true, message: 'Неизвестная роль' })
  roles!: Role[];

  @Field(() => [String], {
    nullable: true,
    description: 'SHA-256 (hex) of each allowed query document; omit to allow any operation of the roles',
  })
  @IsOptional()
  @ArrayMaxSize(500, { message: 'Не более 500 разрешённых операций' })
  @Matches(/^[0-9a-f]{64}$/, { each: true, message: 'Хэш операции: 64 шестнадцатеричных символа (SHA-256)' })
  allowedOperations?: string[];
}
