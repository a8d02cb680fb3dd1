import { IsUUID, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

const NEW_PASSWORD_LENGTH = { message: 'Новый пароль должен быть не короче 12 символов (до 200)' };

@InputType()
export class ChangePasswordInput {
  @Field(() => String)
  @Length(1, 200, { message: 'Укажите текущий пароль' })
  currentPassword!: string;

  @Field(() => String)
  @Length(12, 200, NEW_PASSWORD_LENGTH)
  newPassword!: string;
}

@InputType()
export class ResetPasswordInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор учётной записи' })
  id!: string;

  @Field(() => String, { description: 'A temporary password; the user must replace it at next sign-in' })
  @Length(12, 200, NEW_PASSWORD_LENGTH)
  newPassword!: string;
}
