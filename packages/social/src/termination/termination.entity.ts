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
import { LocalDate } from '@sl/core';
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

  @Property({ type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
