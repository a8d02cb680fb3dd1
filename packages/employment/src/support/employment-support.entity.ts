import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, PrimaryKey, Property, Trigger } from '@mikro-orm/decorators/legacy';
import { Access, figuresVersionTrigger, figureTrigger, LocalDate, Personal } from '@sl/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

/** The employment agency's measures for a person (seed 004 items 2.1.1–2.1.3). */
export enum SupportKind {
  UNEMPLOYMENT_REGISTRATION = 'UNEMPLOYMENT_REGISTRATION',
  VOCATIONAL_TRAINING = 'VOCATIONAL_TRAINING',
  VOCATIONAL_GUIDANCE = 'VOCATIONAL_GUIDANCE',
  SELF_EMPLOYMENT_SUPPORT = 'SELF_EMPLOYMENT_SUPPORT',
}
registerEnumType(SupportKind, {
  name: 'EmploymentSupportKind',
  valuesConfig: {
    UNEMPLOYMENT_REGISTRATION: { description: 'регистрация в качестве безработного' },
    VOCATIONAL_TRAINING: { description: 'профессиональное обучение безработного (004 п. 2.1.1)' },
    VOCATIONAL_GUIDANCE: { description: 'профессиональная ориентация (004 п. 2.1.2)' },
    SELF_EMPLOYMENT_SUPPORT: { description: 'содействие самозанятости, собственному делу (004 п. 2.1.3)' },
  },
});

@ObjectType({ description: 'An employment-agency measure for the person (004 п. 2.1.1–2.1.3)' })
@Entity({ tableName: 'employment_support' })
@Trigger(figuresVersionTrigger('employment', 'employment_support'))
@Trigger(figureTrigger('employment', 'employment_support', 'recipient_id', 'insert'))
@Trigger(figureTrigger('employment', 'employment_support', 'recipient_id', 'update'))
@Trigger(figureTrigger('employment', 'employment_support', 'recipient_id', 'delete'))
@Index({ properties: ['recipientId', 'startDate'] })
@Index({ properties: ['kind', 'startDate'] })
@Check({ name: 'employment_support_dates_order', expression: 'end_date is null or end_date >= start_date' })
export class EmploymentSupport {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid' })
  recipientId!: string;

  @Personal(Access.EMPLOYMENT)
  @Field(() => SupportKind)
  @Enum({ items: () => SupportKind, nativeEnumName: 'employment_support_kind' })
  kind!: SupportKind;

  @Personal(Access.EMPLOYMENT)
  @Field(() => String, { nullable: true, description: 'Training programme or business plan' })
  @Property({ type: 'string', length: 300, nullable: true })
  programme: string | null = null;

  @Personal(Access.EMPLOYMENT)
  @Field(() => LocalDate)
  @Property({ type: 'date' })
  startDate!: string;

  @Personal(Access.EMPLOYMENT)
  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  endDate: string | null = null;
}
