import { randomUUID } from 'node:crypto';
import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Access, LocalDate, Personal } from '@sl/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { WorkKind } from '../work-kind.js';

export enum WorkVerdict {
  RECOMMENDED = 'RECOMMENDED',
  FORBIDDEN = 'FORBIDDEN',
}
registerEnumType(WorkVerdict, {
  name: 'WorkVerdict',
  valuesConfig: {
    RECOMMENDED: { description: 'показан по ИПРА' },
    FORBIDDEN: { description: 'противопоказан по ИПРА' },
  },
});

/**
 * The employment recommendations of the person's ИПРА as the employment agency recorded them
 * (seed 004 item 2.2.2): one row per kind of work, recommended or forbidden.
 */
@ObjectType({ description: 'A kind of work the person’s ИПРА recommends or forbids (004 п. 2.2.2)' })
@Entity({ tableName: 'work_recommendation' })
@Unique({ properties: ['recipientId', 'workKind'] })
export class WorkRecommendation {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid' })
  recipientId!: string;

  @Personal(Access.EMPLOYMENT)
  @Field(() => WorkKind)
  @Enum({ items: () => WorkKind, nativeEnumName: 'work_kind' })
  workKind!: WorkKind;

  @Personal(Access.EMPLOYMENT)
  @Field(() => WorkVerdict)
  @Enum({ items: () => WorkVerdict, nativeEnumName: 'work_verdict' })
  verdict!: WorkVerdict;

  @Personal(Access.EMPLOYMENT)
  @Field(() => String, { description: 'Number of the ИПРА' })
  @Property({ type: 'string', length: 50 })
  ipraNumber!: string;

  @Personal(Access.EMPLOYMENT)
  @Field(() => LocalDate, { description: 'Date the ИПРА was issued' })
  @Property({ type: 'date' })
  ipraIssuedOn!: string;
}
