import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * One write of a person's record as another subgraph names it (social's case timeline): which
 * record (`entity`, `entityId`, as the audit log names them) and which write of it — `create`, or
 * the field whose first setting it was (`decidedOn`, `answeredOn`…). Access adds who wrote it,
 * from its audit log.
 */
@Directive('@key(fields: "recipientId entity entityId change")')
@ObjectType('RecordWrite', {
  description: 'A write of a person’s record and, from the audit log, its author',
})
export class RecordWrite {
  @Field(() => ID)
  recipientId!: string;

  @Field(() => String)
  entity!: string;

  @Field(() => ID)
  entityId!: string;

  @Field(() => String)
  change!: string;
}
