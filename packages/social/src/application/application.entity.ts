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
  Unique,
} from '@mikro-orm/decorators/legacy';
import { Access, figuresVersionTrigger, figureTrigger, LocalDate, Personal } from '@sl/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Assessment } from '../assessment/assessment.entity.js';
import { Recipient } from '../recipient/recipient.entity.js';
import {
  ApplicationDocumentKind,
  ApplicationStatus,
  AppliedBy,
  Decision,
  RefusalGround,
} from './application.enums.js';

/** An application for supported living (001 §3 а, 002 §4 and its appendix form). */
@ObjectType({ description: 'Заявление о предоставлении сопровождаемого проживания' })
@Entity({ tableName: 'application' })
@Trigger(figuresVersionTrigger('social', 'application'))
@Trigger(figureTrigger('social', 'application', 'recipient_id', 'insert'))
@Trigger(figureTrigger('social', 'application', 'recipient_id', 'update'))
@Trigger(figureTrigger('social', 'application', 'recipient_id', 'delete'))
@Check({
  name: 'application_decided_has_decision',
  expression: "(status = 'DECIDED') = (decision is not null)",
})
@Check({ name: 'application_decision_dated', expression: '(decision is null) = (decided_on is null)' })
@Check({
  name: 'application_refusal_has_ground',
  expression: "coalesce(decision = 'REFUSED', false) = (refusal_ground is not null)",
})
@Check({
  name: 'application_grant_has_assessment',
  expression: "decision is distinct from 'GRANTED' or assessment_id is not null",
})
@Check({ name: 'application_decided_after_submitted', expression: 'decided_on >= submitted_on' })
@Check({
  name: 'application_decision_annulment_whole',
  expression:
    '(decision_annulled_at is null) = (decision_annulled_by is null) and (decision_annulled_at is null) = (decision_annulment_reason is null) and (decision_annulled_at is null or decision is not null)',
})
@Index({ properties: ['recipientId', 'submittedOn'] })
@Index({ properties: ['status', 'decisionDueOn'] })
export class Application {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @ManyToOne(() => Recipient, { mapToPk: true, fieldName: 'recipient_id', deleteRule: 'restrict' })
  recipientId!: string;

  @Personal(Access.CASE)
  @Field(() => LocalDate)
  @Property({ type: 'date' })
  submittedOn!: string;

  @Personal(Access.CASE)
  @Field(() => AppliedBy)
  @Enum({ items: () => AppliedBy })
  appliedBy!: AppliedBy;

  @Personal(Access.CASE)
  @Field(() => LocalDate, {
    nullable: true,
    description: 'Consent to the assessment questionnaire (002 appendix)',
  })
  @Property({ type: 'date', nullable: true })
  consentToAssessmentOn: string | null = null;

  @Personal(Access.CASE)
  @Field(() => LocalDate, { nullable: true, description: 'Consent to processing of personal data' })
  @Property({ type: 'date', nullable: true })
  consentToDataProcessingOn: string | null = null;

  @Personal(Access.CASE)
  @Field(() => ApplicationStatus)
  @Enum({ items: () => ApplicationStatus })
  status: Opt<ApplicationStatus> = ApplicationStatus.SUBMITTED;

  @Personal(Access.CASE)
  @Field(() => LocalDate, { description: 'Decision due: 10 calendar days after the application (001 §14)' })
  @Property({ type: 'date' })
  decisionDueOn!: string;

  @Personal(Access.CASE)
  @Field(() => Decision, { nullable: true })
  @Enum({ items: () => Decision, nullable: true })
  decision: Decision | null = null;

  @Personal(Access.CASE)
  @Field(() => RefusalGround, { nullable: true })
  @Enum({ items: () => RefusalGround, nullable: true })
  refusalGround: RefusalGround | null = null;

  @Personal(Access.CASE)
  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  decidedOn: string | null = null;

  /** The assessment a grant rests on (001 §16 а: no degree, no grant). */
  @Personal(Access.CASE)
  @Field(() => ID, { nullable: true })
  @ManyToOne(() => Assessment, {
    mapToPk: true,
    fieldName: 'assessment_id',
    nullable: true,
    deleteRule: 'restrict',
  })
  assessmentId: string | null = null;

  /** The person's written refusal of the assessment, the day it was received (001 §16 в). */
  @Personal(Access.CASE)
  @Field(() => LocalDate, {
    nullable: true,
    description: 'Written refusal of the assessment received (001 §16 в)',
  })
  @Property({ type: 'date', nullable: true })
  assessmentRefusedOn: string | null = null;

  /** The person's written choice of another form of social service (001 §16 г; 002 §8). */
  @Personal(Access.CASE)
  @Field(() => LocalDate, {
    nullable: true,
    description: 'Written choice of another form of service received (001 §16 г)',
  })
  @Property({ type: 'date', nullable: true })
  otherFormChosenOn: string | null = null;

  @Personal(Access.CASE)
  @Field(() => String, { nullable: true, description: 'The form of service the person chose instead' })
  @Property({ type: 'string', length: 300, nullable: true })
  otherFormChosen: string | null = null;

  /** A refusal for missing documents names them (001 §16 б): kept as the decision stated them. */
  @Personal(Access.CASE)
  @Field(() => [String], {
    description: 'Documents named missing in a refusal on 001 §16 б (ApplicationDocumentKind values)',
  })
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  refusalMissingDocuments: Opt<string[]> = [];

  /** Why a grant was decided despite an active medical contraindication (001 §3 д, order 202н). */
  @Personal(Access.CASE)
  @Field(() => String, { nullable: true, description: 'Reason a grant overrode a medical contraindication' })
  @Property({ type: 'string', length: 2000, nullable: true })
  contraindicationOverride: string | null = null;

  /** The term of need the grant sets (001 §10): services run until it, its end is a deadline. */
  @Personal(Access.CASE)
  @Field(() => LocalDate, { nullable: true, description: 'Term of need set by the grant (001 §10)' })
  @Property({ type: 'date', nullable: true })
  needUntil: string | null = null;

  /** 001 §14: a decision after its 10 days stands, marked late by the days over. */
  @Personal(Access.CASE)
  @Field(() => Int, {
    nullable: true,
    description: 'Days the decision came after its due date (001 §14); null when on time or undecided',
  })
  get decidedDaysLate(): Opt<number> | null {
    if (!this.decidedOn || this.decidedOn <= this.decisionDueOn) return null;
    return Math.round((Date.parse(this.decidedOn) - Date.parse(this.decisionDueOn)) / 86_400_000);
  }

  /**
   * A wrong decision is annulled, never edited or deleted (issue 23, as an assessment is): it stays
   * with who annulled it, when and why; the grant status and what followed from it skip it from
   * then on, and the correct decision is taken on a new application.
   */
  @Personal(Access.CASE)
  @Field(() => Date, { nullable: true, description: 'When the decision was annulled (null: in force)' })
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  decisionAnnulledAt: Date | null = null;

  @Personal(Access.CASE)
  @Field(() => String, { nullable: true, description: 'Who annulled the decision (login)' })
  @Property({ type: 'string', length: 200, nullable: true })
  decisionAnnulledBy: string | null = null;

  @Personal(Access.CASE)
  @Field(() => String, { nullable: true, description: 'Why the decision was annulled' })
  @Property({ type: 'text', nullable: true })
  decisionAnnulmentReason: string | null = null;

  @Property({ type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

/** One document of the 001 §3 checklist and the day it was received. */
@ObjectType({ description: 'Документ из перечня 001 §3 и дата его получения' })
@Entity({ tableName: 'application_document' })
@Unique({ properties: ['applicationId', 'kind'] })
export class ApplicationDocument {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Application, { mapToPk: true, fieldName: 'application_id', deleteRule: 'cascade' })
  applicationId!: string;

  @Field(() => ApplicationDocumentKind)
  @Enum({ items: () => ApplicationDocumentKind })
  kind!: ApplicationDocumentKind;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  receivedOn!: string;

  /** The term of a document that has one — the ИППСУ's (001 §17: its end ends the services). */
  @Field(() => LocalDate, { nullable: true, description: 'Valid until (the ИППСУ term, 001 §17)' })
  @Property({ type: 'date', nullable: true })
  validUntil: string | null = null;
}
