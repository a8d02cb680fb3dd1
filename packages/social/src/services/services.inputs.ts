import { LocalDate } from '@sl/core';
import {
  ArrayMaxSize,
  IsEnum,
  IsOptional,
  IsPositive,
  IsUUID,
  Length,
  Max,
  ValidateNested,
} from 'class-validator';
import { Field, Float, GraphQLISODateTime, ID, InputType } from 'type-graphql';
import { GoalStatus, StaffRole } from './services.enums.js';

const RECIPIENT = { message: 'Неверный идентификатор получателя' };
const PROVIDER = { message: 'Неверный идентификатор поставщика' };
const STAFF = { message: 'Неверный идентификатор сотрудника' };

@InputType({ description: 'A new staff member of a provider' })
export class CreateStaffMemberInput {
  @Field(() => String)
  @Length(3, 300, { message: 'ФИО сотрудника: от 3 до 300 символов' })
  fullName!: string;

  @Field(() => StaffRole)
  @IsEnum(StaffRole)
  role!: StaffRole;

  @Field(() => ID)
  @IsUUID('all', PROVIDER)
  providerId!: string;
}

@InputType({ description: "Puts a staff member on the person's multidisciplinary team" })
export class TeamMemberInput {
  @Field(() => ID)
  @IsUUID('all', RECIPIENT)
  recipientId!: string;

  @Field(() => ID)
  @IsUUID('all', STAFF)
  staffMemberId!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Today when omitted' })
  @IsOptional()
  date?: string;
}

@InputType({ description: 'A service plan: provider and planned hours per week' })
export class CreateServicePlanInput {
  @Field(() => ID)
  @IsUUID('all', RECIPIENT)
  recipientId!: string;

  @Field(() => ID)
  @IsUUID('all', PROVIDER)
  providerId!: string;

  @Field(() => Float, { description: 'Planned hours per week: more than 0, at most 24 a day (168)' })
  @IsPositive({ message: 'Часов в неделю должно быть больше нуля' })
  @Max(168, { message: 'Не больше 24 часов в сутки (168 в неделю)' })
  hoursPerWeek!: number;

  @Field(() => LocalDate, { nullable: true, description: 'Today when omitted' })
  @IsOptional()
  fromDate?: string;

  @Field(() => LocalDate, { nullable: true })
  @IsOptional()
  toDate?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the hours leave the range of the assessed service type (001 §9.1, 002 §15.3)',
  })
  @IsOptional()
  @Length(10, 2000, { message: 'Обоснование: от 10 до 2000 символов' })
  hoursOverrideReason?: string | null;
}

@InputType({ description: "Ends a person's current service plan" })
export class CloseServicePlanInput {
  @Field(() => ID)
  @IsUUID('all', RECIPIENT)
  recipientId!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Last day of the plan; today when omitted' })
  @IsOptional()
  date?: string;
}

@InputType()
export class RouteGoalInput {
  @Field(() => String)
  @Length(3, 2000, { message: 'Цель: от 3 до 2000 символов' })
  text!: string;

  @Field(() => LocalDate)
  targetDate!: string;
}

@InputType({ description: 'The individual rehabilitation route (002 §10) with its first goals' })
export class CreateRehabilitationRouteInput {
  @Field(() => ID)
  @IsUUID('all', RECIPIENT)
  recipientId!: string;

  @Field(() => ID)
  @IsUUID('all', PROVIDER)
  providerId!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Today when omitted' })
  @IsOptional()
  approvedOn?: string;

  @Field(() => [RouteGoalInput])
  @ArrayMaxSize(50, { message: 'Не больше 50 целей в маршруте' })
  @ValidateNested({ each: true })
  goals!: RouteGoalInput[];
}

@InputType()
export class AddRouteGoalInput extends RouteGoalInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор маршрута' })
  routeId!: string;
}

@InputType()
export class SetGoalStatusInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор цели' })
  goalId!: string;

  @Field(() => GoalStatus)
  @IsEnum(GoalStatus)
  status!: GoalStatus;
}

@InputType({ description: 'A visit on the schedule' })
export class ScheduleVisitInput {
  @Field(() => ID)
  @IsUUID('all', RECIPIENT)
  recipientId!: string;

  @Field(() => ID)
  @IsUUID('all', STAFF)
  staffMemberId!: string;

  @Field(() => GraphQLISODateTime)
  plannedAt!: Date;
}

@InputType({ description: 'A visit not yet recorded, moved to another time (or to another team member)' })
export class RescheduleVisitInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор посещения' })
  visitId!: string;

  @Field(() => GraphQLISODateTime)
  plannedAt!: Date;

  @Field(() => ID, {
    nullable: true,
    description: 'Another member of the serving provider; the same when omitted',
  })
  @IsOptional()
  @IsUUID('all', STAFF)
  staffMemberId?: string | null;
}

@InputType({ description: 'Whether a visit took place and how many hours it gave' })
export class RecordVisitInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор посещения' })
  visitId!: string;

  @Field(() => Boolean)
  delivered!: boolean;

  @Field(() => Float, { nullable: true, description: 'Required when delivered: more than 0, at most 24' })
  @IsOptional()
  @IsPositive({ message: 'Часов должно быть больше нуля' })
  @Max(24, { message: 'Не больше 24 часов в сутки' })
  hoursDelivered?: number | null;
}

@InputType({ description: 'Narrows the list of visits' })
export class VisitFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Неверный идентификатор сотрудника' })
  staffMemberId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Visits by the staff of this provider' })
  @IsOptional()
  @IsUUID('all', { message: 'Неверный идентификатор поставщика' })
  providerId?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  delivered?: boolean | null;

  @Field(() => LocalDate, { nullable: true, description: 'Planned on or after this day (Moscow time)' })
  @IsOptional()
  from?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Planned on or before this day (Moscow time)' })
  @IsOptional()
  to?: string | null;
}
