import { Access, Personal } from '@sl/core';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { type SocialContext, todayOf } from '../common/social-context.js';
import { Recipient } from '../recipient/recipient.entity.js';
import { InteragencyRequest } from './interagency-request.entity.js';
import { RecordInteragencyAnswerInput, SendInteragencyRequestInput } from './interagency-request.inputs.js';
import { InteragencyRequestService } from './interagency-request.service.js';

@Resolver(() => InteragencyRequest)
export class InteragencyRequestResolver {
  @Authorized(...Access.CASE_WRITE)
  @Mutation(() => InteragencyRequest, { description: 'Records an interagency request sent (001 §4)' })
  sendInteragencyRequest(
    @Ctx() ctx: SocialContext,
    @Arg('input', () => SendInteragencyRequestInput) input: SendInteragencyRequestInput,
  ) {
    return new InteragencyRequestService(ctx.em).send(ctx, input);
  }

  @Authorized(...Access.CASE_WRITE)
  @Mutation(() => InteragencyRequest, { description: 'Records the answer to an interagency request' })
  recordInteragencyAnswer(
    @Ctx() ctx: SocialContext,
    @Arg('input', () => RecordInteragencyAnswerInput) input: RecordInteragencyAnswerInput,
  ) {
    return new InteragencyRequestService(ctx.em).recordAnswer(ctx, input);
  }

  @Personal(Access.CASE)
  @FieldResolver(() => Boolean, { description: 'Unanswered after the due date, as of today' })
  overdue(@Root() request: InteragencyRequest, @Ctx() ctx: SocialContext) {
    return request.isOverdue(todayOf(ctx));
  }
}

@Resolver(() => Recipient)
export class RecipientInteragencyResolver {
  @Personal(Access.CASE)
  @FieldResolver(() => [InteragencyRequest], {
    description: 'Interagency requests about the person, newest first',
  })
  interagencyRequests(@Root() recipient: Recipient, @Ctx() ctx: SocialContext) {
    return ctx.loaders.interagencyRequestsByRecipient.load(recipient.id);
  }
}
