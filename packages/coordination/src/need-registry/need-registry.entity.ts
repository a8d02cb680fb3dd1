import { Entity, Index, PrimaryKey, Property, Trigger } from '@mikro-orm/decorators/legacy';
import { figuresVersionTrigger, figureTrigger, LocalDate } from '@sl/core';
import { Field, ObjectType } from 'type-graphql';

/**
 * The region's database of people who need and want supported living (seed 000: the register of
 * persons wishing to move to supported living), the base of the Council's "identified" indicator.
 */
@ObjectType({ description: 'Entry in the register of people identified as needing supported living' })
@Trigger(figureTrigger('coordination', 'need_registry_entry', 'recipient_id', 'insert'))
@Trigger(figureTrigger('coordination', 'need_registry_entry', 'recipient_id', 'update'))
@Trigger(figureTrigger('coordination', 'need_registry_entry', 'recipient_id', 'delete'))
@Trigger(figuresVersionTrigger('coordination', 'need_registry_entry'))
@Entity({ tableName: 'need_registry_entry' })
@Index({ properties: ['identifiedOn'] })
export class NeedRegistryEntry {
  @PrimaryKey({ type: 'uuid' })
  recipientId!: string;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  identifiedOn!: string;

  @Field(() => String, {
    description: 'Who identified the need (e.g. a residential institution, a municipality)',
  })
  @Property({ type: 'string', length: 300 })
  source!: string;
}
