import { Role } from '@sl/core';
import { ArrayMinSize, IsEnum, IsOptional, IsUUID, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class SignInInput {
  @Field(() => String)
  @Length(1, 64, { message: 'Укажите логин' })
  login!: string;

  @Field(() => String)
  @Length(1, 200, { message: 'Укажите пароль' })
  password!: string;
}

@InputType()
export class CreateAccountInput {
  @Field(() => String)
  @Matches(/^[a-zA-Z0-9._-]{3,64}$/, {
    message: 'Логин: от 3 до 64 латинских букв, цифр, точек, дефисов или подчёркиваний',
  })
  login!: string;

  @Field(() => String)
  @Length(1, 200, { message: 'Укажите имя пользователя (до 200 символов)' })
  displayName!: string;

  @Field(() => String)
  @Length(12, 200, { message: 'Пароль должен быть не короче 12 символов' })
  password!: string;

  @Field(() => [Role])
  @ArrayMinSize(1, { message: 'Назначьте хотя бы одну роль' })
  @IsEnum(Role, { each: true, message: 'Неизвестная роль' })
  roles!: Role[];

  @Field(() => ID, {
    nullable: true,
    description: 'The agency of the directory (`agencies`) the user works for',
  })
  @IsOptional()
  @IsUUID('all', { message: 'Выберите ведомство из справочника' })
  agencyId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Неверный идентификатор поставщика' })
  providerId?: string;
}
