import { randomUUID } from 'node:crypto';
import type { Opt } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { LocalDate } from '@sl/core';
import { Field, ID, ObjectType } from 'type-graphql';

/** Medical conclusion on contraindications to social services (order 202н). */
@ObjectType({ description: 'Medical conclusion on contraindications to social services (order 202н)' })
@Entity({ tableName: 'medical_conclusion' })
@Index({ properties: ['recipientId', 'issuedOn'] })
export class MedicalConclusion {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The person, by the social subgraph's id: no foreign key across ministries. */
  @Property({ type: 'uuid' })
  recipientId!: string;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  issuedOn!: string;

  @Field(() => Boolean, { description: 'True when contraindications were found' })
  @Property({ type: 'boolean' })
  contraindicationsPresent!: boolean;

  @Field(() => String, { description: 'Issuing medical organisation' })
  @Property({ type: 'string', length: 300 })
  organisation!: string;

  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  validUntil: string | null = null;

  @Property({ type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
