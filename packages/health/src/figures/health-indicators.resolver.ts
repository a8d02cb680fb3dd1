import { Access, REGION_SCOPE } from '@sl/core';
import { Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { HealthContext } from '../common.js';
import { type HealthFigures, HealthIndicators } from './health-indicators.model.js';

/**
 * Health records the issuing organisation, not the person's residence: a municipality's share of
 * these figures cannot be told honestly, so every one of them is regional.
 */
const REGION_ONLY = 'Null for a municipality: health records hold no residence of the person';

async function figure(
  root: HealthIndicators,
  ctx: HealthContext,
  pick: (f: HealthFigures) => number,
): Promise<number | null> {
  if (root.scope !== REGION_SCOPE) return null;
  return pick(await ctx.loaders.indicators.figures.load(root));
}

/** Health's figures of the Council's indicators (aggregates only: no person is named). */
@Resolver(() => HealthIndicators)
export class HealthIndicatorsResolver {
  @Authorized(...Access.AGGREGATE)
  @FieldResolver(() => Int, {
    nullable: true,
    description: `Medical conclusions on contraindications (order 202н) issued by the date. ${REGION_ONLY}`,
  })
  medicalConclusionsIssued(@Root() root: HealthIndicators, @Ctx() ctx: HealthContext) {
    return figure(root, ctx, (f) => f.medicalConclusionsIssued);
  }

  @Authorized(...Access.AGGREGATE)
  @FieldResolver(() => Int, {
    nullable: true,
    description: `Of the conclusions issued by the date: those that found contraindications. ${REGION_ONLY}`,
  })
  medicalConclusionsWithContraindications(@Root() root: HealthIndicators, @Ctx() ctx: HealthContext) {
    return figure(root, ctx, (f) => f.medicalConclusionsWithContraindications);
  }

  @Authorized(...Access.AGGREGATE)
  @FieldResolver(() => Int, {
    nullable: true,
    description: `Conclusions in force on the date (issued by it, not expired). ${REGION_ONLY}`,
  })
  medicalConclusionsValid(@Root() root: HealthIndicators, @Ctx() ctx: HealthContext) {
    return figure(root, ctx, (f) => f.medicalConclusionsValid);
  }

  @Authorized(...Access.AGGREGATE)
  @FieldResolver(() => Int, {
    nullable: true,
    description: `Interagency requests answered by health by the date. ${REGION_ONLY}`,
  })
  interagencyRequestsAnsweredByHealth(@Root() root: HealthIndicators, @Ctx() ctx: HealthContext) {
    return figure(root, ctx, (f) => f.interagencyRequestsAnsweredByHealth);
  }

  @Authorized(...Access.AGGREGATE)
  @FieldResolver(() => Int, {
    nullable: true,
    description: `People in a medical rehabilitation episode under way on the date. ${REGION_ONLY}`,
  })
  peopleInMedicalRehabilitation(@Root() root: HealthIndicators, @Ctx() ctx: HealthContext) {
    return figure(root, ctx, (f) => f.peopleInMedicalRehabilitation);
  }

  @Authorized(...Access.AGGREGATE)
  @FieldResolver(() => Int, {
    nullable: true,
    description: `Mobile medical team visits by the date (seed 003 item 1.9). ${REGION_ONLY}`,
  })
  mobileTeamVisits(@Root() root: HealthIndicators, @Ctx() ctx: HealthContext) {
    return figure(root, ctx, (f) => f.mobileTeamVisits);
  }
}
