import { randomUUID } from 'node:crypto';
import type { Opt } from '@mikro-orm/core';
import { Collection } from '@mikro-orm/core';
import {
  Check,
  Entity,
  Enum,
  Index,
  ManyToMany,
  ManyToOne,
  PrimaryKey,
  Property,
  Trigger,
  Unique,
} from '@mikro-orm/decorators/legacy';
import { figuresVersionTrigger, LocalDate } from '@sl/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Agency } from '../agency/agency.entity.js';
import { RoadmapItem } from '../roadmap/roadmap.entity.js';

export enum DecisionStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(DecisionStatus, { name: 'DecisionStatus' });

/**
 * The count of people a decision sets, by the `Indicators` figure it is measured with (seed 000
 * item 5: the Council coordinates; its decisions name how many people, e.g. "трудоустроить 10
 * инвалидов"). Values are named after the `Indicators` field, so the figure can be read beside it.
 */
export enum PeopleIndicator {
  PEOPLE_IDENTIFIED = 'PEOPLE_IDENTIFIED',
  PEOPLE_IN_SUPPORTED_LIVING = 'PEOPLE_IN_SUPPORTED_LIVING',
  PEOPLE_IN_EDUCATION = 'PEOPLE_IN_EDUCATION',
  PEOPLE_EMPLOYED = 'PEOPLE_EMPLOYED',
  PEOPLE_IN_SUPPORTED_EMPLOYMENT = 'PEOPLE_IN_SUPPORTED_EMPLOYMENT',
}
registerEnumType(PeopleIndicator, {
  name: 'PeopleIndicator',
  description: 'The `Indicators` figure a Council decision’s count of people is measured with',
  valuesConfig: {
    PEOPLE_IDENTIFIED: { description: '`peopleIdentified`: identified as needing supported living' },
    PEOPLE_IN_SUPPORTED_LIVING: { description: '`peopleByStage`: people in a stage of supported living' },
    PEOPLE_IN_EDUCATION: { description: '`peopleInEducation`' },
    PEOPLE_EMPLOYED: { description: '`peopleEmployed`' },
    PEOPLE_IN_SUPPORTED_EMPLOYMENT: { description: '`peopleInSupportedEmployment`' },
  },
});

@ObjectType({ description: 'A meeting of the Council on disability affairs' })
@Trigger(figuresVersionTrigger('coordination', 'council_meeting'))
@Entity({ tableName: 'council_meeting' })
@Index({ properties: ['region', 'heldOn', 'id'] })
// a decision is named by its protocol: one number, one protocol per Council (numbering/)
@Unique({ properties: ['region', 'protocolNumber'] })
export class CouncilMeeting {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String)
  @Property({ type: 'string', length: 40 })
  region!: string;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  heldOn!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  agenda!: string;

  @Field(() => [String])
  @Property({ type: 'json' })
  attendees: string[] = [];

  @Field(() => String, { nullable: true, description: 'Protocol number' })
  @Property({ type: 'string', length: 40, nullable: true })
  protocolNumber: string | null = null;

  @Field(() => String, { nullable: true, description: 'Protocol text' })
  @Property({ type: 'text', nullable: true })
  protocol: string | null = null;
}

@ObjectType({ description: 'A decision (поручение) of the Council, assigned to an agency' })
@Trigger(figuresVersionTrigger('coordination', 'council_decision'))
@Entity({ tableName: 'council_decision' })
@Index({ properties: ['meeting', 'id'] })
@Unique({ properties: ['meeting', 'number'] })
@Index({ properties: ['status', 'dueDate', 'id'] })
@Index({ properties: ['assignee', 'dueDate', 'id'] })
@Check({ name: 'council_decision_done_has_date', expression: "(status = 'DONE') = (done_on is not null)" })
@Check({
  name: 'council_decision_people_count_positive',
  expression: 'people_count is null or people_count > 0',
})
@Check({
  name: 'council_decision_indicator_has_count',
  expression: 'people_indicator is null or people_count is not null',
})
export class CouncilDecision {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => CouncilMeeting, { deleteRule: 'cascade' })
  meeting!: CouncilMeeting;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 20, nullable: true })
  number: string | null = null;

  @Field(() => String)
  @Property({ type: 'text' })
  text!: string;

  @ManyToOne(() => Agency, { updateRule: 'cascade' })
  assignee!: Agency;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  dueDate!: string;

  @Field(() => DecisionStatus, { description: 'Stored status; see `overdue`' })
  @Enum({ items: () => DecisionStatus, nativeEnumName: 'decision_status' })
  status: Opt<DecisionStatus> = DecisionStatus.OPEN;

  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  doneOn: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  doneNote: string | null = null;

  @Field(() => Int, { nullable: true, description: 'How many people the decision concerns, when it says' })
  @Property({ type: 'integer', nullable: true })
  peopleCount: number | null = null;

  @Field(() => PeopleIndicator, { nullable: true, description: 'The figure `peopleCount` is measured with' })
  @Enum({ items: () => PeopleIndicator, nativeEnumName: 'people_indicator', nullable: true })
  peopleIndicator: PeopleIndicator | null = null;

  @ManyToMany(() => RoadmapItem, undefined, { pivotTable: 'council_decision_item' })
  items = new Collection<RoadmapItem>(this);
}
