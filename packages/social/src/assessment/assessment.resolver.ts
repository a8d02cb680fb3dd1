import { Access, Personal } from '@sl/core';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { SocialContext } from '../common/social-context.js';
import { Recipient } from '../recipient/recipient.entity.js';
import { Assessment, ServiceRecommendation } from './assessment.entity.js';
import { RecordAssessmentInput } from './assessment.inputs.js';
import { AssessmentService } from './assessment.service.js';

@Resolver(() => Assessment)
export class AssessmentResolver {
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
