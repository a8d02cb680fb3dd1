import { Access, LocalDate } from '@sl/core';
import { Arg, Authorized, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { HealthContext } from '../common.js';

@ObjectType({ description: 'The health ministry’s own figures for the Council, as of a day (region-wide)' })
export class HealthFigures {
  @Field(() => LocalDate)
  asOf!: string;

  @Field(() => Int, { description: 'Medical conclusions issued up to the day' })
  conclusionsIssued!: number;

  @Field(() => Int, { description: 'Conclusions in force on the day (issued, not expired)' })
  conclusionsValid!: number;

  @Field(() => Int, { description: 'Of those in force: with contraindications found' })
  conclusionsWithContraindications!: number;

  @Field(() => Int, { description: 'Interagency requests answered by health up to the day' })
  requestsAnswered!: number;

  @Field(() => Int, { description: 'Medical rehabilitation episodes under way on the day' })
  rehabilitationActive!: number;

  @Field(() => Int, { description: 'Mobile medical team visits up to the day (seed 003 item 1.9)' })
  mobileTeamVisits!: number;
}

@Resolver(() => HealthFigures)
export class HealthFiguresResolver {
  /** One statement: every count is a filtered aggregate over its own table. */
  @Authorized(...Access.AGGREGATE)
  @Query(() => HealthFigures, { description: 'Health’s own figures for the Council indicators' })
  async healthFigures(
    @Arg('asOf', () => LocalDate) asOf: string,
    @Ctx() ctx: HealthContext,
  ): Promise<HealthFigures> {
    const [row] = await ctx.em.getConnection().execute<Record<string, string>[]>(
      `select
        (select count(*) from health.medical_conclusion where issued_on <= ?) as issued,
        (select count(*) from health.medical_conclusion where issued_on <= ? and (valid_until is null or valid_until >= ?)) as valid,
        (select count(*) from health.medical_conclusion where issued_on <= ? and (valid_until is null or valid_until >= ?) and contraindications_present) as contra,
        (select count(*) from health.request_answer where answered_on <= ?) as answered,
        (select count(*) from health.rehabilitation_episode where start_date <= ? and (end_date is null or end_date >= ?)) as rehab,
        (select count(*) from health.mobile_team_visit where visited_on <= ?) as visits`,
      [asOf, asOf, asOf, asOf, asOf, asOf, asOf, asOf, asOf],
    );
    return {
      asOf,
      conclusionsIssued: Number(row!.issued),
      conclusionsValid: Number(row!.valid),
      conclusionsWithContraindications: Number(row!.contra),
      requestsAnswered: Number(row!.answered),
      rehabilitationActive: Number(row!.rehab),
      mobileTeamVisits: Number(row!.visits),
    };
  }
}
