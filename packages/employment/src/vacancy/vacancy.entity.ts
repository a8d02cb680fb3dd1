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
} from '@mikro-orm/decorators/legacy';
import { Access, figuresVersionTrigger, figureTrigger, LocalDate } from '@sl/core';
import { Authorized, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Employer } from '../employer/employer.entity.js';
import { WorkKind } from '../work-kind.js';

/** How the workplace came to be (seed 004 items 2.2.3–2.2.4). */
export enum WorkplaceOrigin {
  REGULAR = 'REGULAR',
  CREATED = 'CREATED',
  EQUIPPED = 'EQUIPPED',
  ABOVE_QUOTA = 'ABOVE_QUOTA',
}
registerEnumType(WorkplaceOrigin, {
  name: 'WorkplaceOrigin',
  valuesConfig: {
    REGULAR: { description: 'обычное рабочее место' },
    CREATED: { description: 'создано для трудоустройства инвалида (004 п. 2.2.3)' },
    EQUIPPED: { description: 'оснащено (специально оборудовано) для инвалида (004 п. 2.2.3)' },
    ABOVE_QUOTA: { description: 'дополнительное сверх или помимо квоты (004 п. 2.2.4)' },
  },
});

@ObjectType({ description: 'A vacancy an employer declared to the employment agency' })
@Entity({ tableName: 'vacancy' })
@Trigger(figuresVersionTrigger('employment', 'vacancy'))
@Trigger(figureTrigger('employment', 'vacancy', 'id', 'insert'))
@Trigger(figureTrigger('employment', 'vacancy', 'id', 'update'))
@Trigger(figureTrigger('employment', 'vacancy', 'id', 'delete'))
@Index({ properties: ['employer', 'openedOn'] })
@Check({ name: 'vacancy_dates_order', expression: 'closed_on is null or closed_on >= opened_on' })
@Check({ name: 'vacancy_above_quota_not_quota', expression: "not (quota and origin = 'ABOVE_QUOTA')" })
export class Vacancy {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Employer, { deleteRule: 'restrict' })
  employer!: Employer;

  @Authorized(...Access.REFERENCE)
  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  position!: string;

  @Authorized(...Access.REFERENCE)
  @Field(() => WorkKind)
  @Enum({ items: () => WorkKind, nativeEnumName: 'work_kind' })
  workKind!: WorkKind;

  @Authorized(...Access.REFERENCE)
  @Field(() => Boolean, { description: 'A job in the employer’s quota for disabled people (004 п. 2.2.1)' })
  @Property({ type: 'boolean' })
  quota!: boolean;

  @Authorized(...Access.REFERENCE)
  @Field(() => WorkplaceOrigin)
  @Enum({ items: () => WorkplaceOrigin, nativeEnumName: 'workplace_origin' })
  origin!: WorkplaceOrigin;

  @Authorized(...Access.REFERENCE)
  @Field(() => LocalDate)
  @Property({ type: 'date' })
  openedOn!: string;

  @Authorized(...Access.REFERENCE)
  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  closedOn: string | null = null;

  @Property({ type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
