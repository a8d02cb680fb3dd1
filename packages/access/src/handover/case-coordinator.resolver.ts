import { Access, Role, type SubgraphContext } from '@sl/core';
import { Arg, Authorized, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { Account } from '../account/account.entity.js';

@ObjectType({ description: 'An active coordinator account a case may be handed to' })
export class CaseCoordinator {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  displayName!: string;
}

@Resolver()
export class CaseCoordinatorResolver {
  /**
   * Who may run a case: the active accounts with the coordinator's role, by name (the handover's
   * picker). Social asks it through the graph before a handover: it holds no accounts itself.
   */
  @Authorized(...Access.CASE_HANDOVER)
  @Query(() => [CaseCoordinator], {
    description: 'Active coordinator accounts, by name; `ids` narrows to those accounts',
  })
  async caseCoordinators(
    @Ctx() ctx: SubgraphContext,
    @Arg('ids', () => [ID], { nullable: true }) ids?: string[] | null,
  ): Promise<CaseCoordinator[]> {
    const valid = ids?.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    if (valid && valid.length === 0) return [];
    const accounts = await ctx.em.find(
      Account,
      {
        active: true,
        roles: { $contains: [Role.COORDINATOR] },
        ...(valid ? { id: { $in: valid } } : {}),
      },
      { orderBy: { displayName: 'asc', id: 'asc' }, limit: 500 },
    );
    return accounts.map(({ id, displayName }) => ({ id, displayName }));
  }
}
