import { AboutConsentingRecipient, Access, checkStartedPeriod } from '@sl/core';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { type HealthContext, snapshot, todayOf } from '../common.js';
import { RehabilitationEpisode } from './rehabilitation-episode.entity.js';
import { RecordRehabilitationEpisodeInput } from './rehabilitation-episode.inputs.js';

@Resolver(() => RehabilitationEpisode)
export class RehabilitationEpisodeResolver {
  @Authorized(...Access.HEALTH_WRITE)
  @AboutConsentingRecipient()
  @Mutation(() => RehabilitationEpisode, { description: 'Records an episode of medical rehabilitation' })
  recordRehabilitationEpisode(
    @Ctx() ctx: HealthContext,
    @Arg('input', () => RecordRehabilitationEpisodeInput) input: RecordRehabilitationEpisodeInput,
  ) {
    checkStartedPeriod(input.startDate, input.endDate, todayOf(ctx));
    return ctx.em.transactional(async (em) => {
      const episode = em.create(RehabilitationEpisode, {
        recipientId: input.recipientId,
        setting: input.setting,
        organisation: input.organisation.trim(),
        condition: input.condition?.trim().toUpperCase() ?? null,
        startDate: input.startDate,
        endDate: input.endDate ?? null,
      });
      await em.flush();
      ctx.audit?.change({
        recipientId: input.recipientId,
        entity: 'RehabilitationEpisode',
        entityId: episode.id,
        action: 'create',
        before: null,
        after: snapshot(episode),
      });
      return episode;
    });
  }
}
