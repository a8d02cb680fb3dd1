import { ArrayMaxSize, IsOptional, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { EvidenceInput } from '../obligation/obligation.inputs.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType({ description: 'What the assigned agency has done on a Council decision' })
export class DecisionReportInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор поручения' })
  decisionId!: string;

  @Field(() => String)
  @Length(1, 10_000, { message: 'Текст отчёта: от 1 до 10 000 символов' })
  text!: string;

  @Field(() => String, { nullable: true, description: 'Defaults to today; never in the future' })
  @IsOptional()
  @Matches(DATE, { message: 'Дата в формате ГГГГ-ММ-ДД' })
  reportedOn?: string;

  @Field(() => [EvidenceInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(5, { message: 'Не более 5 файлов к одному отчёту' })
  @ValidateNested({ each: true })
  evidence?: EvidenceInput[];

  @Field(() => Boolean, {
    nullable: true,
    description: 'The decision is fulfilled with this report, on `reportedOn`',
  })
  @IsOptional()
  done?: boolean;
}
