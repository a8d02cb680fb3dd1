import { IsOptional, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType()
export class CreateEmployerInput {
  @Field(() => String)
  @Length(2, 300, { message: 'Наименование: от 2 до 300 символов' })
  name!: string;

  @Field(() => String, { description: 'ИНН, 10 or 12 digits with valid check digits' })
  inn!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 200, { message: 'Муниципальное образование: от 2 до 200 символов' })
  municipality?: string | null;
}
