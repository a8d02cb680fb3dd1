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
} from '@mikro-orm/decorators/legacy';
import { LocalDate } from '@sl/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Agency } from '../agency/agency.entity.js';
import { RoadmapItem } from '../roadmap/roadmap.entity.js';

export enum DecisionStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(DecisionStatus, { name: 'DecisionStatus' });

@ObjectType({ description: 'A meeting of the Council on disability affairs' })
@Entity({ tableName: 'council_meeting' })
@Index({ properties: ['region', 'heldOn', 'id'] })
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
@Entity({ tableName: 'council_decision' })
@Index({ properties: ['meeting', 'id'] })
@Index({ properties: ['status', 'dueDate', 'id'] })
@Index({ properties: ['assignee', 'dueDate', 'id'] })
@Check({ name: 'council_decision_done_has_date', expression: "(status = 'DONE') = (done_on is not null)" })
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

  @ManyToOne(() => Agency)
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

  @ManyToMany(() => RoadmapItem, undefined, { pivotTable: 'council_decision_item' })
  items = new Collection<RoadmapItem>(this);
}
