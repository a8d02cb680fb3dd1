import { Access, Connection, PageArgs } from '@sl/core';
import { Arg, Args, Authorized, Ctx, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { rulesOf, type SocialContext, todayOf } from '../common/social-context.js';
import { Recipient } from '../recipient/recipient.entity.js';
import { ColleagueReference } from './colleague.stub.js';
import { Deadline } from './deadline.entity.js';
import { DeadlineFilter } from './deadline.inputs.js';
import { DeadlineService } from './deadline.service.js';

@ObjectType()
export class DeadlineConnection extends Connection(Deadline, 'Deadline') {}

@Resolver(() => Deadline)
export class DeadlineResolver {
  @Authorized(...Access.CASE)
  @Query(() => DeadlineConnection, {
    description:
      'What is due or late today: decisions, re-assessments, interagency answers, readiness reviews; oldest first',
  })
  deadlines(
    @Ctx() ctx: SocialContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => DeadlineFilter, { nullable: true }) filter?: DeadlineFilter,
  ) {
    return new DeadlineService(ctx.em).list(rulesOf(ctx), todayOf(ctx), filter, page, ctx.actor?.id ?? null);
  }

  @FieldResolver(() => ColleagueReference, {
    nullable: true,
    description: 'The coordinator running the case (name and agency from the access subgraph)',
  })
  caseCoordinator(@Root() deadline: Deadline): ColleagueReference | null {
    return deadline.caseCoordinatorId ? { id: deadline.caseCoordinatorId } : null;
  }

  @FieldResolver(() => Recipient)
  recipient(@Root() deadline: Deadline, @Ctx() ctx: SocialContext) {
    return ctx.loaders.recipientById.load(deadline.recipientId);
  }
}
