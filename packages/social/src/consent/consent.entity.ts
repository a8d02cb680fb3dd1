import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Access, LocalDate, Personal } from '@sl/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Recipient } from '../recipient/recipient.entity.js';
import { ConsentAction, ConsentKind, Ministry } from './consent.enums.js';

/**
 * One dated fact about a consent: given or withdrawn. The history is the table: a withdrawal is a
 * new row, never an edit, so what was in force on any day can be told afterwards. A consent's
 * "scope" is its kind, and for sharing the ministry and optionally one agency of it.
 */
@ObjectType({ description: 'A consent given or withdrawn on a date (the history is kept whole)' })
@Entity({ tableName: 'consent_event' })
@Check({
  name: 'consent_event_sharing_names_ministry',
  expression: "(kind = 'SHARING') = (shared_with is not null)",
})
@Check({
  name: 'consent_event_agency_only_for_sharing',
  expression: "agency_id is null or kind = 'SHARING'",
})
@Index({ properties: ['recipientId', 'kind', 'effectiveOn'] })
export class ConsentEvent {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @ManyToOne(() => Recipient, { mapToPk: true, fieldName: 'recipient_id', deleteRule: 'restrict' })
  recipientId!: string;

  @Personal(Access.CONSENT)
  @Field(() => ConsentKind)
  @Enum({ items: () => ConsentKind })
  kind!: ConsentKind;

  @Personal(Access.CONSENT)
  @Field(() => Ministry, { nullable: true, description: 'For sharing: the ministry it names' })
  @Enum({ items: () => Ministry, nullable: true })
  sharedWith: Ministry | null = null;

  @Personal(Access.CONSENT)
  @Field(() => String, {
    nullable: true,
    description:
      'For sharing: one agency of the ministry only (as accounts name it, e.g. «Минздрав»); null = the whole ministry',
  })
  @Property({ type: 'string', length: 200, nullable: true })
  agencyId: string | null = null;

  @Personal(Access.CONSENT)
  @Field(() => ConsentAction)
  @Enum({ items: () => ConsentAction })
  action!: ConsentAction;

  @Personal(Access.CONSENT)
  @Field(() => LocalDate, { description: 'The day the consent was given or withdrawn' })
  @Property({ type: 'date' })
  effectiveOn!: string;

  @Personal(Access.CONSENT)
  @Field(() => String, {
    nullable: true,
    description: 'The signed document (application, written consent, withdrawal letter)',
  })
  @Property({ type: 'string', length: 300, nullable: true })
  document: string | null = null;

  @Personal(Access.CONSENT)
  @Field(() => Date, { description: 'When it was entered' })
  @Property({ type: 'Date', columnType: 'timestamptz' })
  recordedAt!: Date;

  @Personal(Access.CONSENT)
  @Field(() => String, { description: 'Who entered it (login)' })
  @Property({ type: 'string', length: 200 })
  recordedBy!: string;
}
