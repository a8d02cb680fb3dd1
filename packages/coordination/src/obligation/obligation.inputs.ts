import {
  ArrayMaxSize,
  IsBase64,
  IsIn,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { REGION_MESSAGE, REGION_PATTERN } from '../agency/agency.inputs.js';
import { ObligationStatus } from './obligation.entity.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class ObligationFilter {
  @Field(() => String, { nullable: true, description: 'Only the roadmaps of this region' })
  @IsOptional()
  @Matches(REGION_PATTERN, { message: REGION_MESSAGE })
  region?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Неверный идентификатор дорожной карты' })
  roadmapId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Неверный идентификатор раздела' })
  sectionId?: string;

  @Field(() => ID, { nullable: true, description: 'Responsible or co-executing agency' })
  @IsOptional()
  @IsUUID('all', { message: 'Неверный идентификатор ведомства' })
  agencyId?: string;

  @Field(() => ObligationStatus, { nullable: true })
  @IsOptional()
  status?: ObligationStatus;

  @Field(() => String, { nullable: true, description: 'Due on or before, YYYY-MM-DD' })
  @IsOptional()
  @Matches(DATE, { message: 'Дата в формате ГГГГ-ММ-ДД' })
  dueBefore?: string;
}

@InputType()
export class FigureInput {
  @Field(() => Int)
  @Min(0, { message: 'Номер показателя не может быть отрицательным' })
  targetIndex!: number;

  @Field(() => Float)
  @Min(0, { message: 'Значение показателя не может быть отрицательным' })
  value!: number;
}

@InputType({ description: 'An evidence file, base64' })
export class EvidenceInput {
  @Field(() => String, { description: 'Shown to readers; never used as a path' })
  @Length(1, 200, { message: 'Имя файла: от 1 до 200 символов' })
  filename!: string;

  @Field(() => String)
  @IsIn(
    [
      'application/pdf',
      'image/png',
      'image/jpeg',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'text/plain',
    ],
    { message: 'Допустимы PDF, PNG, JPEG, DOCX, XLSX и текстовые файлы' },
  )
  mediaType!: string;

  @Field(() => String)
  @IsBase64(undefined, { message: 'Содержимое файла должно быть в base64' })
  contentBase64!: string;
}

@InputType()
export class ProgressReportInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор обязательства' })
  obligationId!: string;

  @Field(() => String)
  @Length(1, 10_000, { message: 'Текст отчёта: от 1 до 10 000 символов' })
  text!: string;

  @Field(() => String, { nullable: true, description: 'Defaults to today' })
  @IsOptional()
  @Matches(DATE, { message: 'Дата в формате ГГГГ-ММ-ДД' })
  reportedOn?: string;

  @Field(() => [FigureInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  figures?: FigureInput[];

  @Field(() => [EvidenceInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(5, { message: 'Не более 5 файлов к одному отчёту' })
  @ValidateNested({ each: true })
  evidence?: EvidenceInput[];

  @Field(() => Boolean, { nullable: true, description: 'The obligation is fulfilled with this report' })
  @IsOptional()
  done?: boolean;
}
