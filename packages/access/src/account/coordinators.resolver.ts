import type { FilterQuery } from '@mikro-orm/core';
import {
  Access,
  Connection,
  escapeLike,
  isUuid,
  PageArgs,
  paginate,
  Role,
  type SubgraphContext,
} from '@sl/core';
import { Arg, Args, Authorized, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { Account } from './account.entity.js';

/** What a coordinator needs to know of a colleague to hand a case over: the name, not the login. */
@ObjectType({ description: 'An active coordinator of the authorised body, as a case may be handed to them' })
export class CoordinatorSummary {
  @Field(() => ID, { description: 'The account id (`Recipient.caseCoordinatorIds`)' })
  id!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => String, { nullable: true, description: 'The agency the coordinator works for' })
  agencyId!: string | null;
}

@ObjectType()
export class CoordinatorConnection extends Connection(CoordinatorSummary, 'Coordinator') {}

@Resolver()
export class CoordinatorResolver {
  // The handover's picker, and social's check of its target (asked through the graph): those who
  // may hand a case over, the coordinators and administrators.
  @Authorized(...Access.CASE_HANDOVER)
  @Query(() => CoordinatorConnection, {
    description:
      'Active coordinators by name: a part of the name (any case, every word), and/or their ids (to name the coordinators of a case)',
  })
  coordinators(
    @Ctx() ctx: SubgraphContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('name', () => String, { nullable: true }) name?: string,
    @Arg('ids', () => [ID], { nullable: true }) ids?: string[],
  ) {
    const conditions: FilterQuery<Account>[] = [{ active: true, roles: { $contains: [Role.COORDINATOR] } }];
    for (const word of (name ?? '').trim().split(/\s+/).filter(Boolean)) {
      conditions.push({ displayName: { $ilike: `%${escapeLike(word)}%` } });
    }
    if (ids) conditions.push({ id: { $in: ids.filter(isUuid) } });
    return paginate(
      ctx.em,
      Account,
      { $and: conditions },
      [
        { field: 'displayName', direction: 'ASC' },
        { field: 'id', direction: 'ASC' },
      ],
      page,
    );
  }
}
