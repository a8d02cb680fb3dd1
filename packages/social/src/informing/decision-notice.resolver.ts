import { Access, Personal } from '@sl/core';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Application } from '../application/application.entity.js';
import { rulesOf, type SocialContext } from '../common/social-context.js';
import { DecisionNotice } from './decision-notice.entity.js';
import { RecordDecisionNoticeInput } from './decision-notice.inputs.js';
import { DecisionNoticeService } from './decision-notice.service.js';

@Resolver(() => DecisionNotice)
export class DecisionNoticeResolver {
  @Authorized(...Access.CASE_WRITE)
  @Mutation(() => DecisionNotice, {
    description: 'Records when and how the person was informed of the decision (001 §13)',
  })
  recordDecisionNotice(
    @Ctx() ctx: SocialContext,
    @Arg('input', () => RecordDecisionNoticeInput) input: RecordDecisionNoticeInput,
  ) {
    return new DecisionNoticeService(ctx.em).record(ctx, input);
  }
}

@Resolver(() => Application)
export class ApplicationNoticesResolver {
  @Personal(Access.CASE)
  @FieldResolver(() => [DecisionNotice], {
    description: 'How the person was informed of the decision (001 §13)',
  })
  notices(@Root() application: Application, @Ctx() ctx: SocialContext) {
    return ctx.loaders.noticesByApplication.load(application.id);
  }

  @Personal(Access.CASE)
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'The body that decided and informs the person (the letterhead of the letter); null while undecided',
  })
  decidingAuthority(@Root() application: Application, @Ctx() ctx: SocialContext) {
    return application.decision ? rulesOf(ctx).data.authority : null;
  }
}
