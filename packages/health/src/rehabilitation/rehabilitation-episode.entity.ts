import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, PrimaryKey, Property, Trigger } from '@mikro-orm/decorators/legacy';
import { Access, figuresVersionTrigger, figureTrigger, LocalDate, Personal } from '@sl/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum RehabilitationSetting {
  INPATIENT = 'INPATIENT',
  DAY_HOSPITAL = 'DAY_HOSPITAL',
  OUTPATIENT = 'OUTPATIENT',
}
registerEnumType(RehabilitationSetting, {
  name: 'RehabilitationSetting',
  valuesConfig: {
    INPATIENT: { description: 'стационар' },
    DAY_HOSPITAL: { description: 'дневной стационар' },
    OUTPATIENT: { description: 'амбулаторно' },
  },
});

@ObjectType({ description: 'An episode of medical rehabilitation' })
@Entity({ tableName: 'rehabilitation_episode' })
@Trigger(figuresVersionTrigger('health', 'rehabilitation_episode'))
@Trigger(figureTrigger('health', 'rehabilitation_episode', 'recipient_id', 'insert'))
@Trigger(figureTrigger('health', 'rehabilitation_episode', 'recipient_id', 'update'))
@Trigger(figureTrigger('health', 'rehabilitation_episode', 'recipient_id', 'delete'))
@Index({ properties: ['recipientId', 'startDate'] })
@Check({
  name: 'rehabilitation_episode_dates_order',
  expression: 'end_date is null or end_date >= start_date',
})
export class RehabilitationEpisode {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid' })
  recipientId!: string;

  @Personal(Access.HEALTH)
  @Field(() => RehabilitationSetting)
  @Enum({ items: () => RehabilitationSetting, nativeEnumName: 'rehabilitation_setting' })
  setting!: RehabilitationSetting;

  @Personal(Access.HEALTH)
  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  organisation!: string;

  @Personal(Access.HEALTH)
  @Field(() => String, { nullable: true, description: 'ICD-10 code of the main condition' })
  @Property({ type: 'string', length: 8, nullable: true })
  condition: string | null = null;

  @Personal(Access.HEALTH)
  @Field(() => LocalDate)
  @Property({ type: 'date' })
  startDate!: string;

  @Personal(Access.HEALTH)
  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  endDate: string | null = null;
}
