import type { FilterQuery } from '@mikro-orm/core';
import { Access, Connection, PageArgs, Personal, paginate, Role } from '@sl/core';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { type SocialContext, todayOf } from '../common/social-context.js';
import { Recipient } from '../recipient/recipient.entity.js';
import {
  INTERAGENCY_READ,
  InteragencyRequest,
  InteragencyRequestStatus,
  InteragencySubject,
} from './interagency-request.entity.js';
import {
  MarkInteragencyAnsweredInput,
  RecordInteragencyAnswerInput,
  SendInteragencyRequestInput,
} from './interagency-request.inputs.js';
import { assertAnswersSubject, InteragencyRequestService } from './interagency-request.service.js';

@ObjectType('InteragencyQueueConnection', {
  description: 'A ministry’s queue: the requests it may see, and how many people were left out',
})
class InteragencyQueueConnection extends Connection(InteragencyRequest, 'InteragencyQueueBase') {
  @Field(() => Int, {
    description:
      'People with requests in this queue whose consents do not allow sharing with the asking ministry: left out, not failed',
  })
  withheldPeople!: number;
}

/** The officers who answer requests of their ministry's subjects. */
const MINISTRY_WRITE = [...Access.HEALTH_WRITE, ...Access.EDUCATION_WRITE, ...Access.EMPLOYMENT_WRITE];

@Resolver(() => InteragencyRequest)
export class InteragencyRequestResolver {
  @Authorized(...INTERAGENCY_READ)
  @Query(() => InteragencyQueueConnection, {
    description:
      'Requests of one subject not yet answered in the case, oldest due first: the answering ministry’s queue. ' +
      'Each ministry adds its own answer to the request (e.g. `healthAnswer`); the queue shows it beside the request. ' +
      'A ministry officer sees only people whose consents allow sharing with their ministry; the rest are counted in `withheldPeople`.',
  })
  async interagencyQueue(
    @Ctx() ctx: SocialContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('subject', () => InteragencySubject) subject: InteragencySubject,
  ) {
    const roles = ctx.actor?.roles ?? [];
    if (!roles.includes(Role.COORDINATOR)) assertAnswersSubject(roles, subject);
    const where: FilterQuery<InteragencyRequest> = { subject, answeredOn: null };
    const withheld = await new InteragencyRequestService(ctx.em).withheldFromQueue(ctx, subject);
    if (withheld.length > 0) where.recipientId = { $nin: withheld };
    const queue = await paginate(
      ctx.em,
      InteragencyRequest,
      where,
      [
        { field: 'dueOn', direction: 'ASC' },
        { field: 'id', direction: 'ASC' },
      ],
      page,
    );
    return Object.assign(queue, { withheldPeople: withheld.length });
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

  @Authorized(...MINISTRY_WRITE)
  @Mutation(() => InteragencyRequest, {
    description:
      'The answering ministry marks a request of its subject answered, naming the record it created ' +
      '(send it after the ministry’s own answer, e.g. `answerInteragencyRequest`, succeeded)',
  })
  markInteragencyAnswered(
    @Ctx() ctx: SocialContext,
    @Arg('input', () => MarkInteragencyAnsweredInput) input: MarkInteragencyAnsweredInput,
  ) {
    return new InteragencyRequestService(ctx.em).markAnswered(ctx, input);
  }

  @Personal(INTERAGENCY_READ)
  @FieldResolver(() => InteragencyRequestStatus, {
    description: 'Awaiting, overdue or answered as of today: the same record the queue follows',
  })
  status(@Root() request: InteragencyRequest, @Ctx() ctx: SocialContext) {
    return request.statusOn(todayOf(ctx));
  }

  /**
   * Who runs the person's case: health requires it (`@requires`) to show its answer's details only
   * to the case's own coordinator, as it does on the person's card.
   */
  @Authorized(...Access.CASE_ASSIGNMENT)
  @FieldResolver(() => [ID], { description: 'The coordinators running the case of the request’s person' })
  async caseCoordinatorIds(
    @Root() request: InteragencyRequest,
    @Ctx() ctx: SocialContext,
  ): Promise<string[]> {
    const recipient = await ctx.loaders.recipientById.load(request.recipientId);
    return recipient?.caseCoordinatorIds ?? [];
  }

  @Authorized(...Access.CASE_ASSIGNMENT)
  @FieldResolver(() => String, {
    description:
      'Social’s seal over `caseCoordinatorIds` for the request’s person: health trusts the ids only with it',
  })
  async caseAssignmentSeal(@Root() request: InteragencyRequest, @Ctx() ctx: SocialContext): Promise<string> {
    const recipient = await ctx.loaders.recipientById.load(request.recipientId);
    return ctx.sealCaseAssignment(request.recipientId, recipient?.caseCoordinatorIds ?? []);
  }

  /**
   * The person by name in the answering ministry's queue; their fields keep their own rules, and a
   * person whose consents do not let the ministry read them is null here, not the whole queue.
   */
  @Authorized(...INTERAGENCY_READ)
  @FieldResolver(() => Recipient, { nullable: true, description: 'The person the request is about' })
  recipient(@Root() request: InteragencyRequest, @Ctx() ctx: SocialContext) {
    return ctx.loaders.recipientById.load(request.recipientId);
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
