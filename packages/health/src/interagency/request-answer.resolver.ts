import { AboutRegisteredRecipient, Access, HEALTH_OWN_CASE_ONLY, Personal } from '@sl/core';
import {
  Arg,
  Authorized,
  Ctx,
  Directive,
  Field,
  FieldResolver,
  ID,
  Mutation,
  ObjectType,
  Resolver,
  Root,
} from 'type-graphql';
import type { HealthContext } from '../common.js';
import { MedicalConclusion } from '../conclusion/medical-conclusion.entity.js';
import { RequestAnswer } from './request-answer.entity.js';
import { AnswerInteragencyRequestInput } from './request-answer.inputs.js';
import { RequestAnswerService } from './request-answer.service.js';

/**
 * The social subgraph's request as health sees it: the key, and (from social, with `@requires`)
 * the person and who runs their case — the answer is a health detail, shown to coordinators only
 * on their own cases, exactly as on the person's card (and trusted only under social's seal, as there).
 */
@Directive('@key(fields: "id")')
@ObjectType('InteragencyRequest')
export class InteragencyRequestStub {
  @Field(() => ID)
  id!: string;

  @Directive('@external')
  @Field(() => ID)
  recipientId?: string;

  @Directive('@external')
  @Field(() => [ID])
  caseCoordinatorIds?: string[];

  @Directive('@external')
  @Field(() => String)
  caseAssignmentSeal?: string;
}

@Resolver(() => InteragencyRequestStub)
export class InteragencyRequestHealthResolver {
  @Personal(Access.HEALTH, { ownCaseOnly: HEALTH_OWN_CASE_ONLY })
  @Directive('@requires(fields: "recipientId caseCoordinatorIds caseAssignmentSeal")')
  @FieldResolver(() => RequestAnswer, {
    nullable: true,
    description: 'Health’s answer, once the health ministry has answered the request',
  })
  healthAnswer(@Root() request: InteragencyRequestStub, @Ctx() ctx: HealthContext) {
    return ctx.loaders.answerByRequest.load(request.id);
  }
}

@Resolver(() => RequestAnswer)
export class RequestAnswerResolver {
  @Authorized(...Access.HEALTH_WRITE)
  @AboutRegisteredRecipient()
  @Mutation(() => RequestAnswer, {
    description: 'Answers an interagency request of the authorised body with a medical conclusion (001 §4)',
  })
  answerInteragencyRequest(
    @Ctx() ctx: HealthContext,
    @Arg('input', () => AnswerInteragencyRequestInput) input: AnswerInteragencyRequestInput,
  ) {
    return new RequestAnswerService(ctx.em).answer(ctx, input);
  }

  @Authorized(...Access.HEALTH)
  @FieldResolver(() => MedicalConclusion, { description: 'The conclusion issued in answer' })
  conclusion(@Root() answer: RequestAnswer, @Ctx() ctx: HealthContext) {
    return ctx.loaders.conclusionById.load(answer.conclusionId);
  }
}
