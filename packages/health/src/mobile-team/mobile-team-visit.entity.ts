import { randomUUID } from 'node:crypto';
import { Entity, Index, PrimaryKey, Property, Trigger } from '@mikro-orm/decorators/legacy';
import { Access, figuresVersionTrigger, figureTrigger, LocalDate, Personal } from '@sl/core';
import { Field, ID, ObjectType } from 'type-graphql';

/** A visit of a mobile (field) medical team to the person (seed 003 item 1.9). */
@ObjectType({ description: 'A visit of a mobile medical team (seed 003 item 1.9)' })
@Entity({ tableName: 'mobile_team_visit' })
@Trigger(figuresVersionTrigger('health', 'mobile_team_visit'))
@Trigger(figureTrigger('health', 'mobile_team_visit', 'recipient_id', 'insert'))
@Trigger(figureTrigger('health', 'mobile_team_visit', 'recipient_id', 'update'))
@Trigger(figureTrigger('health', 'mobile_team_visit', 'recipient_id', 'delete'))
@Index({ properties: ['recipientId', 'visitedOn'] })
@Index({ properties: ['visitedOn'] })
export class MobileTeamVisit {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid' })
  recipientId!: string;

  @Personal(Access.HEALTH)
  @Field(() => LocalDate)
  @Property({ type: 'date' })
  visitedOn!: string;

  @Personal(Access.HEALTH)
  @Field(() => String, { description: 'The team, e.g. «Выездная психиатрическая бригада ЦРБ»' })
  @Property({ type: 'string', length: 300 })
  team!: string;

  @Personal(Access.HEALTH)
  @Field(() => String, { description: 'Help given' })
  @Property({ type: 'text' })
  help!: string;
}
