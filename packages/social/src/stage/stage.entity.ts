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
import { figuresVersionTrigger, figureTrigger, LocalDate } from '@sl/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Provider } from '../provider/provider.entity.js';
import { Recipient } from '../recipient/recipient.entity.js';
import { TerminationReason } from '../termination/termination.enums.js';
import { PlannedHoursPer, StageEndReason, StageKind, StageServiceType } from './stage.enums.js';

/**
 * One stage of a person's supported living (seed 002 §15). Stages are never deleted: the history
 * is the list of closed stages plus at most one open one — the database allows no second.
 * Dates are half-open: a stage ends on the day the next one (or the termination) takes effect.
 */
@ObjectType({ description: 'A stage of supported living (seed 002 §15) with its dates' })
@Entity({ tableName: 'stage' })
@Trigger(figuresVersionTrigger('social', 'stage'))
@Trigger(figureTrigger('social', 'stage', 'recipient_id', 'insert'))
@Trigger(figureTrigger('social', 'stage', 'recipient_id', 'update'))
@Trigger(figureTrigger('social', 'stage', 'recipient_id', 'delete'))
@Unique({ name: 'stage_one_open_per_recipient', properties: ['recipientId'], where: 'ended_on is null' })
@Index({ properties: ['recipientId', 'startedOn'] })
@Check({ name: 'stage_dates_ordered', expression: 'ended_on is null or ended_on >= started_on' })
@Check({ name: 'stage_end_reason_with_end', expression: '(ended_on is null) = (end_reason is null)' })
@Check({
  name: 'stage_termination_reason',
  expression:
    "(end_reason = 'TERMINATED' and termination_reason is not null) or (end_reason is distinct from 'TERMINATED' and termination_reason is null)",
})
@Check({
  name: 'stage_main_service',
  expression:
    "(kind = 'MAIN' and service_type is not null and planned_hours > 0 and planned_hours_per is not null) or (kind <> 'MAIN' and service_type is null and planned_hours is null and planned_hours_per is null)",
})
export class Stage {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Recipient, { mapToPk: true, fieldName: 'recipient_id', deleteRule: 'restrict' })
  recipientId!: string;

  @Field(() => StageKind)
  @Enum({ items: () => StageKind })
  kind!: StageKind;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  startedOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Empty while the stage is current' })
  @Property({ type: 'date', nullable: true })
  endedOn: string | null = null;

  @Field(() => StageEndReason, { nullable: true })
  @Enum({ items: () => StageEndReason, nullable: true })
  endReason: StageEndReason | null = null;

  @Field(() => TerminationReason, { nullable: true, description: 'Why participation ended (seed 001 §17)' })
  @Enum({ items: () => TerminationReason, nullable: true })
  terminationReason: TerminationReason | null = null;

  /** The provider serving the person, from the registry (seed 001 §6, 002 appendix 2). */
  @Field(() => ID, { nullable: true })
  @ManyToOne(() => Provider, {
    mapToPk: true,
    fieldName: 'provider_id',
    nullable: true,
    deleteRule: 'restrict',
  })
  providerId: string | null = null;

  @Field(() => StageServiceType, { nullable: true, description: 'Main stage only: type or mode of service' })
  @Enum({ items: () => StageServiceType, nullable: true })
  serviceType: StageServiceType | null = null;

  @Field(() => Int, { nullable: true, description: 'Main stage only: planned hours per day or week' })
  @Property({ type: 'smallint', nullable: true })
  plannedHours: number | null = null;

  @Field(() => PlannedHoursPer, { nullable: true })
  @Enum({ items: () => PlannedHoursPer, nullable: true })
  plannedHoursPer: PlannedHoursPer | null = null;

  @Field(() => Boolean, { description: 'True while the stage is the current one' })
  get current(): Opt<boolean> {
    return this.endedOn === null;
  }

  @Property({ type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
