import { randomUUID } from 'node:crypto';
import type { Opt } from '@mikro-orm/core';
import {
  Check,
  Entity,
  Enum,
  Index,
  ManyToOne,
  PrimaryKey,
  Property,
  Trigger,
} from '@mikro-orm/decorators/legacy';
import { Access, figuresVersionTrigger, figureTrigger, LocalDate, Personal } from '@sl/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Recipient } from '../recipient/recipient.entity.js';
import { AutonomyDegree } from '../recipient/recipient.enums.js';
import type { ScoredAnswer } from '../rules/rule-set.js';

export enum HoursPer {
  WEEK = 'WEEK',
  DAY = 'DAY',
}
registerEnumType(HoursPer, { name: 'HoursPer' });

@ObjectType({ description: 'Range of service hours per week or per day' })
export class HoursRange {
  @Field(() => Int)
  min!: number;

  @Field(() => Int)
  max!: number;

  @Field(() => HoursPer)
  per!: HoursPer;
}

@ObjectType({ description: 'Service type (Kaluga 001 §9.1) or mode (Murmansk 002 §15.3) the degree gives' })
export class ServiceRecommendation {
  @Field(() => String, { description: 'Code in the region rule set, e.g. TYPE_3 or REGULAR' })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => HoursRange)
  hours!: HoursRange;
}

@ObjectType({ description: 'Ответ на вопрос анкеты (приказ 606н) и его баллы' })
export class AssessmentAnswer {
  @Field(() => String, { description: 'Item code in the questionnaire, e.g. EATING' })
  item!: string;

  @Field(() => String, { description: 'Life category (seed 002 §2), e.g. «самообслуживание»' })
  category!: string;

  @Field(() => String, { description: 'The activity asked about' })
  question!: string;

  @Field(() => Int, { description: 'Help needed: 0 — alone … 3 — only with another person' })
  level!: number;

  @Field(() => String)
  levelLabel!: string;

  @Field(() => Int)
  points!: number;
}

/**
 * An assessment of need (seed 001 §5, §9): the score by order 606н and what the region's rule set
 * derived from it at the time, stored so that a later change of the rules does not rewrite history.
 */
@ObjectType({ description: 'Оценка нуждаемости: балл, степень, рекомендованный тип услуг' })
@Entity({ tableName: 'assessment' })
@Trigger(figuresVersionTrigger('social', 'assessment'))
@Trigger(figureTrigger('social', 'assessment', 'recipient_id', 'insert'))
@Trigger(figureTrigger('social', 'assessment', 'recipient_id', 'update'))
@Trigger(figureTrigger('social', 'assessment', 'recipient_id', 'delete'))
@Check({ name: 'assessment_score_range', expression: 'score >= 23 and score <= 272' })
@Check({
  name: 'assessment_answers_list',
  expression: "answers is null or jsonb_typeof(answers) = 'array'",
})
@Check({
  name: 'assessment_annulment_whole',
  expression:
    '(annulled_at is null) = (annulled_by is null) and (annulled_at is null) = (annulment_reason is null)',
})
@Check({ name: 'assessment_hours_order', expression: 'hours_min <= hours_max' })
@Check({ name: 'assessment_reassessment_after', expression: 'reassessment_due_on > assessed_on' })
@Index({ properties: ['recipientId', 'assessedOn'] })
@Index({ properties: ['reassessmentDueOn'] })
// The list of all assessments, newest first (keyset on assessed_on, id).
@Index({ properties: ['assessedOn', 'id'] })
export class Assessment {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @ManyToOne(() => Recipient, { mapToPk: true, fieldName: 'recipient_id', deleteRule: 'restrict' })
  recipientId!: string;

  @Personal(Access.CASE)
  @Field(() => LocalDate)
  @Property({ type: 'date' })
  assessedOn!: string;

  @Personal(Access.CASE)
  @Field(() => String, { description: 'Who assessed (name, position)' })
  @Property({ type: 'string', length: 300 })
  assessor!: string;

  @Personal(Access.CASE)
  @Field(() => Int, { description: 'Total score, 23–272 (order 606н): the sum of the answers’ points' })
  @Property({ type: 'smallint' })
  score!: number;

  /**
   * The questionnaire as answered, with each item's points as scored then: what a disputed score is
   * reviewed on. Null only for assessments recorded before the system kept the questionnaire.
   */
  @Property({ type: 'json', nullable: true })
  answers: ScoredAnswer[] | null = null;

  @Personal(Access.CASE)
  @Field(() => AutonomyDegree)
  @Enum({ items: () => AutonomyDegree })
  degree!: AutonomyDegree;

  @Field(() => String, { description: 'Region whose rule set gave the recommendation' })
  @Property({ type: 'string', length: 40 })
  region!: string;

  @Property({ type: 'string', length: 40 })
  serviceTypeCode!: string;

  @Property({ type: 'string', length: 200 })
  serviceTypeName!: string;

  @Property({ type: 'smallint' })
  hoursMin!: number;

  @Property({ type: 'smallint' })
  hoursMax!: number;

  @Enum({ items: () => HoursPer })
  hoursPer!: HoursPer;

  @Personal(Access.CASE)
  @Field(() => LocalDate, { description: 'Re-assessment due: at least every 3 years (001 §15, 002 §11)' })
  @Property({ type: 'date' })
  reassessmentDueOn!: string;

  /**
   * A wrong assessment is annulled, never edited or deleted: it stays in the case with who annulled
   * it, when and why, and everything derived from the latest assessment skips it from then on.
   */
  @Personal(Access.CASE)
  @Field(() => Date, { nullable: true, description: 'When the assessment was annulled (null: in force)' })
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  annulledAt: Date | null = null;

  @Personal(Access.CASE)
  @Field(() => String, {
    nullable: true,
    description: 'Who annulled it (login, as the audit log names them)',
  })
  @Property({ type: 'string', length: 200, nullable: true })
  annulledBy: string | null = null;

  @Personal(Access.CASE)
  @Field(() => String, { nullable: true, description: 'Why it was annulled' })
  @Property({ type: 'text', nullable: true })
  annulmentReason: string | null = null;

  @Property({ type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  recommendedService(): ServiceRecommendation {
    return {
      code: this.serviceTypeCode,
      name: this.serviceTypeName,
      hours: { min: this.hoursMin, max: this.hoursMax, per: this.hoursPer },
    };
  }
}
