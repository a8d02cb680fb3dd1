import { Access, LocalDate, localDateOf, type SubgraphContext } from '@sl/core';
import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { SocialIndicatorLoaders } from './indicators.loaders.js';
import { ApplicationFigures, HousingFigures, PeopleCount, SocialIndicators } from './indicators.model.js';
import { isTrainingFlat, knownMunicipalities } from './indicators.service.js';

type IndicatorContext = SubgraphContext<{ indicators: SocialIndicatorLoaders }>;

const sum = (list: HousingFigures[], pick: (h: HousingFigures) => number) =>
  list.reduce((s, h) => s + pick(h), 0);

/** The social case's figures of the Council's indicators (aggregates only: no person is named). */
@Resolver(() => SocialIndicators)
export class SocialIndicatorsResolver {
  @Authorized(Access.AGGREGATE)
  @Query(() => [SocialIndicators], {
    description:
      'One `Indicators` per municipality the social case knows on the date (where applicants live, where housing stands), by name: the per-municipality table of the reports',
  })
  async municipalityIndicators(
    @Ctx() ctx: IndicatorContext,
    @Arg('asOf', () => LocalDate, { nullable: true }) asOf?: string | null,
  ): Promise<SocialIndicators[]> {
    const date = asOf ?? localDateOf(ctx.clock.now());
    return (await knownMunicipalities(ctx.em, date)).map((scope) => ({ scope, asOf: date }));
  }

  @Authorized(Access.AGGREGATE)
  @FieldResolver(() => ApplicationFigures)
  applications(@Root() root: SocialIndicators, @Ctx() ctx: IndicatorContext) {
    return ctx.loaders.indicators.applications.load(root);
  }

  @Authorized(Access.AGGREGATE)
  @FieldResolver(() => [PeopleCount], { description: 'People in each stage on the date (key: StageKind)' })
  peopleByStage(@Root() root: SocialIndicators, @Ctx() ctx: IndicatorContext) {
    return ctx.loaders.indicators.stages.load(root);
  }

  @Authorized(Access.AGGREGATE)
  @FieldResolver(() => [PeopleCount], {
    description: 'People by the autonomy degree of their latest assessment (key: AutonomyDegree)',
  })
  async peopleByAutonomyDegree(@Root() root: SocialIndicators, @Ctx() ctx: IndicatorContext) {
    return (await ctx.loaders.indicators.assessments.load(root)).byDegree;
  }

  @Authorized(Access.AGGREGATE)
  @FieldResolver(() => [PeopleCount], {
    description: 'People by the service type of their latest assessment (key: the rule set’s code)',
  })
  async peopleByServiceType(@Root() root: SocialIndicators, @Ctx() ctx: IndicatorContext) {
    return (await ctx.loaders.indicators.assessments.load(root)).byServiceType;
  }

  @Authorized(Access.AGGREGATE)
  @FieldResolver(() => Int, {
    description: 'People (not terminated) whose latest assessment’s re-assessment was due before the date',
  })
  async reassessmentsOverdue(@Root() root: SocialIndicators, @Ctx() ctx: IndicatorContext) {
    return (await ctx.loaders.indicators.assessments.load(root)).reassessmentsOverdue;
  }

  @Authorized(Access.AGGREGATE)
  @FieldResolver(() => [HousingFigures], { description: 'Units, places and occupancy by housing kind' })
  housing(@Root() root: SocialIndicators, @Ctx() ctx: IndicatorContext) {
    return ctx.loaders.indicators.housing.load(root);
  }

  @Authorized(Access.AGGREGATE)
  @FieldResolver(() => Int, { description: 'Places in training flats' })
  async trainingFlatPlaces(@Root() root: SocialIndicators, @Ctx() ctx: IndicatorContext) {
    const housing = await ctx.loaders.indicators.housing.load(root);
    return sum(housing.filter(isTrainingFlat), (h) => h.places);
  }

  @Authorized(Access.AGGREGATE)
  @FieldResolver(() => Int, { description: 'Places in training flats occupied on the date' })
  async trainingFlatOccupied(@Root() root: SocialIndicators, @Ctx() ctx: IndicatorContext) {
    const housing = await ctx.loaders.indicators.housing.load(root);
    return sum(housing.filter(isTrainingFlat), (h) => h.occupied);
  }

  @Authorized(Access.AGGREGATE)
  @FieldResolver(() => Int, { description: 'Places in all other housing' })
  async otherHousingPlaces(@Root() root: SocialIndicators, @Ctx() ctx: IndicatorContext) {
    const housing = await ctx.loaders.indicators.housing.load(root);
    return sum(
      housing.filter((h) => !isTrainingFlat(h)),
      (h) => h.places,
    );
  }

  @Authorized(Access.AGGREGATE)
  @FieldResolver(() => Int, { description: 'Places in other housing occupied on the date' })
  async otherHousingOccupied(@Root() root: SocialIndicators, @Ctx() ctx: IndicatorContext) {
    const housing = await ctx.loaders.indicators.housing.load(root);
    return sum(
      housing.filter((h) => !isTrainingFlat(h)),
      (h) => h.occupied,
    );
  }
}
