import { randomUUID } from 'node:crypto';
import type { Opt } from '@mikro-orm/core';
import { Check, Entity, Index, PrimaryKey, Property, Trigger } from '@mikro-orm/decorators/legacy';
import { Access, figuresVersionTrigger, figureTrigger, LocalDate, Personal } from '@sl/core';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * Medical conclusion on contraindications to social services (order 202н). Every field but the id
 * is a health detail (152-ФЗ art. 10): each one is declared `@Personal(Access.HEALTH)` on its own so
 * that a later policy can narrow them field by field.
 */
@ObjectType({ description: 'Medical conclusion on contraindications to social services (order 202н)' })
@Entity({ tableName: 'medical_conclusion' })
@Trigger(figuresVersionTrigger('health', 'medical_conclusion'))
@Trigger(figureTrigger('health', 'medical_conclusion', 'recipient_id', 'insert'))
@Trigger(figureTrigger('health', 'medical_conclusion', 'recipient_id', 'update'))
@Trigger(figureTrigger('health', 'medical_conclusion', 'recipient_id', 'delete'))
@Index({ properties: ['recipientId', 'issuedOn'] })
@Index({ properties: ['issuedOn'] })
@Check({
  name: 'medical_conclusion_conditions_match',
  expression: 'contraindications_present = (cardinality(conditions) > 0)',
})
@Check({
  name: 'medical_conclusion_valid_after_issue',
  expression: 'valid_until is null or valid_until >= issued_on',
})
export class MedicalConclusion {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The person, by the social subgraph's id: no foreign key across ministries. */
  @Field(() => ID)
  @Property({ type: 'uuid' })
  recipientId!: string;

  @Personal(Access.HEALTH)
  @Field(() => LocalDate)
  @Property({ type: 'date' })
  issuedOn!: string;

  @Personal(Access.HEALTH)
  @Field(() => Boolean, { description: 'True when contraindications were found' })
  @Property({ type: 'boolean' })
  contraindicationsPresent!: boolean;

  @Personal(Access.HEALTH)
  @Field(() => [String], { description: 'The contraindicating conditions, ICD-10 codes (e.g. F20.0)' })
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  conditions: string[] = [];

  @Personal(Access.HEALTH)
  @Field(() => String, { description: 'Issuing medical organisation' })
  @Property({ type: 'string', length: 300 })
  organisation!: string;

  @Personal(Access.HEALTH)
  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  validUntil: string | null = null;

  @Property({ type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
