import { Role } from '@sl/core';
import { ArrayMinSize, IsEnum, IsOptional, IsUUID, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Changes to an account; omitted fields stay as they are' })
export class UpdateAccountInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор учётной записи' })
  id!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'Укажите имя пользователя (до 200 символов)' })
  displayName?: string;

  @Field(() => [Role], { nullable: true, description: 'Takes effect at the account’s next request' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'Назначьте хотя бы одну роль' })
  @IsEnum(Role, { each: true, message: 'Неизвестная роль' })
  roles?: Role[];

  @Field(() => ID, { nullable: true, description: 'The agency of the directory (`agencies`); null to clear' })
  @IsOptional()
  @IsUUID('all', { message: 'Выберите ведомство из справочника' })
  agencyId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Неверный идентификатор поставщика' })
  providerId?: string | null;
}
