import { randomUUID } from 'node:crypto';
import type { Opt } from '@mikro-orm/core';
import {
  Entity,
  Index,
  ManyToOne,
  PrimaryKey,
  Property,
  Trigger,
  Unique,
} from '@mikro-orm/decorators/legacy';
import { Access, figuresVersionTrigger, figureTrigger, LocalDate, Personal } from '@sl/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { MedicalConclusion } from '../conclusion/medical-conclusion.entity.js';

/**
 * Health's answer to an interagency request of the social subgraph (001 §4): the request is known
 * only by its id (no foreign key across schemas); the answer links the conclusion health issued.
 */
@ObjectType('HealthRequestAnswer', { description: 'The health ministry’s answer to an interagency request' })
@Entity({ tableName: 'request_answer' })
@Trigger(figuresVersionTrigger('health', 'request_answer'))
@Trigger(figureTrigger('health', 'request_answer', 'recipient_id', 'insert'))
@Trigger(figureTrigger('health', 'request_answer', 'recipient_id', 'update'))
@Trigger(figureTrigger('health', 'request_answer', 'recipient_id', 'delete'))
@Unique({ properties: ['requestId'] })
@Index({ properties: ['answeredOn'] })
export class RequestAnswer {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID, { description: 'The InteragencyRequest (social subgraph)' })
  @Property({ type: 'uuid' })
  requestId!: string;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  recipientId!: string;

  @Field(() => ID)
  @ManyToOne(() => MedicalConclusion, { mapToPk: true, fieldName: 'conclusion_id', deleteRule: 'restrict' })
  conclusionId!: string;

  @Personal(Access.HEALTH)
  @Field(() => LocalDate)
  @Property({ type: 'date' })
  answeredOn!: string;

  @Property({ type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
