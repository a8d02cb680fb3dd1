import { AboutConsentingRecipient, Access, ValidationError } from '@sl/core';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { type EmploymentContext, snapshot, todayOf } from '../common.js';
import { WORK_KIND_NAMES } from '../work-kind.js';
import { WorkRecommendation, WorkVerdict } from './work-recommendation.entity.js';
import { RecordIpraWorkKindsInput } from './work-recommendation.inputs.js';

@Resolver(() => WorkRecommendation)
export class WorkRecommendationResolver {
  @Authorized(...Access.EMPLOYMENT_WRITE)
  @AboutConsentingRecipient()
  @Mutation(() => [WorkRecommendation], {
    description: 'Records the kinds of work the person’s ИПРА recommends and forbids (004 п. 2.2.2)',
  })
  recordIpraWorkKinds(
    @Ctx() ctx: EmploymentContext,
    @Arg('input', () => RecordIpraWorkKindsInput) input: RecordIpraWorkKindsInput,
  ) {
    if (input.ipraIssuedOn > todayOf(ctx)) {
      throw new ValidationError(
        'Дата ИПРА не может быть позже сегодняшней',
        'ipraIssuedOn',
        'DATE_IN_FUTURE',
      );
    }
    const both = input.recommended.find((k) => input.forbidden.includes(k));
    if (both) {
      throw new ValidationError(
        `Вид труда «${WORK_KIND_NAMES[both]}» не может быть одновременно показан и противопоказан`,
        'forbidden',
        'WORK_KIND_CONFLICT',
      );
    }
    return ctx.em.transactional(async (em) => {
      const before = await em.find(WorkRecommendation, { recipientId: input.recipientId });
      const beforeSnapshot = before.map(snapshot);
      em.remove(before);
      await em.flush();
      const rows = [
        ...input.recommended.map((workKind) => ({ workKind, verdict: WorkVerdict.RECOMMENDED })),
        ...input.forbidden.map((workKind) => ({ workKind, verdict: WorkVerdict.FORBIDDEN })),
      ].map((r) =>
        em.create(WorkRecommendation, {
          recipientId: input.recipientId,
          ipraNumber: input.ipraNumber.trim(),
          ipraIssuedOn: input.ipraIssuedOn,
          ...r,
        }),
      );
      await em.flush();
      ctx.audit?.change({
        recipientId: input.recipientId,
        entity: 'WorkRecommendation',
        entityId: input.recipientId,
        action: 'update',
        before: beforeSnapshot,
        after: rows.map(snapshot),
      });
      return rows;
    });
  }
}
