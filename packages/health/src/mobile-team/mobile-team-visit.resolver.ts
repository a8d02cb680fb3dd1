import { AboutConsentingRecipient, Access, ValidationError } from '@sl/core';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { type HealthContext, snapshot, todayOf } from '../common.js';
import { MobileTeamVisit } from './mobile-team-visit.entity.js';
import { RecordMobileTeamVisitInput } from './mobile-team-visit.inputs.js';

@Resolver(() => MobileTeamVisit)
export class MobileTeamVisitResolver {
  @Authorized(...Access.HEALTH_WRITE)
  @AboutConsentingRecipient()
  @Mutation(() => MobileTeamVisit, { description: 'Records a mobile medical team visit (seed 003 item 1.9)' })
  recordMobileTeamVisit(
    @Ctx() ctx: HealthContext,
    @Arg('input', () => RecordMobileTeamVisitInput) input: RecordMobileTeamVisitInput,
  ) {
    if (input.visitedOn > todayOf(ctx)) {
      throw new ValidationError('Дата выезда не может быть позже сегодняшней', 'visitedOn', 'DATE_IN_FUTURE');
    }
    return ctx.em.transactional(async (em) => {
      const visit = em.create(MobileTeamVisit, {
        recipientId: input.recipientId,
        visitedOn: input.visitedOn,
        team: input.team.trim(),
        help: input.help.trim(),
      });
      await em.flush();
      ctx.audit?.change({
        recipientId: input.recipientId,
        entity: 'MobileTeamVisit',
        entityId: visit.id,
        action: 'create',
        before: null,
        after: snapshot(visit),
      });
      return visit;
    });
  }
}
