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
  Unique,
} from '@mikro-orm/decorators/legacy';
import { Access, LocalDate, Personal } from '@sl/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Recipient } from '../recipient/recipient.entity.js';
import { Stage } from '../stage/stage.entity.js';
import { TerminationReason } from './termination.enums.js';

/** The end of a person's supported living (seed 001 §17): the ground, its dates, the stage it closed. */
@ObjectType({ description: 'End of supported living (seed 001 §17)' })
@Entity({ tableName: 'termination' })
@Unique({ name: 'termination_one_per_stage', properties: ['stageId'] })
@Index({ properties: ['recipientId', 'effectiveOn'] })
@Check({
  name: 'termination_requested_after_ground',
  expression: 'requested_on is null or requested_on >= ground_on',
})
@Check({
  name: 'termination_annulment_whole',
  expression:
    '(annulled_at is null) = (annulled_by is null) and (annulled_at is null) = (annulment_reason is null)',
})
export class Termination {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Recipient, { mapToPk: true, fieldName: 'recipient_id', deleteRule: 'restrict' })
  recipientId!: string;

  /** The stage that was current when participation ended; none when it ended before the first stage. */
  @ManyToOne(() => Stage, { mapToPk: true, fieldName: 'stage_id', nullable: true, deleteRule: 'restrict' })
  stageId: string | null = null;

  @Field(() => TerminationReason)
  @Enum({ items: () => TerminationReason })
  reason!: TerminationReason;

  @Field(() => LocalDate, {
    description: 'Date of the ground: the application filed, the death, the breach…',
  })
  @Property({ type: 'date' })
  groundOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'End date named in the person’s application' })
  @Property({ type: 'date', nullable: true })
  requestedOn: string | null = null;

  @Field(() => LocalDate, { description: 'Services end from this date, by the region’s rule' })
  @Property({ type: 'date' })
  effectiveOn!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 2000, default: '' })
  note: Opt<string> = '';

  /**
   * A wrong termination is annulled, never edited or deleted (issue 23): it stays with who annulled
   * it, when and why, and the case runs on as if it had not ended (the stage it closed reopens).
   */
  @Personal(Access.CASE)
  @Field(() => Date, { nullable: true, description: 'When the termination was annulled (null: in force)' })
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  annulledAt: Date | null = null;

  @Personal(Access.CASE)
  @Field(() => String, { nullable: true, description: 'Who annulled it (login)' })
  @Property({ type: 'string', length: 200, nullable: true })
  annulledBy: string | null = null;

  @Personal(Access.CASE)
  @Field(() => String, { nullable: true, description: 'Why it was annulled' })
  @Property({ type: 'text', nullable: true })
  annulmentReason: string | null = null;

  @Property({ type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
