import type { FilterQuery } from '@mikro-orm/core';
import {
  AboutConsentingRecipient,
  Access,
  Connection,
  HEALTH_OWN_CASE_ONLY,
  PageArgs,
  Personal,
  paginateLatestFirst,
} from '@sl/core';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Directive,
  Field,
  FieldResolver,
  ID,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { type HealthContext, todayOf } from '../common.js';
import { MobileTeamVisit } from '../mobile-team/mobile-team-visit.entity.js';
import { RehabilitationEpisode } from '../rehabilitation/rehabilitation-episode.entity.js';
import { MedicalConclusion } from './medical-conclusion.entity.js';
import { MedicalConclusionFilter, RecordMedicalConclusionInput } from './medical-conclusion.inputs.js';
import { MedicalConclusionService } from './medical-conclusion.service.js';

/**
 * The person as health sees it: the key, and social's `caseCoordinatorIds` with social's seal over
 * them (`caseAssignmentSeal`), which the gateway fetches from social and hands over with the
 * reference whenever a health detail is asked for. Health believes the ids only when the seal
 * verifies (core access/case-seal.ts): a representation sent by anyone else names nobody.
 */
@Directive('@key(fields: "id")')
@ObjectType('Recipient')
export class Recipient {
  @Field(() => ID)
  id!: string;

  @Directive('@external')
  @Field(() => [ID])
  caseCoordinatorIds?: string[];

  @Directive('@external')
  @Field(() => String)
  caseAssignmentSeal?: string;
}

/** Health details: health officers, and of all coordinators only the case's own (docs/access.md). */
const HealthDetail = () => Personal(Access.HEALTH, { ownCaseOnly: HEALTH_OWN_CASE_ONLY });
const REQUIRES_CASE = '@requires(fields: "caseCoordinatorIds caseAssignmentSeal")';

@Resolver(() => Recipient)
export class RecipientHealthResolver {
  @HealthDetail()
  @Directive(REQUIRES_CASE)
  @FieldResolver(() => [MedicalConclusion], {
    nullable: true,
    description: 'Medical conclusions, newest first',
  })
  medicalConclusions(@Root() recipient: Recipient, @Ctx() ctx: HealthContext) {
    return ctx.loaders.conclusionsByRecipient.load(recipient.id);
  }

  /** The coordinator's work queue shows it as a deadline: the case needs a fresh conclusion. */
  @HealthDetail()
  @Directive(REQUIRES_CASE)
  @FieldResolver(() => MedicalConclusion, {
    nullable: true,
    description:
      "The person's latest conclusion when its validity ended before today (order 202н); else null",
  })
  async expiredMedicalConclusion(
    @Root() recipient: Recipient,
    @Ctx() ctx: HealthContext,
  ): Promise<MedicalConclusion | null> {
    const [latest] = await ctx.loaders.conclusionsByRecipient.load(recipient.id);
    return latest?.validUntil && latest.validUntil < todayOf(ctx) ? latest : null;
  }

  @HealthDetail()
  @Directive(REQUIRES_CASE)
  @FieldResolver(() => [RehabilitationEpisode], {
    nullable: true,
    description: 'Medical rehabilitation, newest first',
  })
  rehabilitationEpisodes(@Root() recipient: Recipient, @Ctx() ctx: HealthContext) {
    return ctx.loaders.episodesByRecipient.load(recipient.id);
  }

  @HealthDetail()
  @Directive(REQUIRES_CASE)
  @FieldResolver(() => [MobileTeamVisit], {
    nullable: true,
    description: 'Mobile medical team visits, newest first',
  })
  mobileTeamVisits(@Root() recipient: Recipient, @Ctx() ctx: HealthContext) {
    return ctx.loaders.visitsByRecipient.load(recipient.id);
  }
}

@ObjectType()
class MedicalConclusionConnection extends Connection(MedicalConclusion, 'MedicalConclusion') {}

@Resolver(() => MedicalConclusion)
export class MedicalConclusionResolver {
  /**
   * Health officers only: coordinators read a conclusion only on a case they coordinate, which
   * health learns per person from social (`@requires`); a list across all people cannot apply it.
   */
  @Authorized(...Access.HEALTH_WRITE)
  @Query(() => MedicalConclusionConnection, {
    description:
      'Medical conclusions of all people, newest first, for health officers (each read is audited per person)',
  })
  medicalConclusions(
    @Ctx() ctx: HealthContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => MedicalConclusionFilter, { nullable: true }) filter?: MedicalConclusionFilter,
  ) {
    const where: FilterQuery<MedicalConclusion> = {};
    if (typeof filter?.contraindicationsPresent === 'boolean') {
      where.contraindicationsPresent = filter.contraindicationsPresent;
    }
    if (filter?.issuedFrom) where.issuedOn = { $gte: filter.issuedFrom };
    if (filter?.validUntilBefore) where.validUntil = { $lt: filter.validUntilBefore };
    return paginateLatestFirst(ctx.em, MedicalConclusion, where, 'issuedOn', page);
  }

  /** The person, by reference: the gateway reads their name from social, under social's rules. */
  @FieldResolver(() => Recipient, { description: 'The person the conclusion is about' })
  recipient(@Root() conclusion: MedicalConclusion): Recipient {
    return { id: conclusion.recipientId };
  }

  @Authorized(...Access.HEALTH_WRITE)
  @AboutConsentingRecipient()
  @Mutation(() => MedicalConclusion, { description: 'Records a medical conclusion (order 202н)' })
  recordMedicalConclusion(
    @Ctx() ctx: HealthContext,
    @Arg('input', () => RecordMedicalConclusionInput) input: RecordMedicalConclusionInput,
  ) {
    return new MedicalConclusionService(ctx.em).record(ctx, input.recipientId, input);
  }
}
