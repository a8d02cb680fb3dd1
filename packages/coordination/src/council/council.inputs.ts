import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { REGION_MESSAGE, REGION_PATTERN } from '../agency/agency.inputs.js';
import { PeopleIndicator } from './council.entity.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'Дата в формате ГГГГ-ММ-ДД';

@InputType()
export class DecisionInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 20, { message: 'Номер поручения: до 20 символов' })
  number?: string;

  @Field(() => String)
  @Length(3, 5000, { message: 'Текст поручения: от 3 до 5000 символов' })
  text!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор ведомства-исполнителя' })
  assigneeAgencyId!: string;

  @Field(() => String)
  @Matches(DATE, { message: DATE_MESSAGE })
  dueDate!: string;

  @Field(() => [ID], { nullable: true, description: 'Roadmap items the decision is about' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'Неверный идентификатор мероприятия' })
  itemIds?: string[];

  @Field(() => [ID], {
    nullable: true,
    description: 'People the decision names (registered recipients; chosen by name in the dashboard)',
  })
  @IsOptional()
  @ArrayMaxSize(200, { message: 'В поручении: не больше 200 человек' })
  @IsUUID('all', { each: true, message: 'Неверный идентификатор получателя' })
  recipientIds?: string[];

  @Field(() => Int, { nullable: true, description: 'How many people the decision concerns' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'Число человек в поручении: не меньше 1' })
  @Max(1_000_000, { message: 'Число человек в поручении: не больше 1 000 000' })
  peopleCount?: number;

  @Field(() => PeopleIndicator, {
    nullable: true,
    description: 'The `Indicators` figure the count is measured with (requires `peopleCount`)',
  })
  @IsOptional()
  peopleIndicator?: PeopleIndicator;
}

@InputType()
export class CouncilMeetingInput {
  @Field(() => String)
  @Matches(REGION_PATTERN, { message: REGION_MESSAGE })
  region!: string;

  @Field(() => String)
  @Matches(DATE, { message: DATE_MESSAGE })
  heldOn!: string;

  @Field(() => String)
  @Length(3, 10_000, { message: 'Повестка: от 3 до 10 000 символов' })
  agenda!: string;

  @Field(() => [String])
  @ArrayMaxSize(200)
  @Length(1, 300, { each: true, message: 'Участник: от 1 до 300 символов' })
  attendees!: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 40, { message: 'Номер протокола: до 40 символов' })
  protocolNumber?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100_000, { message: 'Протокол: до 100 000 символов' })
  protocol?: string;

  @Field(() => [DecisionInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  decisions?: DecisionInput[];
}

@InputType()
export class DecisionFilter {
  @Field(() => String, { nullable: true, description: 'Only decisions of this region’s Council' })
  @IsOptional()
  @Matches(REGION_PATTERN, { message: REGION_MESSAGE })
  region?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Неверный идентификатор заседания' })
  meetingId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Неверный идентификатор ведомства' })
  assigneeAgencyId?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only open decisions past their due date' })
  @IsOptional()
  overdue?: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(['OPEN', 'DONE', 'CANCELLED'])
  status?: 'OPEN' | 'DONE' | 'CANCELLED';
}
