import { randomUUID } from 'node:crypto';
import type { Opt } from '@mikro-orm/core';
import {
  Check,
  Embeddable,
  Embedded,
  Entity,
  Enum,
  Index,
  PrimaryKey,
  Property,
  Trigger,
  Unique,
} from '@mikro-orm/decorators/legacy';
import { Access, figuresVersionTrigger, figureTrigger, LocalDate, Personal } from '@sl/core';
import { Authorized, Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import {
  AutonomyDegree,
  DisabilityGroup,
  LegalCapacity,
  RepresentativeKind,
  Sex,
} from './recipient.enums.js';

/** The person's legal or authorised representative (seed 001 §3 ж, seed 002 §4). */
@ObjectType({ description: 'Законный или уполномоченный представитель' })
@Embeddable()
export class Representative {
  @Field(() => RepresentativeKind)
  @Enum({ items: () => RepresentativeKind })
  kind!: RepresentativeKind;

  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  fullName!: string;

  @Field(() => String, { description: 'Identity document of the representative' })
  @Property({ type: 'string', length: 300 })
  identityDocument!: string;

  @Field(() => String, { description: 'Document giving the authority (court decision, power of attorney…)' })
  @Property({ type: 'string', length: 300 })
  authorityDocument!: string;
}

/**
 * Limitation degree 0–3 in each basic life category (seed 002 §2), as the ИПРА / МСЭ states it;
 * null while not yet known.
 */
@ObjectType({ description: 'Степень ограничения (0–3) основных категорий жизнедеятельности' })
@Embeddable()
export class LifeLimitations {
  @Field(() => Int, { nullable: true, description: 'самообслуживание' })
  @Property({ type: 'smallint', nullable: true })
  selfCare: number | null = null;

  @Field(() => Int, { nullable: true, description: 'самостоятельное передвижение' })
  @Property({ type: 'smallint', nullable: true })
  movement: number | null = null;

  @Field(() => Int, { nullable: true, description: 'ориентация' })
  @Property({ type: 'smallint', nullable: true })
  orientation: number | null = null;

  @Field(() => Int, { nullable: true, description: 'общение' })
  @Property({ type: 'smallint', nullable: true })
  communication: number | null = null;

  @Field(() => Int, { nullable: true, description: 'обучение' })
  @Property({ type: 'smallint', nullable: true })
  learning: number | null = null;

  @Field(() => Int, { nullable: true, description: 'контроль за своим поведением' })
  @Property({ type: 'smallint', nullable: true })
  behaviourControl: number | null = null;
}

const limitationCheck = (column: string) => ({
  name: `recipient_limitation_${column}_range`,
  expression: `limitation_${column} >= 0 and limitation_${column} <= 3`,
});

/**
 * Lower-case, ё→е full name for case- and ё-insensitive search and the duplicate check. `translate`
 * rather than `lower` alone: with the C locale PostgreSQL's `lower` leaves Cyrillic untouched.
 * `normalizeName` in recipient.service.ts is the same rule in TypeScript.
 */
const SEARCH_NAME_SQL =
  "(rtrim(translate(lower(last_name || ' ' || first_name || ' ' || patronymic), 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯё', 'абвгдеежзийклмнопрстуфхцчшщъыьэюяе'))) stored";

/** The person; the social subgraph owns the record and every other ministry extends it. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A person who applies for or receives supported living' })
@Entity({ tableName: 'recipient' })
@Trigger(figuresVersionTrigger('social', 'recipient'))
@Trigger(figureTrigger('social', 'recipient', 'id', 'insert'))
@Trigger(figureTrigger('social', 'recipient', 'id', 'update'))
@Trigger(figureTrigger('social', 'recipient', 'id', 'delete'))
@Check({ name: 'recipient_snils_format', expression: "snils ~ '^[0-9]{11}$'" })
@Check({ name: 'recipient_names_present', expression: 'length(last_name) > 0 and length(first_name) > 0' })
@Check(limitationCheck('self_care'))
@Check(limitationCheck('movement'))
@Check(limitationCheck('orientation'))
@Check(limitationCheck('communication'))
@Check(limitationCheck('learning'))
@Check(limitationCheck('behaviour_control'))
@Check({
  name: 'recipient_representative_complete',
  expression:
    '(representative_kind is null) = (representative_full_name is null) and (representative_kind is null) = (representative_identity_document is null) and (representative_kind is null) = (representative_authority_document is null)',
})
@Index({ properties: ['lastName', 'firstName', 'patronymic', 'id'] })
@Index({ properties: ['municipality', 'lastName', 'firstName', 'patronymic', 'id'] })
@Index({ properties: ['birthDate', 'id'] })
@Index({ properties: ['searchName', 'birthDate'] })
// Every filter of the list with every order it offers, so a page deep into a million people is
// read from an index in its keyset order; name words match anywhere in the name (trigrams).
@Index({ properties: ['municipality', 'birthDate', 'id'] })
@Index({ properties: ['autonomyDegree', 'lastName', 'firstName', 'patronymic', 'id'] })
@Index({ properties: ['autonomyDegree', 'birthDate', 'id'] })
@Index({
  name: 'recipient_search_name_trgm',
  expression:
    'create index "recipient_search_name_trgm" on "social"."recipient" using gin ("search_name" public.gin_trgm_ops)',
})
export class Recipient {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Personal(Access.SNILS)
  @Field(() => String, { description: 'СНИЛС, 11 digits without separators' })
  @Unique()
  @Property({ type: 'string', columnType: 'char(11)' })
  snils!: string;

  @Personal(Access.IDENTITY)
  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  lastName!: string;

  @Personal(Access.IDENTITY)
  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  firstName!: string;

  /** Empty when the person has none: keyset pagination over the name needs no NULLs. */
  @Property({ type: 'string', length: 100, default: '' })
  patronymic: Opt<string> = '';

  @Personal(Access.IDENTITY)
  @Field(() => String, { name: 'patronymic', nullable: true })
  get patronymicOrNull(): string | null {
    return this.patronymic || null;
  }

  @Property({ type: 'string', length: 310, generated: SEARCH_NAME_SQL, lazy: true })
  searchName?: Opt<string>;

  @Personal(Access.IDENTITY)
  @Field(() => LocalDate)
  @Property({ type: 'date' })
  birthDate!: string;

  /** Null only for records made before the field existed; new records require it. */
  @Personal(Access.IDENTITY)
  @Field(() => Sex, { nullable: true })
  @Enum({ items: () => Sex, nullable: true })
  sex: Sex | null = null;

  @Personal(Access.IDENTITY)
  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  municipality!: string;

  @Personal(Access.CONTACT)
  @Field(() => String, { nullable: true, description: 'Address of residence or stay' })
  @Property({ type: 'string', length: 500, nullable: true })
  address: string | null = null;

  @Personal(Access.CONTACT)
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 40, nullable: true })
  phone: string | null = null;

  @Personal(Access.CONTACT)
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  email: string | null = null;

  @Personal(Access.CONTACT)
  @Field(() => LegalCapacity, { nullable: true, description: 'Null while not yet established' })
  @Enum({ items: () => LegalCapacity, nullable: true })
  legalCapacity: LegalCapacity | null = null;

  @Personal(Access.CONTACT)
  @Field(() => Representative, { nullable: true })
  @Embedded(() => Representative, { nullable: true, prefix: 'representative_' })
  representative: Representative | null = null;

  @Personal(Access.DISABILITY)
  @Field(() => DisabilityGroup, { nullable: true })
  @Enum({ items: () => DisabilityGroup, nullable: true })
  disabilityGroup: DisabilityGroup | null = null;

  @Personal(Access.DISABILITY)
  @Field(() => String, { nullable: true, description: 'Number of the ИПРА (rehabilitation programme)' })
  @Property({ type: 'string', length: 60, nullable: true })
  ipraNumber: string | null = null;

  @Personal(Access.DISABILITY)
  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  ipraDate: string | null = null;

  @Personal(Access.DISABILITY)
  @Field(() => LifeLimitations)
  @Embedded(() => LifeLimitations, { prefix: 'limitation_' })
  limitations: Opt<LifeLimitations> = new LifeLimitations();

  /**
   * The degree of the person's latest assessment, kept here by AssessmentService in the same
   * transaction so that lists can filter and index by it.
   */
  @Personal(Access.DISABILITY)
  @Field(() => AutonomyDegree, { nullable: true, description: 'Degree given by the latest assessment' })
  @Enum({ items: () => AutonomyDegree, nullable: true })
  autonomyDegree: AutonomyDegree | null = null;

  /**
   * Optimistic lock: every change adds one. An edit states the version it was made on; if someone
   * changed the record meanwhile, the edit is refused instead of silently overwriting theirs.
   */
  @Personal(Access.IDENTITY)
  @Field(() => Int, {
    description:
      'Send it back with `updateRecipient`: an edit of an older version is refused (EDIT_CONFLICT)',
  })
  @Property({ type: 'integer', version: true, default: 1 })
  version: Opt<number> = 1;

  /**
   * The coordinator account (access subgraph, no foreign key across schemas) running the person's
   * case: set to the coordinator who registers the person, changed by `assignCaseCoordinator`.
   */
  @Index()
  @Property({ type: 'uuid', nullable: true })
  caseCoordinatorId: string | null = null;

  /**
   * Health reads this (`@requires`) to show health details to the case's own coordinator only. Not
   * the person's data but who works on their case, so not audited per read.
   */
  @Authorized(...Access.CASE_ASSIGNMENT)
  @Field(() => [ID], {
    name: 'caseCoordinatorIds',
    description:
      'The accounts of the coordinators of the authorised body running this person’s case (today at most one): ' +
      'only they, of all coordinators, read the person’s health details',
  })
  get caseCoordinatorIds(): Opt<string[]> {
    return (this.caseCoordinatorId ? [this.caseCoordinatorId] : []) as Opt<string[]>;
  }

  @Property({ type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}
