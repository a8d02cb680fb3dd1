import { Access, REGION_SCOPE } from '@sl/core';
import { Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { EducationContext } from '../common.js';
import { type EducationFigures, EducationIndicators } from './education-indicators.model.js';

/**
 * Education records the organisation by name only, not its municipality nor the person's
 * residence: a municipality's share cannot be told honestly, so every figure here is regional.
 */
const REGION_ONLY = 'Null for a municipality: education records hold no residence of the person';

async function figure(
  root: EducationIndicators,
  ctx: EducationContext,
  pick: (f: EducationFigures) => number,
): Promise<number | null> {
  if (root.scope !== REGION_SCOPE) return null;
  return pick(await ctx.loaders.indicators.figures.load(root));
}

/** Education's figures of the Council's indicators (aggregates only: no person is named). */
@Resolver(() => EducationIndicators)
export class EducationIndicatorsResolver {
  @Authorized(...Access.AGGREGATE)
  @FieldResolver(() => Int, {
    nullable: true,
    description: `People in education on the date, any level, each counted once (seed 000 item 9). ${REGION_ONLY}`,
  })
  peopleInEducation(@Root() root: EducationIndicators, @Ctx() ctx: EducationContext) {
    return figure(root, ctx, (f) => f.peopleInEducation);
  }

  @Authorized(...Access.AGGREGATE)
  @FieldResolver(() => Int, {
    nullable: true,
    description: `People in general education on the date (seed 003 item 2.14). ${REGION_ONLY}`,
  })
  peopleInGeneralEducation(@Root() root: EducationIndicators, @Ctx() ctx: EducationContext) {
    return figure(root, ctx, (f) => f.peopleInGeneralEducation);
  }

  @Authorized(...Access.AGGREGATE)
  @FieldResolver(() => Int, {
    nullable: true,
    description: `People in vocational education on the date. ${REGION_ONLY}`,
  })
  peopleInVocationalEducation(@Root() root: EducationIndicators, @Ctx() ctx: EducationContext) {
    return figure(root, ctx, (f) => f.peopleInVocationalEducation);
  }

  @Authorized(...Access.AGGREGATE)
  @FieldResolver(() => Int, {
    nullable: true,
    description: `People in further professional education on the date. ${REGION_ONLY}`,
  })
  peopleInFurtherProfessionalEducation(@Root() root: EducationIndicators, @Ctx() ctx: EducationContext) {
    return figure(root, ctx, (f) => f.peopleInFurtherProfessionalEducation);
  }

  @Authorized(...Access.AGGREGATE)
  @FieldResolver(() => Int, {
    nullable: true,
    description: `Education programmes completed by the date. ${REGION_ONLY}`,
  })
  educationProgrammesCompleted(@Root() root: EducationIndicators, @Ctx() ctx: EducationContext) {
    return figure(root, ctx, (f) => f.educationProgrammesCompleted);
  }

  @Authorized(...Access.AGGREGATE)
  @FieldResolver(() => Int, {
    nullable: true,
    description: `ПМПК recommendations issued by the date. ${REGION_ONLY}`,
  })
  pmpkRecommendationsIssued(@Root() root: EducationIndicators, @Ctx() ctx: EducationContext) {
    return figure(root, ctx, (f) => f.pmpkRecommendationsIssued);
  }

  @Authorized(...Access.AGGREGATE)
  @FieldResolver(() => Int, {
    nullable: true,
    description: `Vocational guidance sessions held by the date (seed 003 item 2.16). ${REGION_ONLY}`,
  })
  vocationalGuidanceSessions(@Root() root: EducationIndicators, @Ctx() ctx: EducationContext) {
    return figure(root, ctx, (f) => f.vocationalGuidanceSessions);
  }
}
