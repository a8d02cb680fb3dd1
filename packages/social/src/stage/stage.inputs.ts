import { LocalDate } from '@sl/core';
import { IsEnum, IsInt, IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ReadinessOutcome, StageKind, StageServiceType } from './stage.enums.js';

@InputType({ description: 'Begin the next stage of a person (seed 002 §15); the current one ends that day' })
export class StartStageInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Получатель: неверный идентификатор' })
  recipientId!: string;

  @Field(() => StageKind, { description: 'Must be the stage after the current one (preparatory when none)' })
  @IsEnum(StageKind)
  kind!: StageKind;

  @Field(() => LocalDate, { nullable: true, description: 'Defaults to today' })
  @IsOptional()
  startedOn?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The serving provider; kept from the current stage when empty',
  })
  @IsOptional()
  @IsUUID('all', { message: 'Поставщик: неверный идентификатор' })
  providerId?: string;

  @Field(() => StageServiceType, { nullable: true, description: 'Main stage: type or mode of service' })
  @IsOptional()
  @IsEnum(StageServiceType)
  serviceType?: StageServiceType;

  @Field(() => Int, { nullable: true, description: 'Main stage: planned hours per day or week' })
  @IsOptional()
  @IsInt({ message: 'Плановые часы: целое число' })
  @Min(1, { message: 'Плановые часы: не меньше 1' })
  @Max(168, { message: 'Плановые часы: не больше 168' })
  plannedHours?: number;
}

@InputType({ description: 'A readiness review in the training stage (seed 002 §15.2)' })
export class RecordReadinessReviewInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Получатель: неверный идентификатор' })
  recipientId!: string;

  @Field(() => ReadinessOutcome)
  @IsEnum(ReadinessOutcome)
  outcome!: ReadinessOutcome;

  @Field(() => LocalDate, { nullable: true, description: 'Defaults to today' })
  @IsOptional()
  reviewedOn?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000, { message: 'Примечание: не длиннее 2000 символов' })
  note?: string;
}
