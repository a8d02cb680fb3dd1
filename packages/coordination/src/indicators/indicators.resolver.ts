import { Access, isUuid, LocalDate, type SubgraphContext, ValidationError } from '@sl/core';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { REGION_MESSAGE, REGION_PATTERN } from '../agency/agency.inputs.js';
import type { CoordinationLoaders } from '../loaders.js';
import { executionKey } from './indicators.loaders.js';
import { ExecutionCounts, Indicators, IndicatorTarget, REGION_SCOPE } from './indicators.model.js';
import { monthEnds, type RoadmapScope, scopeOf, todayOf } from './indicators.service.js';

/** The roadmaps asked about: a region's (all of its roadmaps), one roadmap, or every one. */
function roadmapScopeOf(
  region?: string | null,
  roadmapId?: string | null,
): Pick<Indicators, 'roadmapRegion' | 'roadmapId'> {
  if (region && !REGION_PATTERN.test(region))
    throw new ValidationError(REGION_MESSAGE, 'region', 'REGION_INVALID');
  if (roadmapId && !isUuid(roadmapId))
    throw new ValidationError('Неверный идентификатор дорожной карты', 'roadmapId', 'VALIDATION_FAILED');
  return { roadmapRegion: region || null, roadmapId: roadmapId || null };
}

const scopeOfRoot = (root: Indicators): RoadmapScope => ({
  region: root.roadmapRegion ?? null,
  roadmapId: root.roadmapId ?? null,
});

const SCOPE_REGION = 'Only this region’s roadmaps and Council (`kaliningrad`, …); all regions when omitted';
const SCOPE_ROADMAP = 'Only this roadmap';

type IndicatorContext = SubgraphContext<CoordinationLoaders>;

const REGION_ONLY = 'Null for a municipality: the register, the roadmap and the Council are regional';

@Resolver(() => Indicators)
export class IndicatorsResolver {
  @Authorized(Access.AGGREGATE)
  @Query(() => Indicators, {
    description: 'The Council’s indicators for the region or a municipality as of a date (today by default)',
  })
  indicators(
    @Ctx() ctx: IndicatorContext,
    @Arg('asOf', () => LocalDate, { nullable: true }) asOf?: string | null,
    @Arg('municipality', () => String, { nullable: true }) municipality?: string | null,
    @Arg('region', () => String, { nullable: true, description: SCOPE_REGION }) region?: string | null,
    @Arg('roadmapId', () => ID, { nullable: true, description: SCOPE_ROADMAP }) roadmapId?: string | null,
  ): Indicators {
    return {
      scope: scopeOf(municipality),
      asOf: asOf ?? todayOf(ctx.clock),
      ...roadmapScopeOf(region, roadmapId),
    };
  }

  @Authorized(Access.AGGREGATE)
  @Query(() => [Indicators], {
    description: 'One `Indicators` per month end from `from` to `to` (at most 60)',
  })
  indicatorSeries(
    @Arg('from', () => LocalDate) from: string,
    @Arg('to', () => LocalDate) to: string,
    @Arg('municipality', () => String, { nullable: true }) municipality?: string | null,
    @Arg('region', () => String, { nullable: true, description: SCOPE_REGION }) region?: string | null,
    @Arg('roadmapId', () => ID, { nullable: true, description: SCOPE_ROADMAP }) roadmapId?: string | null,
  ): Indicators[] {
    const scope = scopeOf(municipality);
    const roadmaps = roadmapScopeOf(region, roadmapId);
    return monthEnds(from, to).map((asOf) => ({ scope, asOf, ...roadmaps }));
  }

  @Authorized(Access.AGGREGATE)
  @FieldResolver(() => String, { nullable: true, description: 'The municipality; null for the region' })
  municipality(@Root() root: Indicators): string | null {
    return root.scope === REGION_SCOPE ? null : root.scope;
  }

  @Authorized(Access.AGGREGATE)
  @FieldResolver(() => Int, {
    nullable: true,
    description: `People in the register of those needing supported living, identified by the date. ${REGION_ONLY}`,
  })
  async peopleIdentified(@Root() root: Indicators, @Ctx() ctx: IndicatorContext): Promise<number | null> {
    if (root.scope !== REGION_SCOPE) return null;
    return (await ctx.loaders.indicators.registry.load(`${root.asOf}|`)).peopleIdentified;
  }

  @Authorized(Access.AGGREGATE)
  @FieldResolver(() => Int, {
    nullable: true,
    description: `Council decisions due before the date and not done by it. ${REGION_ONLY}`,
  })
  async councilDecisionsOverdue(
    @Root() root: Indicators,
    @Ctx() ctx: IndicatorContext,
  ): Promise<number | null> {
    if (root.scope !== REGION_SCOPE) return null;
    return (await ctx.loaders.indicators.registry.load(`${root.asOf}|${root.roadmapRegion ?? ''}`))
      .councilDecisionsOverdue;
  }

  @Authorized(Access.AGGREGATE)
  @FieldResolver(() => [ExecutionCounts], {
    nullable: true,
    description: `Roadmap obligations by executing agency, responsible or co-executing (an obligation counts for each agency its item names): done, in progress, not started, late. ${REGION_ONLY}`,
  })
  async roadmapByAgency(
    @Root() root: Indicators,
    @Ctx() ctx: IndicatorContext,
  ): Promise<ExecutionCounts[] | null> {
    if (root.scope !== REGION_SCOPE) return null;
    return (
      await ctx.loaders.indicators.execution.load(
        executionKey(root.asOf, todayOf(ctx.clock), scopeOfRoot(root)),
      )
    ).byAgency;
  }

  @Authorized(Access.AGGREGATE)
  @FieldResolver(() => ExecutionCounts, {
    nullable: true,
    description: `All agencies together, each obligation once. ${REGION_ONLY}`,
  })
  async roadmapTotals(
    @Root() root: Indicators,
    @Ctx() ctx: IndicatorContext,
  ): Promise<ExecutionCounts | null> {
    if (root.scope !== REGION_SCOPE) return null;
    return (
      await ctx.loaders.indicators.execution.load(
        executionKey(root.asOf, todayOf(ctx.clock), scopeOfRoot(root)),
      )
    ).totals;
  }

  @Authorized(Access.AGGREGATE)
  @FieldResolver(() => String, {
    nullable: true,
    description: 'The region whose roadmaps are counted; null = all',
  })
  roadmapRegion(@Root() root: Indicators): string | null {
    return root.roadmapRegion ?? null;
  }

  @Authorized(Access.AGGREGATE)
  @FieldResolver(() => ID, {
    nullable: true,
    description: 'The one roadmap counted; null = all of the region’s',
  })
  roadmapId(@Root() root: Indicators): string | null {
    return root.roadmapId ?? null;
  }

  @Authorized(Access.AGGREGATE)
  @FieldResolver(() => [IndicatorTarget], {
    description:
      'Targets of the roadmap items for the indicators they measure, by indicator field name (seed 000 item 12: 12 training places)',
  })
  targets(@Ctx() ctx: IndicatorContext): Promise<IndicatorTarget[]> {
    return ctx.loaders.indicators.targets.load('all');
  }
}
