import type { FilterQuery } from '@mikro-orm/core';
import {
  AboutConsentingRecipient,
  Access,
  Connection,
  PageArgs,
  Personal,
  paginateLatestFirst,
  recipientStub,
  ValidationError,
} from '@sl/core';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { type EducationContext, snapshot, todayOf } from '../common.js';
import { GuidanceSession } from '../guidance/guidance-session.entity.js';
import { RecordGuidanceSessionInput } from '../guidance/guidance-session.inputs.js';
import { PmpkRecommendation } from '../pmpk/pmpk-recommendation.entity.js';
import { RecordPmpkRecommendationInput } from '../pmpk/pmpk-recommendation.inputs.js';
import { Enrolment } from './enrolment.entity.js';
import { EnrolmentFilter, EnrolRecipientInput, FinishEnrolmentInput } from './enrolment.inputs.js';
import { EnrolmentService } from './enrolment.service.js';

export const Recipient = recipientStub();
type Recipient = InstanceType<typeof Recipient>;

@Resolver(() => Recipient)
export class RecipientEducationResolver {
  @Personal(Access.EDUCATION)
  @FieldResolver(() => [Enrolment], { nullable: true, description: 'Newest first' })
  enrolments(@Root() recipient: Recipient, @Ctx() ctx: EducationContext) {
    return ctx.loaders.enrolmentsByRecipient.load(recipient.id);
  }

  @Personal(Access.EDUCATION)
  @FieldResolver(() => [PmpkRecommendation], {
    nullable: true,
    description: 'ПМПК recommendations, newest first',
  })
  pmpkRecommendations(@Root() recipient: Recipient, @Ctx() ctx: EducationContext) {
    return ctx.loaders.pmpkByRecipient.load(recipient.id);
  }

  @Personal(Access.EDUCATION)
  @FieldResolver(() => [GuidanceSession], {
    nullable: true,
    description: 'Vocational guidance, newest first',
  })
  guidanceSessions(@Root() recipient: Recipient, @Ctx() ctx: EducationContext) {
    return ctx.loaders.guidanceByRecipient.load(recipient.id);
  }
}

@ObjectType()
class EnrolmentConnection extends Connection(Enrolment, 'Enrolment') {}

@Resolver(() => Enrolment)
export class EnrolmentResolver {
  @Authorized(...Access.EDUCATION)
  @Query(() => EnrolmentConnection, {
    description: 'Enrolments of all people, latest start first (each read is audited per person)',
  })
  enrolments(
    @Ctx() ctx: EducationContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => EnrolmentFilter, { nullable: true }) filter?: EnrolmentFilter,
  ) {
    const where: FilterQuery<Enrolment> = {};
    if (filter?.level) where.level = filter.level;
    if (filter?.status) where.status = filter.status;
    if (filter?.startedFrom) where.startDate = { $gte: filter.startedFrom };
    return paginateLatestFirst(ctx.em, Enrolment, where, 'startDate', page);
  }

  /** The person, by reference: the gateway reads their name from social, under social's rules. */
  @FieldResolver(() => Recipient, { description: 'The person enrolled' })
  recipient(@Root() enrolment: Enrolment): Recipient {
    return { id: enrolment.recipientId };
  }

  @Authorized(...Access.EDUCATION_WRITE)
  @AboutConsentingRecipient()
  @Mutation(() => Enrolment, { description: 'Enrols a person in a programme (000 п. 9, 003 п. 2.14)' })
  enrolRecipient(
    @Ctx() ctx: EducationContext,
    @Arg('input', () => EnrolRecipientInput) input: EnrolRecipientInput,
  ) {
    return new EnrolmentService(ctx.em).enrol(ctx, input);
  }

  @Authorized(...Access.EDUCATION_WRITE)
  @Mutation(() => Enrolment, { description: 'Records the completion or interruption of an enrolment' })
  finishEnrolment(
    @Ctx() ctx: EducationContext,
    @Arg('input', () => FinishEnrolmentInput) input: FinishEnrolmentInput,
  ) {
    return new EnrolmentService(ctx.em).finish(ctx, input);
  }

  @Authorized(...Access.EDUCATION_WRITE)
  @AboutConsentingRecipient()
  @Mutation(() => PmpkRecommendation, { description: 'Records a ПМПК recommendation (003 п. 2.14)' })
  recordPmpkRecommendation(
    @Ctx() ctx: EducationContext,
    @Arg('input', () => RecordPmpkRecommendationInput) input: RecordPmpkRecommendationInput,
  ) {
    if (input.issuedOn > todayOf(ctx)) {
      throw new ValidationError(
        'Дата заключения ПМПК не может быть позже сегодняшней',
        'issuedOn',
        'DATE_IN_FUTURE',
      );
    }
    return ctx.em.transactional(async (em) => {
      const row = em.create(PmpkRecommendation, {
        recipientId: input.recipientId,
        issuedOn: input.issuedOn,
        commission: input.commission.trim(),
        programme: input.programme.trim(),
        conditions: input.conditions?.trim() ?? null,
      });
      await em.flush();
      ctx.audit?.change({
        recipientId: input.recipientId,
        entity: 'PmpkRecommendation',
        entityId: row.id,
        action: 'create',
        before: null,
        after: snapshot(row),
      });
      return row;
    });
  }

  @Authorized(...Access.EDUCATION_WRITE)
  @AboutConsentingRecipient()
  @Mutation(() => GuidanceSession, { description: 'Records a vocational guidance session (003 п. 2.16)' })
  recordGuidanceSession(
    @Ctx() ctx: EducationContext,
    @Arg('input', () => RecordGuidanceSessionInput) input: RecordGuidanceSessionInput,
  ) {
    if (input.heldOn > todayOf(ctx)) {
      throw new ValidationError(
        'Дата консультации не может быть позже сегодняшней',
        'heldOn',
        'DATE_IN_FUTURE',
      );
    }
    return ctx.em.transactional(async (em) => {
      const row = em.create(GuidanceSession, {
        recipientId: input.recipientId,
        heldOn: input.heldOn,
        organisation: input.organisation.trim(),
        suggestedProfessions: input.suggestedProfessions.map((p) => p.trim()),
      });
      await em.flush();
      ctx.audit?.change({
        recipientId: input.recipientId,
        entity: 'GuidanceSession',
        entityId: row.id,
        action: 'create',
        before: null,
        after: snapshot(row),
      });
      return row;
    });
  }
}
