import type { FilterQuery } from '@mikro-orm/core';
import {
  AboutConsentingRecipient,
  Access,
  Connection,
  PageArgs,
  Personal,
  paginateLatestFirst,
  recipientStub,
} from '@sl/core';
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
import { type EmploymentContext, todayOf } from '../common.js';
import { Employer } from '../employer/employer.entity.js';
import { placementsForbiddenByIpra } from '../ipra/ipra-conflict.js';
import { WorkRecommendation, WorkVerdict } from '../ipra/work-recommendation.entity.js';
import { EmploymentSupport } from '../support/employment-support.entity.js';
import { registeredOn } from '../support/employment-support.service.js';
import { Vacancy } from '../vacancy/vacancy.entity.js';
import { Placement } from './placement.entity.js';
import { EndPlacementInput, PlacementFilter, PlaceRecipientInput } from './placement.inputs.js';
import { PlacementService } from './placement.service.js';

export const Recipient = recipientStub();
type Recipient = InstanceType<typeof Recipient>;

@Resolver(() => Recipient)
export class RecipientEmploymentResolver {
  @Personal(Access.EMPLOYMENT)
  @FieldResolver(() => [Placement], { nullable: true, description: 'Newest first' })
  placements(@Root() recipient: Recipient, @Ctx() ctx: EmploymentContext) {
    return ctx.loaders.placementsByRecipient.load(recipient.id);
  }

  @Personal(Access.EMPLOYMENT)
  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      'Has a placement under way today. Lists filtered across ministries (e.g. main stage and no job) ' +
      'select this beside the social fields: one batched statement per page',
  })
  async employed(@Root() recipient: Recipient, @Ctx() ctx: EmploymentContext) {
    const today = todayOf(ctx);
    return (await ctx.loaders.placementsByRecipient.load(recipient.id)).some((p) => p.isActiveOn(today));
  }

  @Personal(Access.EMPLOYMENT)
  @FieldResolver(() => Boolean, { nullable: true, description: 'Registered as unemployed today' })
  async registeredUnemployed(@Root() recipient: Recipient, @Ctx() ctx: EmploymentContext) {
    return registeredOn(await ctx.loaders.supportsByRecipient.load(recipient.id), todayOf(ctx));
  }

  @Personal(Access.EMPLOYMENT)
  @FieldResolver(() => [WorkRecommendation], {
    nullable: true,
    description: 'The ИПРА’s employment recommendations',
  })
  workRecommendations(@Root() recipient: Recipient, @Ctx() ctx: EmploymentContext) {
    return ctx.loaders.recommendationsByRecipient.load(recipient.id);
  }

  @Personal(Access.EMPLOYMENT)
  @FieldResolver(() => [EmploymentSupport], {
    nullable: true,
    description: 'Employment-agency measures, newest first',
  })
  employmentSupports(@Root() recipient: Recipient, @Ctx() ctx: EmploymentContext) {
    return ctx.loaders.supportsByRecipient.load(recipient.id);
  }
}

@ObjectType()
class PlacementConnection extends Connection(Placement, 'Placement') {}

@Resolver(() => Placement)
export class PlacementResolver {
  @Authorized(...Access.EMPLOYMENT)
  @Query(() => PlacementConnection, {
    description: 'Job placements of all people, latest start first (each read is audited per person)',
  })
  async placements(
    @Ctx() ctx: EmploymentContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => PlacementFilter, { nullable: true }) filter?: PlacementFilter,
  ) {
    const where: FilterQuery<Placement> = {};
    if (filter?.employerId) where.employer = filter.employerId;
    if (filter?.employerMunicipality) {
      where.employer = {
        ...(filter.employerId ? { id: filter.employerId } : {}),
        municipality: filter.employerMunicipality,
      };
    }
    if (filter?.workKind) where.workKind = filter.workKind;
    if (typeof filter?.supported === 'boolean') where.supported = filter.supported;
    // Under way on a day as the `employed` figure counts it: from the start to the end, both included.
    const day = filter?.activeOn ?? (filter?.current ? todayOf(ctx) : null);
    if (day) {
      where.startDate = { $lte: day };
      where.$or = [{ endDate: null }, { endDate: { $gte: day } }];
    }
    if (typeof filter?.forbiddenByIpra === 'boolean') {
      // seed 004 item 2.2.2: a placement is refused in a forbidden kind of work, but an ИПРА
      // recorded after it may forbid the job the person holds — this finds those.
      const ids = await placementsForbiddenByIpra(ctx.em);
      where.id = filter.forbiddenByIpra ? { $in: ids } : { $nin: ids };
    }
    return paginateLatestFirst(ctx.em, Placement, where, 'startDate', page);
  }

  @Personal(Access.EMPLOYMENT)
  @FieldResolver(() => Boolean, {
    description: 'The person’s ИПРА forbids this kind of work (004 п. 2.2.2): an alert while the job goes on',
  })
  async forbiddenByIpra(@Root() placement: Placement, @Ctx() ctx: EmploymentContext) {
    const recommendations = await ctx.loaders.recommendationsByRecipient.load(placement.recipientId);
    return recommendations.some(
      (r) => r.workKind === placement.workKind && r.verdict === WorkVerdict.FORBIDDEN,
    );
  }

  /** The person, by reference: the gateway reads their name from social, under social's rules. */
  @FieldResolver(() => Recipient, { description: 'The person placed' })
  recipient(@Root() placement: Placement): Recipient {
    return { id: placement.recipientId };
  }

  @Authorized(...Access.EMPLOYMENT_WRITE)
  @AboutConsentingRecipient()
  @Mutation(() => Placement, {
    description: 'Places a person in a job; a kind of work the ИПРА forbids is refused (004 п. 2.2.2)',
  })
  placeRecipient(
    @Ctx() ctx: EmploymentContext,
    @Arg('input', () => PlaceRecipientInput) input: PlaceRecipientInput,
  ) {
    return new PlacementService(ctx.em).place(ctx, input);
  }

  @Authorized(...Access.EMPLOYMENT_WRITE)
  @Mutation(() => Placement, { description: 'Records the end of a placement' })
  endPlacement(
    @Ctx() ctx: EmploymentContext,
    @Arg('input', () => EndPlacementInput) input: EndPlacementInput,
  ) {
    return new PlacementService(ctx.em).end(ctx, input);
  }

  @Personal(Access.EMPLOYMENT)
  @FieldResolver(() => Employer)
  employer(@Root() placement: Placement, @Ctx() ctx: EmploymentContext) {
    return ctx.loaders.employerById.load(placement.employer.id);
  }

  @Personal(Access.EMPLOYMENT)
  @FieldResolver(() => Vacancy, { nullable: true })
  vacancy(@Root() placement: Placement, @Ctx() ctx: EmploymentContext) {
    return placement.vacancy ? ctx.loaders.vacancyById.load(placement.vacancy.id) : null;
  }
}
