import { randomUUID } from 'node:crypto';
import type { Opt } from '@mikro-orm/core';
import { Check, Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { LocalDate } from '@sl/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Recipient } from '../recipient/recipient.entity.js';
import { Stage } from './stage.entity.js';
import { ReadinessOutcome } from './stage.enums.js';

/**
 * A review of readiness for the main stage (seed 002 §15.2): held in the training stage, no
 * earlier than six months after it began, at most once in each half-year window and at most four
 * times. The unique keys make the database refuse a second review of a window or a fifth ordinal
 * even when two coordinators record one at the same moment.
 */
@ObjectType({ description: 'A readiness review in the training stage (seed 002 §15.2)' })
@Entity({ tableName: 'readiness_review' })
@Unique({ name: 'readiness_review_one_per_window', properties: ['stageId', 'period'] })
@Unique({ name: 'readiness_review_ordinal_unique', properties: ['stageId', 'ordinal'] })
@Check({ name: 'readiness_review_numbers_positive', expression: 'ordinal >= 1 and period >= 1' })
export class ReadinessReview {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Stage, { mapToPk: true, fieldName: 'stage_id', deleteRule: 'restrict' })
  stageId!: string;

  @ManyToOne(() => Recipient, { mapToPk: true, fieldName: 'recipient_id', deleteRule: 'restrict' })
  recipientId!: string;

  @Field(() => Int, { description: 'Which review of the stage this is: 1 to 4' })
  @Property({ type: 'smallint' })
  ordinal!: number;

  @Field(() => Int, { description: 'The half-year window of training it was held in, 1 = months 6–12' })
  @Property({ type: 'smallint' })
  period!: number;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  reviewedOn!: string;

  @Field(() => ReadinessOutcome)
  @Enum({ items: () => ReadinessOutcome })
  outcome!: ReadinessOutcome;

  @Field(() => String)
  @Property({ type: 'string', length: 2000, default: '' })
  note: Opt<string> = '';

  @Property({ type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
