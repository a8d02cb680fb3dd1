import { Access, AppError, Connection, Personal, paginate, Role } from '@sl/core';
import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { type SocialContext, todayOf } from '../common/social-context.js';
import { Recipient } from '../recipient/recipient.entity.js';
import { INTERAGENCY_READ, InteragencyRequest, InteragencySubject } from './interagency-request.entity.js';
import { RecordInteragencyAnswerInput, SendInteragencyRequestInput } from './interagency-request.inputs.js';
import { InteragencyRequestService } from './interagency-request.service.js';

@ObjectType()
class InteragencyRequestConnection extends Connection(InteragencyRequest, 'InteragencyRequest') {}

/** The ministry that answers each subject in the graph; the others go to agencies outside it. */
const ANSWERED_BY: Partial<Record<InteragencySubject, Role>> = {
  [InteragencySubject.MEDICAL_CONCLUSION]: Role.HEALTH_OFFICER,
};

@Resolver(() => InteragencyRequest)
export class InteragencyRequestResolver {
  @Authorized(...INTERAGENCY_READ)
  @Query(() => InteragencyRequestConnection, {
    description:
      'Requests of one subject not yet answered in the case, oldest due first: the answering ministry’s queue. ' +
      'Each ministry adds its own answer to the request (e.g. `healthAnswer`); the queue shows it beside the request.',
  })
  interagencyQueue(
    @Ctx() ctx: SocialContext,
    @Arg('subject', () => InteragencySubject) subject: InteragencySubject,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    const roles = ctx.actor?.roles ?? [];
    const answerer = ANSWERED_BY[subject];
    if (!roles.includes(Role.COORDINATOR) && !(answerer && roles.includes(answerer))) {
      throw new AppError('OUT_OF_SCOPE', 'Запросы этого вида адресованы другому ведомству');
    }
    return paginate(
      ctx.em,
      InteragencyRequest,
      { subject, answeredOn: null },
      [
        { field: 'dueOn', direction: 'ASC' },
        { field: 'id', direction: 'ASC' },
      ],
      { first: first ?? null, after: after ?? null },
    );
  }

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

  @Personal(INTERAGENCY_READ)
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
