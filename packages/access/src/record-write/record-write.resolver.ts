import { Access, isUuid, type SubgraphContext } from '@sl/core';
import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Colleague, colleagueReference } from '../account/colleague.js';
import type { AccessLoaders } from '../loaders.js';
import { RecordWrite } from './record-write.model.js';

@Resolver(() => RecordWrite)
export class RecordWriteResolver {
  // Those who read a case's history (social's timeline) see who wrote each step: a colleague's name
  // and agency, nothing else of the log.
  @Authorized(...Access.CASE)
  @FieldResolver(() => Colleague, {
    nullable: true,
    description:
      'The user who made the write, from the audit log; empty when a partner system or the data loader wrote it',
  })
  async author(
    @Root() write: RecordWrite,
    @Ctx() ctx: SubgraphContext<AccessLoaders>,
  ): Promise<Colleague | null> {
    if (!isUuid(write.recipientId)) return null;
    const actorId = await ctx.loaders.recordAuthors.load(write);
    return actorId ? colleagueReference.__resolveReference({ id: actorId }, ctx) : null;
  }
}
