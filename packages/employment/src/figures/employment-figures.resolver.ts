import { Access, LocalDate } from '@sl/core';
import { Arg, Authorized, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { EmploymentContext } from '../common.js';

@ObjectType({ description: 'The employment agency’s own figures for the Council, as of a day (region-wide)' })
export class EmploymentFigures {
  @Field(() => LocalDate)
  asOf!: string;

  @Field(() => Int, { description: 'Placements under way on the day' })
  placementsActive!: number;

  @Field(() => Int, { description: 'Of those: supported employment with a mentor (004 п. 2.2.2)' })
  placementsSupported!: number;

  @Field(() => Int, { description: 'Of those: on quota jobs (004 п. 2.2.1)' })
  placementsQuota!: number;

  @Field(() => Int, { description: 'Vacancies open on the day' })
  vacanciesOpen!: number;

  @Field(() => Int, { description: 'Of those: quota jobs (004 п. 2.2.1)' })
  quotaVacanciesOpen!: number;

  @Field(() => Int, { description: 'Workplaces created for disabled people up to the day (004 п. 2.2.3)' })
  workplacesCreated!: number;

  @Field(() => Int, { description: 'Workplaces equipped for disabled people up to the day (004 п. 2.2.3)' })
  workplacesEquipped!: number;

  @Field(() => Int, { description: 'Additional workplaces above the quota up to the day (004 п. 2.2.4)' })
  workplacesAboveQuota!: number;

  @Field(() => Int, { description: 'People registered as unemployed on the day' })
  registeredUnemployed!: number;

  @Field(() => Int, { description: 'People in vocational training on the day (004 п. 2.1.1)' })
  inVocationalTraining!: number;

  @Field(() => Int, { description: 'Vocational guidance given up to the day (004 п. 2.1.2)' })
  vocationalGuidanceGiven!: number;

  @Field(() => Int, { description: 'Self-employment support given up to the day (004 п. 2.1.3)' })
  selfEmploymentSupported!: number;
}

@Resolver(() => EmploymentFigures)
export class EmploymentFiguresResolver {
  @Authorized(...Access.AGGREGATE)
  @Query(() => EmploymentFigures, { description: 'Employment’s own figures for the Council indicators' })
  async employmentFigures(
    @Arg('asOf', () => LocalDate) asOf: string,
    @Ctx() ctx: EmploymentContext,
  ): Promise<EmploymentFigures> {
    const active = (table: string) =>
      `${table}.start_date <= :d and (${table}.end_date is null or ${table}.end_date >= :d)`;
    const sql = `select
      (select count(*) from employment.placement p where ${active('p')}) as placements_active,
      (select count(*) from employment.placement p where ${active('p')} and p.supported) as placements_supported,
      (select count(*) from employment.placement p where ${active('p')} and p.quota) as placements_quota,
      (select count(*) from employment.vacancy v where v.opened_on <= :d and (v.closed_on is null or v.closed_on > :d)) as vacancies_open,
      (select count(*) from employment.vacancy v where v.quota and v.opened_on <= :d and (v.closed_on is null or v.closed_on > :d)) as quota_vacancies_open,
      (select count(*) from employment.vacancy v where v.origin = 'CREATED' and v.opened_on <= :d) as workplaces_created,
      (select count(*) from employment.vacancy v where v.origin = 'EQUIPPED' and v.opened_on <= :d) as workplaces_equipped,
      (select count(*) from employment.vacancy v where v.origin = 'ABOVE_QUOTA' and v.opened_on <= :d) as workplaces_above_quota,
      (select count(distinct s.recipient_id) from employment.employment_support s where s.kind = 'UNEMPLOYMENT_REGISTRATION' and ${active('s')}) as registered_unemployed,
      (select count(distinct s.recipient_id) from employment.employment_support s where s.kind = 'VOCATIONAL_TRAINING' and ${active('s')}) as in_vocational_training,
      (select count(*) from employment.employment_support s where s.kind = 'VOCATIONAL_GUIDANCE' and s.start_date <= :d) as vocational_guidance_given,
      (select count(*) from employment.employment_support s where s.kind = 'SELF_EMPLOYMENT_SUPPORT' and s.start_date <= :d) as self_employment_supported`;
    const params: string[] = [];
    const positional = sql.replace(/:d/g, () => {
      params.push(asOf);
      return '?';
    });
    const [row] = await ctx.em.getConnection().execute<Record<string, string>[]>(positional, params);
    const n = (k: string) => Number(row![k]);
    return {
      asOf,
      placementsActive: n('placements_active'),
      placementsSupported: n('placements_supported'),
      placementsQuota: n('placements_quota'),
      vacanciesOpen: n('vacancies_open'),
      quotaVacanciesOpen: n('quota_vacancies_open'),
      workplacesCreated: n('workplaces_created'),
      workplacesEquipped: n('workplaces_equipped'),
      workplacesAboveQuota: n('workplaces_above_quota'),
      registeredUnemployed: n('registered_unemployed'),
      inVocationalTraining: n('in_vocational_training'),
      vocationalGuidanceGiven: n('vocational_guidance_given'),
      selfEmploymentSupported: n('self_employment_supported'),
    };
  }
}
