import { randomUUID } from 'node:crypto';
import type { Opt } from '@mikro-orm/core';
import { Check, Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Access, LocalDate, Personal } from '@sl/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The person; the social subgraph owns the record and every other ministry extends it. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A person who applies for or receives supported living' })
@Entity({ tableName: 'recipient' })
@Check({ name: 'recipient_snils_format', expression: "snils ~ '^[0-9]{11}$'" })
@Check({ name: 'recipient_names_present', expression: 'length(last_name) > 0 and length(first_name) > 0' })
@Index({ properties: ['lastName', 'firstName', 'patronymic', 'id'] })
@Index({ properties: ['municipality', 'lastName', 'firstName', 'patronymic', 'id'] })
@Index({ properties: ['birthDate', 'id'] })
export class Recipient {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Personal(Access.SNILS)
  @Field(() => String, { description: 'СНИЛС, 11 digits without separators' })
  @Unique()
  @Property({ type: 'string', columnType: 'char(11)' })
  snils!: string;

  @Personal(Access.IDENTITY)
  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  lastName!: string;

  @Personal(Access.IDENTITY)
  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  firstName!: string;

  /** Empty when the person has none: keyset pagination over the name needs no NULLs. */
  @Property({ type: 'string', length: 100, default: '' })
  patronymic: Opt<string> = '';

  @Personal(Access.IDENTITY)
  @Field(() => String, { name: 'patronymic', nullable: true })
  get patronymicOrNull(): string | null {
    return this.patronymic || null;
  }

  @Personal(Access.IDENTITY)
  @Field(() => LocalDate)
  @Property({ type: 'date' })
  birthDate!: string;

  @Personal(Access.IDENTITY)
  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  municipality!: string;

  @Property({ type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}
