import { randomUUID } from 'node:crypto';
import type { Opt } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { Provider } from '../provider/provider.entity.js';
import { StaffRole } from './services.enums.js';

/** An employee of a provider who can be on a person's multidisciplinary team (002 §13). */
@ObjectType({ description: "A provider's staff member: a possible member of multidisciplinary teams" })
@Entity({ tableName: 'staff_member' })
@Check({ name: 'staff_member_name_present', expression: 'length(full_name) > 0' })
@Index({ properties: ['provider', 'fullName', 'id'] })
export class StaffMember {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  fullName!: string;

  @Field(() => StaffRole)
  @Enum({ items: () => StaffRole })
  role!: StaffRole;

  @ManyToOne(() => Provider, { deleteRule: 'restrict' })
  provider!: Provider;

  @Property({ type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
