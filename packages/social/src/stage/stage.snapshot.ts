import type { ReadinessReview } from './readiness-review.entity.js';
import type { Stage } from './stage.entity.js';

/** Plain JSON of a stage for the audit trail's before/after. */
export function stageSnapshot(stage: Stage) {
  return {
    id: stage.id,
    recipientId: stage.recipientId,
    kind: stage.kind,
    startedOn: stage.startedOn,
    endedOn: stage.endedOn,
    endReason: stage.endReason,
    terminationReason: stage.terminationReason,
    providerId: stage.providerId,
    serviceType: stage.serviceType,
    plannedHours: stage.plannedHours,
    plannedHoursPer: stage.plannedHoursPer,
  };
}

export function reviewSnapshot(review: ReadinessReview) {
  return {
    id: review.id,
    stageId: review.stageId,
    recipientId: review.recipientId,
    ordinal: review.ordinal,
    period: review.period,
    reviewedOn: review.reviewedOn,
    outcome: review.outcome,
    note: review.note,
  };
}
