import {
  Access,
  Connection,
  PageArgs,
  paginate,
  Role,
  requireRecipient,
  type SubgraphContext,
  UnauthenticatedError,
  ValidationError,
} from '@sl/core';
import { IsUUID, MaxLength } from 'class-validator';
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  ID,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from 'type-graphql';
import { BreakGlassGrant } from '../session/break-glass.entity.js';
import { BreakGlassService, meaningfulReason } from '../session/break-glass.service.js';
import { Account } from './account.entity.js';
import { CreateAccountInput, SignInInput } from './account.inputs.js';
import { AccountService } from './account.service.js';
import { requireDirectoryAgency } from './agency-check.js';

@ObjectType()
export class AccountConnection extends Connection(Account, 'Account') {}

@ObjectType({ description: 'An opened session' })
class SignInPayload {
  @Field(() => String, { description: 'Send as `Authorization: Bearer <token>`' })
  token!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => Account)
  account!: Account;
}

@ObjectType({ description: 'Who is asking: the signed-in user or the partner system' })
class Viewer {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  kind!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [Role])
  roles!: Role[];

  @Field(() => ID, { nullable: true, description: 'The agency of the directory the caller belongs to' })
  agencyId!: string | null;

  @Field(() => ID, { nullable: true })
  providerId!: string | null;

  @Field(() => Boolean, { description: 'After a reset: nothing but `changePassword` is allowed until then' })
  mustChangePassword!: boolean;
}

@ArgsType()
class BreakGlassArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор получателя' })
  recipientId!: string;

  @Field(() => String, { description: 'Why the record is needed now; auditors read it' })
  @MaxLength(1000, { message: 'Причина экстренного доступа: не длиннее 1000 символов' })
  reason!: string;
}

@Resolver()
export class AccountResolver {
  @Mutation(() => SignInPayload, { description: 'Signs in with a login and password' })
  signIn(@Ctx() ctx: SubgraphContext, @Arg('input', () => SignInInput) input: SignInInput) {
    // Not one transaction: a failed attempt must stay counted although the sign-in fails.
    return new AccountService(ctx.em, ctx.clock).signIn(
      input.login,
      input.password,
      ctx.config,
      ctx.ip,
      ctx.audit,
    );
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Ends the current session' })
  async signOut(@Ctx() ctx: SubgraphContext) {
    if (!ctx.actor?.sessionId) throw new UnauthenticatedError();
    return new AccountService(ctx.em, ctx.clock).signOut(ctx.actor.sessionId);
  }

  @Authorized()
  @Query(() => Viewer, { description: 'The caller' })
  me(@Ctx() ctx: SubgraphContext): Viewer {
    const actor = ctx.actor!;
    return {
      id: actor.id,
      kind: actor.kind,
      name: actor.name,
      roles: actor.roles as Role[],
      agencyId: actor.agencyId,
      providerId: actor.providerId,
      mustChangePassword: actor.passwordChangeRequired === true,
    };
  }

  @Authorized(Access.ADMINISTRATION)
  @Query(() => AccountConnection)
  accounts(@Ctx() ctx: SubgraphContext, @Args(() => PageArgs) page: PageArgs) {
    return paginate(
      ctx.em,
      Account,
      {},
      [
        { field: 'login', direction: 'ASC' },
        { field: 'id', direction: 'ASC' },
      ],
      page,
    );
  }

  @Authorized(Access.ADMINISTRATION)
  @Mutation(() => Account)
  async createAccount(
    @Ctx() ctx: SubgraphContext,
    @Arg('input', () => CreateAccountInput) input: CreateAccountInput,
  ) {
    await requireDirectoryAgency(ctx, input.agencyId);
    return ctx.em.transactional(async (em) => {
      const account = await new AccountService(em, ctx.clock).create(input);
      ctx.audit?.security('ACCOUNT_CREATED', {
        entityId: account.id,
        after: {
          login: account.login,
          roles: account.roles,
          agencyId: account.agencyId,
          providerId: account.providerId,
        },
      });
      return account;
    });
  }

  @Authorized(Access.ADMINISTRATION)
  @Mutation(() => Account, { description: 'Deactivating ends the account’s sessions at once' })
  setAccountActive(
    @Ctx() ctx: SubgraphContext,
    @Arg('id', () => ID) id: string,
    @Arg('active', () => Boolean) active: boolean,
  ) {
    if (id === ctx.actor?.id && !active) {
      throw new ValidationError('Нельзя отключить собственную учётную запись', 'id', 'CANNOT_DISABLE_SELF');
    }
    return ctx.em.transactional(async (em) => {
      const account = await new AccountService(em, ctx.clock).setActive(id, active);
      ctx.audit?.security(active ? 'ACCOUNT_ACTIVATED' : 'ACCOUNT_DEACTIVATED', {
        entityId: account.id,
        after: { login: account.login, active },
      });
      return account;
    });
  }

  @Authorized(Access.ADMINISTRATION)
  @Mutation(() => Account)
  unlockAccount(@Ctx() ctx: SubgraphContext, @Arg('id', () => ID) id: string) {
    return ctx.em.transactional(async (em) => {
      const account = await new AccountService(em, ctx.clock).unlock(id);
      ctx.audit?.security('ACCOUNT_UNLOCKED', { entityId: account.id, after: { login: account.login } });
      return account;
    });
  }

  @Authorized(Access.IDENTITY)
  @Mutation(() => BreakGlassGrant, {
    description: 'Opens one person’s record outside the caller’s scope for a limited time, with a reason',
  })
  async breakGlass(@Ctx() ctx: SubgraphContext, @Args(() => BreakGlassArgs) args: BreakGlassArgs) {
    meaningfulReason(args.reason);
    await requireRecipient(ctx, args.recipientId);
    return ctx.em.transactional((em) =>
      new BreakGlassService(em, ctx.clock).open(
        ctx.actor!,
        args.recipientId,
        args.reason,
        ctx.config.BREAK_GLASS_MINUTES,
        ctx.audit,
      ),
    );
  }
}
