import { randomUUID } from 'node:crypto';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { LocalDate } from '@sl/core';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A job placement of a person (seed 000 item 11, seed 004 item 2.2.2)' })
@Entity({ tableName: 'placement' })
@Index({ properties: ['recipientId', 'startDate'] })
export class Placement {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The person, by the social subgraph's id: no foreign key across ministries. */
  @Property({ type: 'uuid' })
  recipientId!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  employerName!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  position!: string;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  startDate!: string;

  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  endDate: string | null = null;

  @Field(() => Boolean, { description: 'Supported employment with a mentor' })
  @Property({ type: 'boolean' })
  supported!: boolean;
}
