import { randomUUID } from 'node:crypto';
import type { Opt } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, PrimaryKey, Property, Trigger } from '@mikro-orm/decorators/legacy';
import { figuresVersionTrigger, LocalDate } from '@sl/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Agency } from '../agency/agency.entity.js';
import { CouncilDecision } from './council.entity.js';

/** What the assigned agency reports on a Council decision, as an obligation's progress report. */
@ObjectType({ description: 'A progress report of the assigned agency on a Council decision' })
@Trigger(figuresVersionTrigger('coordination', 'decision_report'))
@Entity({ tableName: 'decision_report' })
@Index({ properties: ['decision', 'reportedOn'] })
@Check({ name: 'decision_report_text_present', expression: 'length(text) > 0' })
export class DecisionReport {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => CouncilDecision, { deleteRule: 'cascade' })
  decision!: CouncilDecision;

  @ManyToOne(() => Agency, { updateRule: 'cascade' })
  agency!: Agency;

  @Field(() => ID, { description: 'The account (or API client) that filed the report' })
  @Property({ type: 'string', length: 64 })
  authorId!: string;

  @Field(() => String, { description: 'Its login or name, as the audit log shows it' })
  @Property({ type: 'string', length: 200 })
  authorName!: string;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  reportedOn!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
