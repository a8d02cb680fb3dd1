import { Access, isUuid, type SubgraphContext } from '@sl/core';
import { Authorized, Directive, Field, ID, ObjectType } from 'type-graphql';
import type { AccessLoaders } from '../loaders.js';
import { Account } from './account.entity.js';

/**
 * A user as colleagues see them: the name and the agency, nothing of the account's sign-in. Other
 * subgraphs refer to one by account id (social: who runs a case) and the gateway asks here; no
 * query lists them (an orphaned type of this subgraph).
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
