import { Access, LocalDate } from '@sl/core';
import { Arg, Authorized, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { EducationContext } from '../common.js';

@ObjectType({
  description: 'The education ministry’s own figures for the Council, as of a day (region-wide)',
})
export class EducationFigures {
  @Field(() => LocalDate)
  asOf!: string;

  @Field(() => Int, { description: 'Enrolments under way on the day, all levels' })
  enrolmentsActive!: number;

  @Field(() => Int, { description: 'Of those: general education (003 п. 2.14)' })
  enrolmentsGeneral!: number;

  @Field(() => Int, { description: 'Of those: vocational education' })
  enrolmentsVocational!: number;

  @Field(() => Int, { description: 'Of those: further professional education' })
  enrolmentsFurtherProfessional!: number;

  @Field(() => Int, { description: 'Programmes completed up to the day' })
  enrolmentsCompleted!: number;

  @Field(() => Int, { description: 'ПМПК recommendations issued up to the day' })
  pmpkRecommendations!: number;

  @Field(() => Int, { description: 'Vocational guidance sessions up to the day (003 п. 2.16)' })
  guidanceSessions!: number;
}

@Resolver(() => EducationFigures)
export class EducationFiguresResolver {
  @Authorized(...Access.AGGREGATE)
  @Query(() => EducationFigures, { description: 'Education’s own figures for the Council indicators' })
  async educationFigures(
    @Arg('asOf', () => LocalDate) asOf: string,
    @Ctx() ctx: EducationContext,
  ): Promise<EducationFigures> {
    const active = `start_date <= ? and (end_date is null or end_date >= ?)`;
    const [row] = await ctx.em.getConnection().execute<Record<string, string>[]>(
      `select
        count(*) filter (where ${active}) as active,
        count(*) filter (where ${active} and level = 'GENERAL') as general,
        count(*) filter (where ${active} and level = 'VOCATIONAL') as vocational,
        count(*) filter (where ${active} and level = 'FURTHER_PROFESSIONAL') as further,
        count(*) filter (where status = 'COMPLETED' and end_date <= ?) as completed,
        (select count(*) from education.pmpk_recommendation where issued_on <= ?) as pmpk,
        (select count(*) from education.guidance_session where held_on <= ?) as guidance
      from education.enrolment`,
      [asOf, asOf, asOf, asOf, asOf, asOf, asOf, asOf, asOf, asOf, asOf],
    );
    const n = (k: string) => Number(row![k]);
    return {
      asOf,
      enrolmentsActive: n('active'),
      enrolmentsGeneral: n('general'),
      enrolmentsVocational: n('vocational'),
      enrolmentsFurtherProfessional: n('further'),
      enrolmentsCompleted: n('completed'),
      pmpkRecommendations: n('pmpk'),
      guidanceSessions: n('guidance'),
    };
  }
}
