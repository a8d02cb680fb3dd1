import { randomUUID } from 'node:crypto';
import type { Opt } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Access, LocalDate, Personal } from '@sl/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Provider } from '../provider/provider.entity.js';
import { Recipient } from '../recipient/recipient.entity.js';
import { GoalStatus } from './services.enums.js';

/** The individual rehabilitation route (ИРМ) the provider draws up for each participant (002 §10). */
@ObjectType({ description: 'Individual rehabilitation route (ИРМ, seed 002 §10)' })
@Entity({ tableName: 'rehabilitation_route' })
export class RehabilitationRoute {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** One route per person (002 §10: "на каждого инвалида-участника"). */
  @Personal(Access.SERVICE)
  @Field(() => ID)
  @ManyToOne(() => Recipient, {
    mapToPk: true,
    fieldName: 'recipient_id',
    deleteRule: 'restrict',
    unique: true,
  })
  recipientId!: string;

  @ManyToOne(() => Provider, { deleteRule: 'restrict' })
  provider!: Provider;

  @Personal(Access.SERVICE)
  @Field(() => LocalDate)
  @Property({ type: 'date' })
  approvedOn!: string;

  @Property({ type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

/** A goal of the route: what the person should manage by when. */
@ObjectType({ description: 'A goal of the rehabilitation route' })
@Entity({ tableName: 'route_goal' })
@Check({ name: 'route_goal_text_present', expression: 'length(text) > 0' })
@Index({ properties: ['route', 'targetDate'] })
export class RouteGoal {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => RehabilitationRoute, { deleteRule: 'cascade' })
  route!: RehabilitationRoute;

  /** Copied from the route so that every read of the goal is audited against the person. */
  @Personal(Access.SERVICE)
  @Field(() => ID)
  @ManyToOne(() => Recipient, { mapToPk: true, fieldName: 'recipient_id', deleteRule: 'restrict' })
  recipientId!: string;

  @Personal(Access.SERVICE)
  @Field(() => String)
  @Property({ type: 'text' })
  text!: string;

  @Personal(Access.SERVICE)
  @Field(() => LocalDate)
  @Property({ type: 'date' })
  targetDate!: string;

  @Personal(Access.SERVICE)
  @Field(() => GoalStatus)
  @Enum({ items: () => GoalStatus, default: GoalStatus.PLANNED })
  status: Opt<GoalStatus> = GoalStatus.PLANNED;

  @Property({ type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
