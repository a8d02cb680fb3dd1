import { randomUUID } from 'node:crypto';
import { Entity, Index, PrimaryKey, Property, Trigger } from '@mikro-orm/decorators/legacy';
import { Access, figuresVersionTrigger, figureTrigger, LocalDate, Personal } from '@sl/core';
import { Field, ID, ObjectType } from 'type-graphql';

/** Recommendation of a psychological-medical-pedagogical commission (ПМПК; seed 003 item 2.14). */
@ObjectType({ description: 'ПМПК recommendation: programme and conditions of education (003 п. 2.14)' })
@Entity({ tableName: 'pmpk_recommendation' })
@Trigger(figuresVersionTrigger('education', 'pmpk_recommendation'))
@Trigger(figureTrigger('education', 'pmpk_recommendation', 'recipient_id', 'insert'))
@Trigger(figureTrigger('education', 'pmpk_recommendation', 'recipient_id', 'update'))
@Trigger(figureTrigger('education', 'pmpk_recommendation', 'recipient_id', 'delete'))
@Index({ properties: ['recipientId', 'issuedOn'] })
@Index({ properties: ['issuedOn'] })
export class PmpkRecommendation {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid' })
  recipientId!: string;

  @Personal(Access.EDUCATION)
  @Field(() => LocalDate)
  @Property({ type: 'date' })
  issuedOn!: string;

  @Personal(Access.EDUCATION)
  @Field(() => String, { description: 'The commission, e.g. «Центральная ПМПК»' })
  @Property({ type: 'string', length: 300 })
  commission!: string;

  @Personal(Access.EDUCATION)
  @Field(() => String, { description: 'The recommended (adapted) educational programme' })
  @Property({ type: 'string', length: 300 })
  programme!: string;

  @Personal(Access.EDUCATION)
  @Field(() => String, { nullable: true, description: 'Special conditions: tutor, assistant, schedule' })
  @Property({ type: 'text', nullable: true })
  conditions: string | null = null;
}
