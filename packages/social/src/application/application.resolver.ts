import { Access, Personal } from '@sl/core';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { rulesOf, type SocialContext } from '../common/social-context.js';
import { Recipient } from '../recipient/recipient.entity.js';
import { Application, ApplicationDocument } from './application.entity.js';
import {
  DecideApplicationInput,
  RecordApplicationDocumentsInput,
  SubmitApplicationInput,
} from './application.inputs.js';
import { ApplicationService } from './application.service.js';
import { EligibilityProblem, eligibilityProblems, missingForDecision } from './eligibility.js';

@Resolver(() => Application)
export class ApplicationResolver {
  @Authorized(...Access.CASE_WRITE)
  @Mutation(() => Application, {
    description: 'Registers an application; the decision is due in 10 calendar days',
  })
  submitApplication(
    @Ctx() ctx: SocialContext,
    @Arg('input', () => SubmitApplicationInput) input: SubmitApplicationInput,
  ) {
    return new ApplicationService(ctx.em).submit(ctx, input);
  }

  @Authorized(...Access.CASE_WRITE)
  @Mutation(() => Application, {
    description: 'Records documents and consents received for an undecided application',
  })
  recordApplicationDocuments(
    @Ctx() ctx: SocialContext,
    @Arg('input', () => RecordApplicationDocumentsInput) input: RecordApplicationDocumentsInput,
  ) {
    return new ApplicationService(ctx.em).recordDocuments(ctx, input);
  }

  @Authorized(...Access.CASE_WRITE)
  @Mutation(() => Application, { description: 'Takes a submitted application under review' })
  startApplicationReview(@Ctx() ctx: SocialContext, @Arg('applicationId', () => ID) applicationId: string) {
    return new ApplicationService(ctx.em).startReview(ctx, applicationId);
  }

  @Authorized(...Access.CASE_WRITE)
  @Mutation(() => Application, {
    description: 'Grants, refuses (001 §16 a–d) or offers another form of service',
  })
  decideApplication(
    @Ctx() ctx: SocialContext,
    @Arg('input', () => DecideApplicationInput) input: DecideApplicationInput,
  ) {
    return new ApplicationService(ctx.em).decide(ctx, input);
  }

  @Personal(Access.CASE)
  @FieldResolver(() => [ApplicationDocument], { description: 'Documents of 001 §3 received, with dates' })
  documents(@Root() application: Application, @Ctx() ctx: SocialContext) {
    return ctx.loaders.documentsByApplication.load(application.id);
  }

  @Personal(Access.CASE)
  @FieldResolver(() => [String], {
    description:
      'What a grant still lacks: ApplicationDocumentKind values and CONSENT_TO_ASSESSMENT / CONSENT_TO_DATA_PROCESSING',
  })
  async missingDocuments(@Root() application: Application, @Ctx() ctx: SocialContext) {
    const documents = await ctx.loaders.documentsByApplication.load(application.id);
    return missingForDecision(
      rulesOf(ctx),
      application,
      documents.map((d) => d.kind),
    );
  }

  @Personal(Access.CASE)
  @FieldResolver(() => [EligibilityProblem], {
    description: 'Conditions of a participant (002 §2) the person does not meet now; empty when eligible',
  })
  async eligibilityProblems(@Root() application: Application, @Ctx() ctx: SocialContext) {
    const recipient = await ctx.loaders.recipientById.load(application.recipientId);
    return recipient ? eligibilityProblems(recipient, application.submittedOn) : [];
  }

  @Personal(Access.CASE)
  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The paragraph of the region's act a refusal cites (001 §16 а–г; Murmansk 002 §8–9), for the letter; null unless refused",
  })
  refusalParagraph(@Root() application: Application, @Ctx() ctx: SocialContext) {
    return application.refusalGround ? rulesOf(ctx).refusalParagraph(application.refusalGround) : null;
  }

  @Personal(Access.CASE)
  @FieldResolver(() => String, {
    nullable: true,
    description: "The region's act the decision rests on, as the letter names it; null while undecided",
  })
  decisionAct(@Root() application: Application, @Ctx() ctx: SocialContext) {
    return application.decision ? rulesOf(ctx).data.source : null;
  }

  @FieldResolver(() => Recipient)
  recipient(@Root() application: Application, @Ctx() ctx: SocialContext) {
    return ctx.loaders.recipientById.load(application.recipientId);
  }
}

@Resolver(() => Recipient)
export class RecipientApplicationsResolver {
  @Personal(Access.CASE)
  @FieldResolver(() => [Application], { description: 'Applications, newest first' })
  applications(@Root() recipient: Recipient, @Ctx() ctx: SocialContext) {
    return ctx.loaders.applicationsByRecipient.load(recipient.id);
  }
}
