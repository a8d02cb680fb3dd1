import { randomUUID } from 'node:crypto';
import { Entity, Index, PrimaryKey, Property, Trigger } from '@mikro-orm/decorators/legacy';
import { Access, figuresVersionTrigger, figureTrigger, LocalDate, Personal } from '@sl/core';
import { Field, ID, ObjectType } from 'type-graphql';

/** A vocational guidance session (seed 003 item 2.16). */
@ObjectType({ description: 'A vocational guidance session (003 п. 2.16)' })
@Entity({ tableName: 'guidance_session' })
@Trigger(figuresVersionTrigger('education', 'guidance_session'))
@Trigger(figureTrigger('education', 'guidance_session', 'recipient_id', 'insert'))
@Trigger(figureTrigger('education', 'guidance_session', 'recipient_id', 'update'))
@Trigger(figureTrigger('education', 'guidance_session', 'recipient_id', 'delete'))
@Index({ properties: ['recipientId', 'heldOn'] })
@Index({ properties: ['heldOn'] })
export class GuidanceSession {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid' })
  recipientId!: string;

  @Personal(Access.EDUCATION)
  @Field(() => LocalDate)
  @Property({ type: 'date' })
  heldOn!: string;

  @Personal(Access.EDUCATION)
  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  organisation!: string;

  @Personal(Access.EDUCATION)
  @Field(() => [String], { description: 'Professions suggested' })
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  suggestedProfessions: string[] = [];
}
