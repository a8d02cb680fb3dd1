import type { FilterQuery } from '@mikro-orm/core';
import { Access, Connection, PageArgs, Personal, paginateLatestFirst } from '@sl/core';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { SocialContext } from '../common/social-context.js';
import { rulesOf } from '../common/social-context.js';
import { Recipient } from '../recipient/recipient.entity.js';
import { RuleSet } from '../rules/rule-set.js';
import { Assessment, AssessmentAnswer, ServiceRecommendation } from './assessment.entity.js';
import { AnnulAssessmentInput, AssessmentFilter, RecordAssessmentInput } from './assessment.inputs.js';
import { AssessmentService } from './assessment.service.js';
import { AssessmentQuestionnaire } from './questionnaire.model.js';

@ObjectType()
class AssessmentConnection extends Connection(Assessment, 'Assessment') {}

@Resolver(() => Assessment)
export class AssessmentResolver {
  @Authorized(...Access.CASE)
  @Query(() => AssessmentConnection, {
    description: 'Assessments of need of all people, newest first (each read is audited per person)',
  })
  assessments(
    @Ctx() ctx: SocialContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AssessmentFilter, { nullable: true }) filter?: AssessmentFilter,
  ) {
    const where: FilterQuery<Assessment> = {};
    if (filter?.degree) where.degree = filter.degree;
    if (filter?.reassessmentDueBefore) where.reassessmentDueOn = { $lt: filter.reassessmentDueBefore };
    if (filter?.assessedFrom) where.assessedOn = { $gte: filter.assessedFrom };
    return paginateLatestFirst(ctx.em, Assessment, where, 'assessedOn', page);
  }

  @Personal(Access.IDENTITY)
  @FieldResolver(() => Recipient, { nullable: true, description: 'The person assessed' })
  recipient(@Root() assessment: Assessment, @Ctx() ctx: SocialContext) {
    return ctx.loaders.recipientById.load(assessment.recipientId);
  }

  @Authorized(...Access.CASE_WRITE)
  @Mutation(() => Assessment, {
    description:
      'Records an assessment of need; the region rule set gives degree, service type, hours, re-assessment date',
  })
  recordAssessment(
    @Ctx() ctx: SocialContext,
    @Arg('input', () => RecordAssessmentInput) input: RecordAssessmentInput,
  ) {
    return new AssessmentService(ctx.em).record(ctx, input);
  }

  @Authorized(...Access.CASE_WRITE)
  @Mutation(() => Assessment, {
    description:
      'Annuls a wrong assessment with a reason (the case coordinator only): it stays, marked; the degree and what follows from it are derived again from the newest assessment in force',
  })
  annulAssessment(
    @Ctx() ctx: SocialContext,
    @Arg('input', () => AnnulAssessmentInput) input: AnnulAssessmentInput,
  ) {
    return new AssessmentService(ctx.em).annul(ctx, input);
  }

  @Personal(Access.CASE)
  @FieldResolver(() => [AssessmentAnswer], {
    nullable: true,
    description:
      'The questionnaire as answered, item by item with its points (null: recorded before it was kept)',
  })
  answers(@Root() assessment: Assessment): AssessmentAnswer[] | null {
    if (!assessment.answers) return null;
    const { items, levels } = RuleSet.for(assessment.region).data.questionnaire;
    return assessment.answers.map((a) => {
      const item = items.find((i) => i.code === a.item);
      return {
        item: a.item,
        category: item?.category ?? '',
        question: item?.text ?? a.item,
        level: a.level,
        levelLabel: levels[a.level] ?? String(a.level),
        points: a.points,
      };
    });
  }

  @Authorized(...Access.CASE)
  @Query(() => AssessmentQuestionnaire, {
    description:
      'The questionnaire of the assessment (order 606н) with the region’s bands, for the assessment form',
  })
  assessmentQuestionnaire(@Ctx() ctx: SocialContext): AssessmentQuestionnaire {
    return AssessmentQuestionnaire.of(rulesOf(ctx));
  }

  @Personal(Access.CASE)
  @FieldResolver(() => ServiceRecommendation, { description: 'Service type and hours the degree gives' })
  recommendedService(@Root() assessment: Assessment) {
    return assessment.recommendedService();
  }
}

@Resolver(() => Recipient)
export class RecipientAssessmentsResolver {
  @Personal(Access.CASE)
  @FieldResolver(() => [Assessment], { description: 'Assessments of need, newest first' })
  assessments(@Root() recipient: Recipient, @Ctx() ctx: SocialContext) {
    return ctx.loaders.assessmentsByRecipient.load(recipient.id);
  }
}
