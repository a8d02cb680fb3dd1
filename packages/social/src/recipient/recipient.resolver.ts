import { Access, Connection, type SubgraphContext } from '@sl/core';
import { Arg, Authorized, Ctx, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { SocialLoaders } from '../loaders.js';
import { Recipient } from './recipient.entity.js';
import { RecipientFilter, RecipientOrder } from './recipient.inputs.js';
import { RecipientService } from './recipient.service.js';

@ObjectType()
export class RecipientConnection extends Connection(Recipient, 'Recipient') {}

type SocialContext = SubgraphContext<SocialLoaders>;

@Resolver(() => Recipient)
export class RecipientResolver {
  @Authorized(Access.IDENTITY)
  @Query(() => RecipientConnection, { description: 'People, filtered and sorted, one page at a time' })
  recipients(
    @Ctx() ctx: SocialContext,
    @Arg('filter', () => RecipientFilter, { nullable: true }) filter?: RecipientFilter,
    @Arg('orderBy', () => RecipientOrder, { nullable: true }) orderBy?: RecipientOrder,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return new RecipientService(ctx.em).list(filter, orderBy, { first: first ?? null, after: after ?? null });
  }

  @Authorized(Access.IDENTITY)
  @Query(() => Recipient, { description: 'One person by id' })
  recipient(@Ctx() ctx: SocialContext, @Arg('id', () => ID) id: string) {
    return new RecipientService(ctx.em).get(id);
  }
}
