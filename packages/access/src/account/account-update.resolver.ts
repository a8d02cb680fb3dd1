import { Access, type SubgraphContext } from '@sl/core';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { Account } from './account.entity.js';
import { UpdateAccountInput } from './account-update.inputs.js';
import { AccountUpdateService } from './account-update.service.js';
import { requireDirectoryAgency } from './agency-check.js';

@Resolver()
export class AccountUpdateResolver {
  @Authorized(Access.ADMINISTRATION)
  @Mutation(() => Account, { description: 'Changes an account’s name, roles or agency' })
  async updateAccount(
    @Ctx() ctx: SubgraphContext,
    @Arg('input', () => UpdateAccountInput) input: UpdateAccountInput,
  ) {
    await requireDirectoryAgency(ctx, input.agencyId);
    return ctx.em.transactional(async (em) => {
      const { account, rolesBefore } = await new AccountUpdateService(em).update(input, ctx.actor?.id);
      if ([...rolesBefore].sort().join() !== [...account.roles].sort().join()) {
        ctx.audit?.security('ROLES_CHANGED', {
          entityId: account.id,
          before: { roles: rolesBefore },
          after: { roles: account.roles },
        });
      }
      return account;
    });
  }
}
