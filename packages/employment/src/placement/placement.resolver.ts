import { Access, Personal, recipientStub } from '@sl/core';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { type EmploymentContext, todayOf } from '../common.js';
import { Employer } from '../employer/employer.entity.js';
import { WorkRecommendation } from '../ipra/work-recommendation.entity.js';
import { EmploymentSupport } from '../support/employment-support.entity.js';
import { registeredOn } from '../support/employment-support.service.js';
import { Vacancy } from '../vacancy/vacancy.entity.js';
import { Placement } from './placement.entity.js';
import { EndPlacementInput, PlaceRecipientInput } from './placement.inputs.js';
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

@Resolver(() => Placement)
export class PlacementResolver {
  @Authorized(...Access.EMPLOYMENT_WRITE)
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
