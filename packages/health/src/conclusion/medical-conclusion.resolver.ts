import { Access, Personal, recipientStub } from '@sl/core';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { HealthContext } from '../common.js';
import { MobileTeamVisit } from '../mobile-team/mobile-team-visit.entity.js';
import { RehabilitationEpisode } from '../rehabilitation/rehabilitation-episode.entity.js';
import { MedicalConclusion } from './medical-conclusion.entity.js';
import { RecordMedicalConclusionInput } from './medical-conclusion.inputs.js';
import { MedicalConclusionService } from './medical-conclusion.service.js';

export const Recipient = recipientStub();
type Recipient = InstanceType<typeof Recipient>;

@Resolver(() => Recipient)
export class RecipientHealthResolver {
  @Personal(Access.HEALTH)
  @FieldResolver(() => [MedicalConclusion], { description: 'Medical conclusions, newest first' })
  medicalConclusions(@Root() recipient: Recipient, @Ctx() ctx: HealthContext) {
    return ctx.loaders.conclusionsByRecipient.load(recipient.id);
  }

  @Personal(Access.HEALTH)
  @FieldResolver(() => [RehabilitationEpisode], { description: 'Medical rehabilitation, newest first' })
  rehabilitationEpisodes(@Root() recipient: Recipient, @Ctx() ctx: HealthContext) {
    return ctx.loaders.episodesByRecipient.load(recipient.id);
  }

  @Personal(Access.HEALTH)
  @FieldResolver(() => [MobileTeamVisit], { description: 'Mobile medical team visits, newest first' })
  mobileTeamVisits(@Root() recipient: Recipient, @Ctx() ctx: HealthContext) {
    return ctx.loaders.visitsByRecipient.load(recipient.id);
  }
}

@Resolver(() => MedicalConclusion)
export class MedicalConclusionResolver {
  @Authorized(...Access.HEALTH_WRITE)
  @Mutation(() => MedicalConclusion, { description: 'Records a medical conclusion (order 202н)' })
  recordMedicalConclusion(
    @Ctx() ctx: HealthContext,
    @Arg('input', () => RecordMedicalConclusionInput) input: RecordMedicalConclusionInput,
  ) {
    return new MedicalConclusionService(ctx.em).record(ctx, input.recipientId, input);
  }
}
