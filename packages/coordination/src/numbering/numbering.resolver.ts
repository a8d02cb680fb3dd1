import { Access, NotFoundError, type SubgraphContext } from '@sl/core';
import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { CouncilDecision, CouncilMeeting } from '../council/council.entity.js';
import { CouncilService } from '../council/council.service.js';
import type { CoordinationLoaders } from '../loaders.js';
import { Roadmap, RoadmapItem } from '../roadmap/roadmap.entity.js';
import { decisionReference, itemReference } from './references.js';

type CoordinationContext = SubgraphContext<CoordinationLoaders>;

async function loaded<T>(value: Promise<T | null>, what: string, id: string): Promise<T> {
  const found = await value;
  if (!found) throw new NotFoundError(what, id);
  return found;
}

/** An item's roadmap, and its number with the roadmap named (numbers repeat across roadmaps). */
@Resolver(() => RoadmapItem)
export class ItemReferenceResolver {
  @FieldResolver(() => Roadmap, { description: 'The roadmap the item belongs to' })
  roadmap(@Root() item: RoadmapItem, @Ctx() ctx: CoordinationContext) {
    return loaded(ctx.loaders.roadmapById.load(item.roadmap.id), 'Дорожная карта', item.roadmap.id);
  }

  @FieldResolver(() => String, {
    description:
      'The number with its roadmap named («<roadmap title>, п. 2.1.2»): numbers repeat across roadmaps',
  })
  async reference(@Root() item: RoadmapItem, @Ctx() ctx: CoordinationContext) {
    const roadmap = await this.roadmap(item, ctx);
    return itemReference(roadmap.title, item.number, item.key);
  }
}

/** A decision's meeting, and its number with the protocol (numbers repeat across meetings). */
@Resolver(() => CouncilDecision)
export class DecisionReferenceResolver {
  @FieldResolver(() => CouncilMeeting, { description: 'The meeting that gave the decision' })
  meeting(@Root() d: CouncilDecision, @Ctx() ctx: CoordinationContext) {
    return loaded(ctx.loaders.meetingById.load(d.meeting.id), 'Заседание Совета', d.meeting.id);
  }

  @FieldResolver(() => String, {
    description: 'The number with its protocol («Протокол № 3, поручение 2»): numbers repeat across meetings',
  })
  async reference(@Root() d: CouncilDecision, @Ctx() ctx: CoordinationContext) {
    return decisionReference(await this.meeting(d, ctx), d.number);
  }
}

@Resolver(() => CouncilMeeting)
export class MeetingQueryResolver {
  @Authorized(...Access.AGGREGATE)
  @Query(() => CouncilMeeting, { description: 'One Council meeting (the meeting brief is made for one)' })
  councilMeeting(@Ctx() ctx: CoordinationContext, @Arg('id', () => ID) id: string) {
    return new CouncilService(ctx.em, ctx.clock).meeting(id);
  }
}
