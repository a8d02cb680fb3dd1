import { Access, localDateOf, PageArgs, Personal, type SubgraphContext } from '@sl/core';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { SocialLoaders } from '../loaders.js';
import { Recipient } from '../recipient/recipient.entity.js';
import { callerNarrowing } from '../recipient/recipient.narrowing.js';
import { RuleSet } from '../rules/rule-set.js';
import { ReadinessReviewDue, ReadinessReviewDueConnection } from './readiness-due.model.js';
import { readinessReviewsDue } from './readiness-due.service.js';
import { ReadinessReview } from './readiness-review.entity.js';
import { Stage } from './stage.entity.js';
import { ReadinessOutcome, StageKind } from './stage.enums.js';
import { RecordReadinessReviewInput, StartStageInput } from './stage.inputs.js';
import { StageService } from './stage.service.js';

type SocialContext = SubgraphContext<SocialLoaders>;

const today = (ctx: SocialContext) => localDateOf(ctx.clock.now());

@Resolver(() => Recipient)
export class RecipientStagesResolver {
  @Personal(Access.SERVICE)
  @FieldResolver(() => [Stage], {
    description: 'Every stage of supported living, oldest first (seed 002 §15)',
  })
  stages(@Root() recipient: Recipient, @Ctx() ctx: SocialContext) {
    return ctx.loaders.stagesByRecipient.load(recipient.id);
  }

  @Personal(Access.SERVICE)
  @FieldResolver(() => Stage, { nullable: true, description: 'The stage the person is in now' })
  async currentStage(@Root() recipient: Recipient, @Ctx() ctx: SocialContext) {
    const stages = await ctx.loaders.stagesByRecipient.load(recipient.id);
    return stages.find((s) => s.endedOn === null) ?? null;
  }
}

@Resolver(() => Stage)
export class StageResolver {
  @Personal(Access.SERVICE)
  @FieldResolver(() => [ReadinessReview], { description: 'Readiness reviews of a training stage, in order' })
  readinessReviews(@Root() stage: Stage, @Ctx() ctx: SocialContext) {
    return ctx.loaders.reviewsByStage.load(stage.id);
  }

  /**
   * Seed 002 §15.2: every readiness review the rules allow was held and none found the person
   * ready. The training stage cannot go on to the main one; the coordinator decides — terminate, or
   * re-assess the need (READINESS_EXHAUSTED in the deadlines until a new assessment is recorded).
   */
  @Personal(Access.SERVICE)
  @FieldResolver(() => Boolean, {
    description: 'Training stage: all readiness reviews held without "ready" (002 §15.2): a decision is due',
  })
  async readinessReviewsExhausted(@Root() stage: Stage, @Ctx() ctx: SocialContext) {
    if (stage.kind !== StageKind.TRAINING) return false;
    const reviews = await ctx.loaders.reviewsByStage.load(stage.id);
    return (
      reviews.length >= RuleSet.for(ctx.region).data.training.maxReviews &&
      reviews.at(-1)?.outcome !== ReadinessOutcome.READY
    );
  }

  @Authorized(Access.CASE_WRITE)
  @Mutation(() => Stage, {
    description: 'Begin the next stage (seed 002 §15: preparatory → training → main); the current one ends',
  })
  startStage(@Ctx() ctx: SocialContext, @Arg('input', () => StartStageInput) input: StartStageInput) {
    return ctx.em.transactional((tx) =>
      new StageService(tx, RuleSet.for(ctx.region), today(ctx), ctx.audit).start(input),
    );
  }

  @Authorized(Access.CASE_WRITE)
  @Mutation(() => ReadinessReview, {
    description: 'Record a readiness review in the training stage (seed 002 §15.2)',
  })
  recordReadinessReview(
    @Ctx() ctx: SocialContext,
    @Arg('input', () => RecordReadinessReviewInput) input: RecordReadinessReviewInput,
  ) {
    return ctx.em.transactional((tx) =>
      new StageService(tx, RuleSet.for(ctx.region), today(ctx), ctx.audit).recordReview(input),
    );
  }

  @Authorized(Access.SERVICE)
  @Query(() => ReadinessReviewDueConnection, {
    description: 'People in training whose next readiness review is due within the horizon or late',
  })
  readinessReviewsDue(
    @Ctx() ctx: SocialContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('horizonDays', () => Int, { defaultValue: 30 }) horizonDays: number,
  ) {
    // Provider staff see the reviews due of their own provider's people only.
    return readinessReviewsDue(
      ctx.em,
      RuleSet.for(ctx.region),
      today(ctx),
      horizonDays,
      page,
      callerNarrowing(ctx, Access.SERVICE),
    );
  }
}

@Resolver(() => ReadinessReviewDue)
export class ReadinessReviewDueResolver {
  @Personal(Access.SERVICE)
  @FieldResolver(() => Recipient, { nullable: true })
  recipient(@Root() due: ReadinessReviewDue, @Ctx() ctx: SocialContext) {
    return ctx.loaders.recipientById.load(due.recipientId);
  }
}
