import type { FilterQuery } from '@mikro-orm/postgresql';
import { Access, Connection, PageArgs, paginateLatestFirst, type SubgraphContext } from '@sl/core';
import { IsOptional, IsUUID, MaxLength } from 'class-validator';
import { Arg, Args, Authorized, Ctx, Field, ID, InputType, ObjectType, Query, Resolver } from 'type-graphql';
import { AuditAction, AuditEvent } from './audit-event.entity.js';

@ObjectType()
export class AuditEventConnection extends Connection(AuditEvent, 'AuditEvent') {}

@InputType()
export class AuditFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Неверный идентификатор получателя' })
  recipientId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(64)
  actorId?: string;

  @Field(() => AuditAction, { nullable: true })
  action?: AuditAction;

  @Field(() => Boolean, { nullable: true, description: 'Only break-the-glass accesses' })
  breakGlass?: boolean;

  @Field(() => String, { nullable: true, description: 'Part of the actor’s name, any case' })
  @IsOptional()
  @MaxLength(200)
  actorName?: string;

  @Field(() => String, { nullable: true, description: 'Part of the operation’s name, any case' })
  @IsOptional()
  @MaxLength(200)
  operation?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Part of the actor’s agency as their account names it, any case',
  })
  @IsOptional()
  @MaxLength(200)
  agencyId?: string;

  @Field(() => Date, { nullable: true })
  from?: Date;

  @Field(() => Date, { nullable: true })
  to?: Date;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

export function auditWhere(filter: AuditFilter = {}): FilterQuery<AuditEvent> {
  const where: FilterQuery<AuditEvent> & Record<string, unknown> = {};
  if (filter.recipientId) where.recipientId = filter.recipientId;
  if (filter.actorId) where.actorId = filter.actorId;
  if (filter.action) where.action = filter.action;
  if (filter.breakGlass !== undefined) where.breakGlass = filter.breakGlass;
  if (filter.actorName) where.actorName = { $ilike: `%${escapeLike(filter.actorName)}%` };
  if (filter.operation) where.operation = { $ilike: `%${escapeLike(filter.operation)}%` };
  if (filter.agencyId) where.agencyId = { $ilike: `%${escapeLike(filter.agencyId)}%` };
  if (filter.from || filter.to) {
    where.occurredAt = {
      ...(filter.from ? { $gte: filter.from } : {}),
      ...(filter.to ? { $lt: filter.to } : {}),
    };
  }
  return where;
}

@Authorized(Access.AUDIT)
@Resolver()
export class AuditResolver {
  @Query(() => AuditEventConnection, { description: 'The audit log, newest first' })
  auditEvents(
    @Ctx() ctx: SubgraphContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AuditFilter, { nullable: true }) filter?: AuditFilter,
  ) {
    // Who watches the watchers: the auditor's own reading of the log is logged too.
    ctx.audit?.security('AUDIT_LOG_READ', {
      entityId: ctx.actor!.id,
      after: { filter: filter ?? null, ...page },
    });
    return paginateLatestFirst(ctx.em, AuditEvent, auditWhere(filter), 'occurredAt', page);
  }
}
