import { Access, Personal } from '@sl/core';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type SocialContext, todayOf } from '../common/social-context.js';
import { Recipient } from '../recipient/recipient.entity.js';
import { activeContraindicationAmong } from './contraindication.js';
import { InteragencyAnswer } from './interagency-answer.entity.js';
import { INTERAGENCY_READ, InteragencyRequest } from './interagency-request.entity.js';

@Resolver(() => InteragencyRequest)
export class InteragencyAnswersResolver {
  @Personal(INTERAGENCY_READ)
  @FieldResolver(() => [InteragencyAnswer], {
    description: 'Every answer received, oldest first: a paper answer stays beside the owner’s later one',
  })
  answers(@Root() request: InteragencyRequest, @Ctx() ctx: SocialContext) {
    return ctx.loaders.answersByRequest.load(request.id);
  }
}

@Resolver(() => Recipient)
export class RecipientContraindicationResolver {
  /** 001 §3 д, order 202н: from the person's requests already loaded for the case. */
  @Personal(Access.CASE)
  @FieldResolver(() => InteragencyRequest, {
    nullable: true,
    description: 'The answered medical-conclusion request whose conclusion in force found contraindications',
  })
  async activeContraindication(@Root() recipient: Recipient, @Ctx() ctx: SocialContext) {
    const requests = await ctx.loaders.interagencyRequestsByRecipient.load(recipient.id);
    return activeContraindicationAmong(requests, todayOf(ctx));
  }
}
