import { BigIntType } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property, Trigger, Unique } from '@mikro-orm/decorators/legacy';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum AuditAction {
  READ = 'read',
  CREATE = 'create',
  UPDATE = 'update',
  DELETE = 'delete',
  /** An auditor downloaded part of the log (`GET /audit/export`): the range is in `after`. */
  EXPORT = 'export',
  /** A security event (sign-in failure, lockout, account change, handover…): `entity` names it. */
  SECURITY = 'security',
  /** A read refused by a row rule (FORBIDDEN, OUT_OF_SCOPE, CONSENT_*, NOT_CASE_COORDINATOR): `entity` is the code. */
  REFUSED = 'refused',
}
registerEnumType(AuditAction, { name: 'AuditAction' });

const APPEND_ONLY =
  "raise exception 'the audit log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';";

/**
 * One line of the audit log. Every subgraph appends to this table (core's `writeAuditTrail`); the
 * database refuses any UPDATE, DELETE or TRUNCATE of it, so no application code can rewrite history.
 */
@ObjectType({ description: 'Who read or changed which person’s data, when, from where' })
@Entity({ tableName: 'audit_event' })
@Trigger({
  name: 'audit_event_no_update_delete',
  timing: 'before',
  events: ['update', 'delete'],
  forEach: 'row',
  body: APPEND_ONLY,
})
@Index({ properties: ['recipientId', 'occurredAt'] })
@Index({ properties: ['actorId', 'occurredAt'] })
@Index({ properties: ['occurredAt', 'id'] })
@Unique({ properties: ['subgraph', 'originId'] })
export class AuditEvent {
  @Field(() => ID)
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string;

  @Field(() => Date)
  @Property({ type: 'Date', columnType: 'timestamptz' })
  occurredAt!: Date;

  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  requestId!: string;

  @Field(() => String, { description: 'The subgraph that served the data' })
  @Property({ type: 'string', length: 32 })
  subgraph!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  operation!: string | null;

  @Field(() => String)
  @Property({ type: 'string', length: 16 })
  actorKind!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 64, nullable: true })
  actorId!: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  actorName!: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  agencyId!: string | null;

  @Field(() => [String])
  @Property({ type: 'json' })
  roles!: string[];

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 64, nullable: true })
  ip!: string | null;

  @Field(() => AuditAction)
  @Enum({ items: () => AuditAction })
  action!: AuditAction;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  recipientId!: string | null;

  @Field(() => [String], { nullable: true, description: 'The fields read, as Type.field' })
  @Property({ type: 'json', nullable: true })
  fields!: string[] | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 64, nullable: true })
  entity!: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 64, nullable: true })
  entityId!: string | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Property({ type: 'json', nullable: true })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  @Property({ type: 'json', nullable: true })
  after!: unknown;

  @Field(() => Boolean, { description: 'Access under a break-the-glass grant' })
  @Property({ type: 'boolean', default: false })
  breakGlass!: boolean;

  /**
   * A row recorded first in the log of a subgraph on its own server (AUDIT_LOG=local): its id
   * there. With `subgraph`, unique, so a batch forwarded twice is appended once.
   */
  @Property({ type: new BigIntType('string'), nullable: true })
  originId!: string | null;
}
