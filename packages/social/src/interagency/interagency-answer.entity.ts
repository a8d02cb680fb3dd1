import { randomUUID } from 'node:crypto';
import type { Opt } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { LocalDate, Personal } from '@sl/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { AnswerSource, INTERAGENCY_READ, InteragencyRequest } from './interagency-request.entity.js';

/**
 * Every answer a request received, in order. The request itself carries the answer in force; when
 * the owning ministry answers after a paper answer was marked, its answer wins and both stay here,
 * so the case never loses what the paper said.
 */
@ObjectType('InteragencyAnswer', { description: 'Ответ на межведомственный запрос (история)' })
@Entity({ tableName: 'interagency_answer' })
@Index({ properties: ['requestId', 'recordedAt'] })
@Check({
  name: 'interagency_answer_paper_has_document',
  expression: "source <> 'PAPER' or document is not null",
})
export class InteragencyAnswer {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => InteragencyRequest, { mapToPk: true, fieldName: 'request_id', deleteRule: 'cascade' })
  requestId!: string;

  @Personal(INTERAGENCY_READ)
  @Field(() => AnswerSource)
  @Enum({ items: () => AnswerSource })
  source!: AnswerSource;

  @Personal(INTERAGENCY_READ)
  @Field(() => LocalDate)
  @Property({ type: 'date' })
  answeredOn!: string;

  @Personal(INTERAGENCY_READ)
  @Field(() => String)
  @Property({ type: 'text' })
  answer!: string;

  @Personal(INTERAGENCY_READ)
  @Field(() => String, { nullable: true, description: 'Paper answers: the document’s number and date' })
  @Property({ type: 'string', length: 300, nullable: true })
  document: string | null = null;

  @Personal(INTERAGENCY_READ)
  @Field(() => ID, { nullable: true, description: 'The record the owning ministry created, by id' })
  @Property({ type: 'uuid', nullable: true })
  answerRecordId: string | null = null;

  @Personal(INTERAGENCY_READ)
  @Field(() => Boolean, {
    nullable: true,
    description: 'Medical conclusions: whether contraindications were found (order 202н)',
  })
  @Property({ type: 'boolean', nullable: true })
  contraindicationsPresent: boolean | null = null;

  @Personal(INTERAGENCY_READ)
  @Field(() => Boolean, { description: 'The answer in force on the request (the owner’s wins)' })
  @Property({ type: 'boolean' })
  inForce!: boolean;

  @Property({ type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()' })
  recordedAt: Opt<Date> = new Date();
}
