import { Access, LocalDate, type SubgraphContext } from '@sl/core';
import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { CoordinationLoaders } from '../loaders.js';
import { ExecutionCounts, Indicators, IndicatorTarget, REGION_SCOPE } from './indicators.model.js';
import { monthEnds, scopeOf, todayOf, totalsOf } from './indicators.service.js';

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
  ): Indicators {
    return { scope: scopeOf(municipality), asOf: asOf ?? todayOf(ctx.clock) };
  }

  @Authorized(Access.AGGREGATE)
  @Query(() => [Indicators], {
    description: 'One `Indicators` per month end from `from` to `to` (at most 60)',
  })
  indicatorSeries(
    @Arg('from', () => LocalDate) from: string,
    @Arg('to', () => LocalDate) to: string,
    @Arg('municipality', () => String, { nullable: true }) municipality?: string | null,
  ): Indicators[] {
    const scope = scopeOf(municipality);
    return monthEnds(from, to).map((asOf) => ({ scope, asOf }));
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
    return (await ctx.loaders.indicators.registry.load(root.asOf)).peopleIdentified;
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
    return (await ctx.loaders.indicators.registry.load(root.asOf)).councilDecisionsOverdue;
  }

  @Authorized(Access.AGGREGATE)
  @FieldResolver(() => [ExecutionCounts], {
    nullable: true,
    description: `Roadmap obligations by responsible agency: done, in progress, not started, late. ${REGION_ONLY}`,
  })
  async roadmapByAgency(
    @Root() root: Indicators,
    @Ctx() ctx: IndicatorContext,
  ): Promise<ExecutionCounts[] | null> {
    if (root.scope !== REGION_SCOPE) return null;
    return ctx.loaders.indicators.execution.load(`${root.asOf}|${todayOf(ctx.clock)}`);
  }

  @Authorized(Access.AGGREGATE)
  @FieldResolver(() => ExecutionCounts, {
    nullable: true,
    description: `All agencies together. ${REGION_ONLY}`,
  })
  async roadmapTotals(
    @Root() root: Indicators,
    @Ctx() ctx: IndicatorContext,
  ): Promise<ExecutionCounts | null> {
    if (root.scope !== REGION_SCOPE) return null;
    return totalsOf(await ctx.loaders.indicators.execution.load(`${root.asOf}|${todayOf(ctx.clock)}`));
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
