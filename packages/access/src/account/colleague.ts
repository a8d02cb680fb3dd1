import type { FilterQuery } from '@mikro-orm/core';
import { Access, Connection, isUuid, paginate, Role, type SubgraphContext } from '@sl/core';
import { MaxLength } from 'class-validator';
import {
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Directive,
  Field,
  ID,
  Int,
  ObjectType,
  Query,
  Resolver,
} from 'type-graphql';
import type { AccessLoaders } from '../loaders.js';
import { Account } from './account.entity.js';

/**
 * A user as colleagues see them: the name and the agency, nothing of the account's sign-in. Other
 * subgraphs refer to one by account id (social: who runs a case) and the gateway asks here.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A user as colleagues see them: name and agency' })
export class Colleague {
  @Field(() => ID)
  id!: string;

  @Authorized(...Access.IDENTITY)
  @Field(() => String)
  displayName!: string;

  @Authorized(...Access.IDENTITY)
  @Field(() => String, { nullable: true, description: 'The agency the user works for' })
  agencyId!: string | null;
}

const colleagueOf = (account: Pick<Account, 'id' | 'displayName' | 'agencyId'>): Colleague => ({
  id: account.id,
  displayName: account.displayName,
  agencyId: account.agencyId,
});

export const colleagueReference = {
  async __resolveReference(reference: { id?: unknown }, ctx: SubgraphContext<AccessLoaders>) {
    if (!isUuid(reference.id)) return null;
    const account = await ctx.loaders.accountById.load(reference.id);
    return account ? colleagueOf(account) : null;
  },
};

@ObjectType()
export class ColleagueConnection extends Connection(Colleague, 'Colleague') {}

@ArgsType()
class CoordinatorsArgs {
  @Field(() => Int, { nullable: true })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;

  @Field(() => String, { nullable: true, description: 'Part of the name, as one types' })
  @MaxLength(200, { message: 'Не длиннее 200 символов' })
  name?: string;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

@Resolver(() => Colleague)
export class ColleagueResolver {
  /** Accounts are served as colleagues (name and agency): the sign-in fields stay the admin's. */
  @Authorized(...Access.CASE_ASSIGNMENT)
  @Query(() => ColleagueConnection, {
    description: 'Active coordinators by name: whom a case can be handed to',
  })
  coordinators(@Ctx() ctx: SubgraphContext, @Args(() => CoordinatorsArgs) args: CoordinatorsArgs) {
    const where: FilterQuery<Account> = { roles: { $contains: [Role.COORDINATOR] }, active: true };
    if (args.name?.trim()) where.displayName = { $ilike: `%${escapeLike(args.name.trim())}%` };
    return paginate(
      ctx.em,
      Account,
      where,
      [
        { field: 'displayName', direction: 'ASC' },
        { field: 'id', direction: 'ASC' },
      ],
      { first: args.first ?? null, after: args.after ?? null },
    );
  }
}
