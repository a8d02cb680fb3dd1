import { Access, REGION_SCOPE } from '@sl/core';
import { Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { EmploymentContext } from '../common.js';
import { type EmploymentFigures, EmploymentIndicators } from './employment-indicators.model.js';

/**
 * Employment knows where the employer is, not where the person lives: jobs and vacancies are
 * placed in the employer's municipality (said so in each description); the support the agency
 * gives a person has no place in its records, so those figures are regional.
 */
const BY_EMPLOYER =
  'For a municipality: jobs at employers registered in it (where people work, not where they live)';
const REGION_ONLY = 'Null for a municipality: employment’s support records hold no residence of the person';

type Figure = (f: EmploymentFigures) => number;

async function byEmployer(root: EmploymentIndicators, ctx: EmploymentContext, pick: Figure) {
  return pick(await ctx.loaders.indicators.figures.load(root));
}

async function regional(root: EmploymentIndicators, ctx: EmploymentContext, pick: Figure) {
  if (root.scope !== REGION_SCOPE) return null;
  return pick(await ctx.loaders.indicators.figures.load(root));
}

/** Employment's figures of the Council's indicators (aggregates only: no person is named). */
@Resolver(() => EmploymentIndicators)
export class EmploymentIndicatorsResolver {
  @Authorized(...Access.AGGREGATE)
  @FieldResolver(() => Int, {
    nullable: true,
    description: `People employed on the date, each counted once (seed 000 item 11). ${BY_EMPLOYER}`,
  })
  peopleEmployed(@Root() root: EmploymentIndicators, @Ctx() ctx: EmploymentContext) {
    return byEmployer(root, ctx, (f) => f.peopleEmployed);
  }

  @Authorized(...Access.AGGREGATE)
  @FieldResolver(() => Int, {
    nullable: true,
    description: `Of those: in supported employment with a mentor (seed 004 item 2.2.2). ${BY_EMPLOYER}`,
  })
  peopleInSupportedEmployment(@Root() root: EmploymentIndicators, @Ctx() ctx: EmploymentContext) {
    return byEmployer(root, ctx, (f) => f.peopleInSupportedEmployment);
  }

  @Authorized(...Access.AGGREGATE)
  @FieldResolver(() => Int, {
    nullable: true,
    description: `Of those: placed on quota jobs (seed 004 item 2.2.1). ${BY_EMPLOYER}`,
  })
  peopleOnQuotaJobs(@Root() root: EmploymentIndicators, @Ctx() ctx: EmploymentContext) {
    return byEmployer(root, ctx, (f) => f.peopleOnQuotaJobs);
  }

  @Authorized(...Access.AGGREGATE)
  @FieldResolver(() => Int, { nullable: true, description: `Vacancies open on the date. ${BY_EMPLOYER}` })
  vacanciesOpen(@Root() root: EmploymentIndicators, @Ctx() ctx: EmploymentContext) {
    return byEmployer(root, ctx, (f) => f.vacanciesOpen);
  }

  @Authorized(...Access.AGGREGATE)
  @FieldResolver(() => Int, {
    nullable: true,
    description: `Of those: quota jobs (seed 004 item 2.2.1). ${BY_EMPLOYER}`,
  })
  quotaVacanciesOpen(@Root() root: EmploymentIndicators, @Ctx() ctx: EmploymentContext) {
    return byEmployer(root, ctx, (f) => f.quotaVacanciesOpen);
  }

  @Authorized(...Access.AGGREGATE)
  @FieldResolver(() => Int, {
    nullable: true,
    description: `Workplaces created for disabled people by the date (seed 004 item 2.2.3). ${BY_EMPLOYER}`,
  })
  workplacesCreated(@Root() root: EmploymentIndicators, @Ctx() ctx: EmploymentContext) {
    return byEmployer(root, ctx, (f) => f.workplacesCreated);
  }

  @Authorized(...Access.AGGREGATE)
  @FieldResolver(() => Int, {
    nullable: true,
    description: `Workplaces equipped for disabled people by the date (seed 004 item 2.2.3). ${BY_EMPLOYER}`,
  })
  workplacesEquipped(@Root() root: EmploymentIndicators, @Ctx() ctx: EmploymentContext) {
    return byEmployer(root, ctx, (f) => f.workplacesEquipped);
  }

  @Authorized(...Access.AGGREGATE)
  @FieldResolver(() => Int, {
    nullable: true,
    description: `Additional workplaces above the quota by the date (seed 004 item 2.2.4). ${BY_EMPLOYER}`,
  })
  workplacesAboveQuota(@Root() root: EmploymentIndicators, @Ctx() ctx: EmploymentContext) {
    return byEmployer(root, ctx, (f) => f.workplacesAboveQuota);
  }

  @Authorized(...Access.AGGREGATE)
  @FieldResolver(() => Int, {
    nullable: true,
    description: `People registered as unemployed on the date (seed 004 item 2.1). ${REGION_ONLY}`,
  })
  registeredUnemployed(@Root() root: EmploymentIndicators, @Ctx() ctx: EmploymentContext) {
    return regional(root, ctx, (f) => f.registeredUnemployed);
  }

  @Authorized(...Access.AGGREGATE)
  @FieldResolver(() => Int, {
    nullable: true,
    description: `People in vocational training on the date (seed 004 item 2.1.1). ${REGION_ONLY}`,
  })
  peopleInVocationalTraining(@Root() root: EmploymentIndicators, @Ctx() ctx: EmploymentContext) {
    return regional(root, ctx, (f) => f.peopleInVocationalTraining);
  }

  @Authorized(...Access.AGGREGATE)
  @FieldResolver(() => Int, {
    nullable: true,
    description: `Vocational guidance given by the date (seed 004 item 2.1.2). ${REGION_ONLY}`,
  })
  vocationalGuidanceGiven(@Root() root: EmploymentIndicators, @Ctx() ctx: EmploymentContext) {
    return regional(root, ctx, (f) => f.vocationalGuidanceGiven);
  }

  @Authorized(...Access.AGGREGATE)
  @FieldResolver(() => Int, {
    nullable: true,
    description: `Self-employment support given by the date (seed 004 item 2.1.3). ${REGION_ONLY}`,
  })
  selfEmploymentSupported(@Root() root: EmploymentIndicators, @Ctx() ctx: EmploymentContext) {
    return regional(root, ctx, (f) => f.selfEmploymentSupported);
  }
}
