import { randomUUID } from 'node:crypto';
import type { Opt } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Access, LocalDate, Personal, Role } from '@sl/core';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Application } from '../application/application.entity.js';
import { Recipient } from '../recipient/recipient.entity.js';

/** What the authorised body asks other agencies for (seed 001 §4). */
export enum InteragencySubject {
  RESIDENCE_REGISTRATION = 'RESIDENCE_REGISTRATION',
  DISABILITY_FACT = 'DISABILITY_FACT',
  IPRA = 'IPRA',
  MEDICAL_CONCLUSION = 'MEDICAL_CONCLUSION',
}
registerEnumType(InteragencySubject, {
  name: 'InteragencySubject',
  valuesConfig: {
    RESIDENCE_REGISTRATION: { description: 'регистрация по месту жительства или пребывания в регионе' },
    DISABILITY_FACT: { description: 'факт установления инвалидности (ЕЦП)' },
    IPRA: { description: 'индивидуальная программа реабилитации или абилитации (ЕЦП)' },
    MEDICAL_CONCLUSION: { description: 'медицинское заключение о противопоказаниях' },
  },
});

/**
 * The ministry that answers each subject inside the graph: its officers see the subject's queue and
 * mark the requests answered; the other subjects go to agencies outside the graph.
 */
export const ANSWERED_BY: Partial<Record<InteragencySubject, Role>> = {
  [InteragencySubject.MEDICAL_CONCLUSION]: Role.HEALTH_OFFICER,
};

/** Who gave an answer: the owning ministry in the graph, or a paper document the coordinator marked. */
export enum AnswerSource {
  AGENCY = 'AGENCY',
  PAPER = 'PAPER',
}
registerEnumType(AnswerSource, {
  name: 'InteragencyAnswerSource',
  valuesConfig: {
    AGENCY: { description: 'ответ ведомства-владельца сведений в системе' },
    PAPER: { description: 'бумажный ответ, отмеченный координатором по реквизитам документа' },
  },
});

/** Where a request stands, from the authorised body's own record of it. */
export enum InteragencyRequestStatus {
  AWAITING = 'AWAITING',
  OVERDUE = 'OVERDUE',
  ANSWERED = 'ANSWERED',
}
registerEnumType(InteragencyRequestStatus, {
  name: 'InteragencyRequestStatus',
  valuesConfig: {
    AWAITING: { description: 'ответ ожидается, срок не истёк' },
    OVERDUE: { description: 'ответ не получен в срок (210-ФЗ ст. 7.2)' },
    ANSWERED: { description: 'ответ получен' },
  },
});

/**
 * Who reads a request: the coordinator who sent it and the officers of the ministries that answer
 * (their queue, `interagencyQueue`); the answering ministry contributes its answer to this entity.
 */
export const INTERAGENCY_READ = [
  ...Access.CASE,
  ...Access.HEALTH_WRITE,
  ...Access.EDUCATION_WRITE,
  ...Access.EMPLOYMENT_WRITE,
] as const;

@Directive('@key(fields: "id")')
@ObjectType({ description: 'Межведомственный запрос (001 §4)' })
@Entity({ tableName: 'interagency_request' })
@Check({ name: 'interagency_request_answer_dated', expression: '(answered_on is null) = (answer is null)' })
@Check({
  name: 'interagency_request_record_when_answered',
  expression: 'answer_record_id is null or answered_on is not null',
})
@Check({
  name: 'interagency_request_answer_source_with_answer',
  expression: '(answered_on is null) = (answer_source is null)',
})
@Check({ name: 'interagency_request_answer_after_sent', expression: 'answered_on >= sent_on' })
@Check({ name: 'interagency_request_due_after_sent', expression: 'due_on >= sent_on' })
@Index({ properties: ['recipientId', 'sentOn'] })
@Index({ properties: ['dueOn'] })
export class InteragencyRequest {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @ManyToOne(() => Recipient, { mapToPk: true, fieldName: 'recipient_id', deleteRule: 'restrict' })
  recipientId!: string;

  @Field(() => ID, { nullable: true })
  @ManyToOne(() => Application, {
    mapToPk: true,
    fieldName: 'application_id',
    nullable: true,
    deleteRule: 'restrict',
  })
  applicationId: string | null = null;

  /**
   * The receiving agency of the directory (coordination's `Agency`), by its id; null only on a
   * request recorded before agencies were references whose free-text name matched no agency.
   */
  @Personal(INTERAGENCY_READ)
  @Field(() => ID, { nullable: true, description: 'Receiving agency of the directory (`agency(id:)`)' })
  @Property({ type: 'uuid', nullable: true })
  agencyId: string | null = null;

  @Personal(INTERAGENCY_READ)
  @Field(() => String, {
    description: 'The receiving agency’s name as the directory gave it when the request was sent',
  })
  @Property({ type: 'string', length: 300 })
  agency!: string;

  @Personal(INTERAGENCY_READ)
  @Field(() => InteragencySubject)
  @Enum({ items: () => InteragencySubject })
  subject!: InteragencySubject;

  @Personal(INTERAGENCY_READ)
  @Field(() => LocalDate)
  @Property({ type: 'date' })
  sentOn!: string;

  @Personal(INTERAGENCY_READ)
  @Field(() => LocalDate, { description: 'Answer due (5 working days, 210-ФЗ art. 7.2)' })
  @Property({ type: 'date' })
  dueOn!: string;

  @Personal(INTERAGENCY_READ)
  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  answeredOn: string | null = null;

  @Personal(INTERAGENCY_READ)
  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  answer: string | null = null;

  /**
   * The record the answering ministry created (e.g. health's medical conclusion), by its id: the
   * ministry owns it and serves it on this request (e.g. `healthAnswer`); no foreign key across schemas.
   */
  @Personal(INTERAGENCY_READ)
  @Field(() => ID, { nullable: true, description: 'The record the answering ministry created, by id' })
  @Property({ type: 'uuid', nullable: true })
  answerRecordId: string | null = null;

  @Personal(INTERAGENCY_READ)
  @Field(() => AnswerSource, { nullable: true, description: 'Who gave the answer in force' })
  @Enum({ items: () => AnswerSource, nullable: true })
  answerSource: AnswerSource | null = null;

  /**
   * Medical conclusions (001 §3 д, order 202н): whether the answer in force found contraindications,
   * as the owning ministry stated it on answering (or the coordinator from the paper conclusion).
   */
  @Personal(INTERAGENCY_READ)
  @Field(() => Boolean, { nullable: true, description: 'Medical conclusion: contraindications found' })
  @Property({ type: 'boolean', nullable: true })
  contraindicationsPresent: boolean | null = null;

  @Property({ type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  /** Unanswered after the due date, as of a given day. */
  isOverdue(today: string): boolean {
    return this.answeredOn === null && today > this.dueOn;
  }

  statusOn(today: string): InteragencyRequestStatus {
    if (this.answeredOn !== null) return InteragencyRequestStatus.ANSWERED;
    return this.isOverdue(today) ? InteragencyRequestStatus.OVERDUE : InteragencyRequestStatus.AWAITING;
  }
}
