import { Access, type SubgraphContext, UnauthenticatedError, ValidationError } from '@sl/core';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { Account } from '../account/account.entity.js';
import { ChangePasswordInput, ResetPasswordInput } from './password.inputs.js';
import { PasswordService } from './password.service.js';

@Resolver()
export class PasswordResolver {
  @Authorized()
  @Mutation(() => Account, {
    description: 'Changes the signed-in user’s own password; the user’s other sessions end',
  })
  changePassword(
    @Ctx() ctx: SubgraphContext,
    @Arg('input', () => ChangePasswordInput) input: ChangePasswordInput,
  ) {
    const actor = ctx.actor;
    if (actor?.kind !== 'user') throw new UnauthenticatedError('Сменить пароль может только пользователь');
    // Not one transaction: a wrong current password must stay counted towards the lockout.
    return new PasswordService(ctx.em, ctx.clock).change(
      actor.id,
      actor.sessionId,
      input.currentPassword,
      input.newPassword,
      ctx.config,
      ctx.audit,
    );
  }

  @Authorized(Access.ADMINISTRATION)
  @Mutation(() => Account, {
    description:
      'Gives an account a temporary password: its sessions end, and at the next sign-in the user must change it',
  })
  resetPassword(
    @Ctx() ctx: SubgraphContext,
    @Arg('input', () => ResetPasswordInput) input: ResetPasswordInput,
  ) {
    if (input.id === ctx.actor?.id) {
      throw new ValidationError(
        'Свой пароль меняют в меню пользователя («Сменить пароль»), а не сбросом',
        'id',
        'CANNOT_RESET_SELF',
      );
    }
    return ctx.em.transactional((em) =>
      new PasswordService(em, ctx.clock).reset(input.id, input.newPassword, ctx.audit),
    );
  }
}
