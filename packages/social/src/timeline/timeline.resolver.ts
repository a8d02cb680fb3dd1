import { Access, Personal } from '@sl/core';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SocialContext } from '../common/social-context.js';
import { Recipient } from '../recipient/recipient.entity.js';
import { CaseEvent } from './timeline.model.js';

@Resolver(() => Recipient)
export class RecipientTimelineResolver {
  @Personal(Access.CASE)
  @FieldResolver(() => [CaseEvent], {
    description:
      'What happened in the case, newest first: application, requests, assessments, decisions, stages, housing, team, visits, consents, termination',
  })
  timeline(@Root() recipient: Recipient, @Ctx() ctx: SocialContext) {
    return ctx.loaders.caseEvents.load(recipient.id);
  }
}
