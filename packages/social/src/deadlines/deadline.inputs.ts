import { ArrayMaxSize, IsBoolean, IsInt, IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DeadlineKind } from './deadline.entity.js';

@InputType()
export class DeadlineFilter {
  @Field(() => [DeadlineKind], { nullable: true, description: 'Only these kinds; all when omitted' })
  @IsOptional()
  @ArrayMaxSize(10)
  kinds?: DeadlineKind[];

  @Field(() => String, { nullable: true, description: 'Only interagency requests to this agency' })
  @IsOptional()
  @Length(1, 200, { message: 'Ведомство: от 1 до 200 символов' })
  agency?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Only deadlines of people this provider serves (current stage or open service plan)',
  })
  @IsOptional()
  @IsUUID('all', { message: 'Поставщик: неверный идентификатор' })
  providerId?: string;

  @Field(() => Int, {
    nullable: true,
    description: 'How many days ahead re-assessments and readiness reviews count as due (default 30)',
  })
  @IsOptional()
  @IsInt({ message: 'Горизонт — целое число дней' })
  @Min(0, { message: 'Горизонт: от 0 до 365 дней' })
  @Max(365, { message: 'Горизонт: от 0 до 365 дней' })
  horizonDays?: number;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Also decisions and interagency answers not yet late but due within the horizon (the work queue); by default only late ones',
  })
  @IsOptional()
  @IsBoolean()
  upcoming?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Only what is past its due date' })
  @IsOptional()
  @IsBoolean()
  overdueOnly?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Only the cases the caller coordinates' })
  @IsOptional()
  @IsBoolean()
  mine?: boolean;
}
