import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type AuditTrail,
  ConflictError,
  NotFoundError,
  RecipientNotFoundError,
  ValidationError,
} from '@sl/core';
import { assertGrantInForce } from '../application/grant-status.js';
import { Assessment } from '../assessment/assessment.entity.js';
import { Provider } from '../provider/provider.entity.js';
import { Recipient } from '../recipient/recipient.entity.js';
import type { RuleSet } from '../rules/rule-set.js';
import { ReadinessReview } from './readiness-review.entity.js';
import { Stage } from './stage.entity.js';
import { StageEndReason, StageKind } from './stage.enums.js';
import type { RecordReadinessReviewInput, StartStageInput } from './stage.inputs.js';
import {
  assertServiceAsRecommended,
  assertStageOrder,
  mainStageService,
  type Recommendation,
  readinessReviewSlot,
} from './stage.rules.js';
import { reviewSnapshot, stageSnapshot } from './stage.snapshot.js';

/** Locks the person's row so that two coordinators' changes to one case run one after the other. */
export async function lockRecipient(tx: EntityManager, recipientId: string): Promise<Recipient> {
  const recipient = await tx.findOne(
    Recipient,
    { id: recipientId },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  if (!recipient) throw new RecipientNotFoundError(recipientId);
  return recipient;
}

export function currentStageOf(tx: EntityManager, recipientId: string): Promise<Stage | null> {
  return tx.findOne(Stage, { recipientId, endedOn: null });
}

export function notInFuture(date: string, today: string, field: string): void {
  if (date > today) {
    throw new ValidationError(`Дата ${date} ещё не наступила (сегодня ${today})`, field, 'DATE_IN_FUTURE', {
      today,
    });
  }
}

/**
 * The stage rules of seed 002 §15: stages follow only in the order preparatory → training → main,
 * one current stage at a time; readiness reviews in training no earlier than six months after it
 * began, at most one per half-year and at most four; the main stage only after a READY review,
 * with a service type (or mode) and hours the region's rule set offers. Every method expects to
 * run inside one transaction (`em.transactional`).
 */
export class StageService {
  constructor(
    private readonly tx: EntityManager,
    private readonly rules: RuleSet,
    private readonly today: string,
    private readonly audit?: AuditTrail,
  ) {}

  async start(input: StartStageInput): Promise<Stage> {
    await lockRecipient(this.tx, input.recipientId);
    const startedOn = input.startedOn ?? this.today;
    notInFuture(startedOn, this.today, 'startedOn');
    const current = await currentStageOf(this.tx, input.recipientId);
    assertStageOrder(current?.kind ?? null, input.kind);
    if (input.kind === StageKind.PREPARATORY) {
      const grant = await assertGrantInForce(this.tx, input.recipientId, 'Подготовительный этап', 'kind');
      if (startedOn < grant.decidedOn) {
        throw new ValidationError(
          `Подготовительный этап не может начаться раньше решения о предоставлении (${grant.decidedOn})`,
          'startedOn',
          'STAGE_BEFORE_GRANT',
          { decidedOn: grant.decidedOn },
        );
      }
    }
    const previousEnd = current
      ? current.startedOn
      : ((await this.tx.findOne(Stage, { recipientId: input.recipientId }, { orderBy: { endedOn: 'desc' } }))
          ?.endedOn ?? null);
    if (previousEnd && startedOn < previousEnd) {
      throw new ValidationError(
        `Этап не может начаться раньше ${previousEnd}: это дата предыдущего этапа`,
        'startedOn',
        'STAGE_DATE_BEFORE_PREVIOUS',
        { previous: previousEnd },
      );
    }
    if (input.providerId && !(await this.tx.count(Provider, { id: input.providerId }))) {
      throw new NotFoundError('Поставщик социальных услуг', input.providerId);
    }
    const service = await this.mainStageService(input, current, startedOn);

    if (current) {
      const before = stageSnapshot(current);
      current.endedOn = startedOn;
      current.endReason = StageEndReason.NEXT_STAGE;
      // The open stage must be closed in the database before the next one is inserted: the
      // partial unique index allows one open stage per person.
      await this.tx.flush();
      this.audit?.change({
        recipientId: current.recipientId,
        entity: 'Stage',
        entityId: current.id,
        action: 'update',
        before,
        after: stageSnapshot(current),
      });
    }
    const stage = this.tx.create(Stage, {
      recipientId: input.recipientId,
      kind: input.kind,
      startedOn,
      providerId: input.providerId ?? current?.providerId ?? null,
      ...service,
    });
    await this.tx.flush();
    this.audit?.change({
      recipientId: stage.recipientId,
      entity: 'Stage',
      entityId: stage.id,
      action: 'create',
      before: null,
      after: stageSnapshot(stage),
    });
    return stage;
  }

  private async mainStageService(input: StartStageInput, current: Stage | null, startedOn: string) {
    if (input.kind !== StageKind.MAIN) {
      if (input.serviceType !== undefined || input.plannedHours !== undefined) {
        throw new ValidationError(
          'Тип (режим) обслуживания и плановые часы указываются только для основного этапа',
          input.serviceType !== undefined ? 'serviceType' : 'plannedHours',
          'SERVICE_ONLY_IN_MAIN_STAGE',
        );
      }
      return { serviceType: null, plannedHours: null, plannedHoursPer: null };
    }
    // The order check guarantees the current stage is the training stage.
    const reviews = await this.reviewsOf(current!);
    const service = mainStageService(this.rules, reviews, startedOn, input.serviceType, input.plannedHours);
    assertServiceAsRecommended(
      await this.latestRecommendation(input.recipientId),
      service.serviceType,
      service.plannedHours,
    );
    return service;
  }

  private async latestRecommendation(recipientId: string): Promise<Recommendation | null> {
    const latest = await this.tx.findOne(
      Assessment,
      { recipientId, annulledAt: null },
      { orderBy: { assessedOn: 'desc', createdAt: 'desc' } },
    );
    if (!latest) return null;
    const { code, name, hours } = latest.recommendedService();
    return { assessedOn: latest.assessedOn, degree: latest.degree, code, name, hours };
  }

  async recordReview(input: RecordReadinessReviewInput): Promise<ReadinessReview> {
    await lockRecipient(this.tx, input.recipientId);
    const reviewedOn = input.reviewedOn ?? this.today;
    notInFuture(reviewedOn, this.today, 'reviewedOn');
    const stage = await currentStageOf(this.tx, input.recipientId);
    if (stage?.kind !== StageKind.TRAINING) {
      throw new ConflictError(
        'NOT_IN_TRAINING_STAGE',
        'Оценка готовности проводится только на учебном (тренировочном) этапе',
        { current: stage?.kind ?? null },
      );
    }
    const reviews = await this.reviewsOf(stage);
    const { ordinal, period } = readinessReviewSlot(this.rules, stage.startedOn, reviews, reviewedOn);
    const review = this.tx.create(ReadinessReview, {
      stageId: stage.id,
      recipientId: stage.recipientId,
      ordinal,
      period,
      reviewedOn,
      outcome: input.outcome,
      note: input.note?.trim() ?? '',
    });
    await this.tx.flush();
    this.audit?.change({
      recipientId: review.recipientId,
      entity: 'ReadinessReview',
      entityId: review.id,
      action: 'create',
      before: null,
      after: reviewSnapshot(review),
    });
    return review;
  }

  private reviewsOf(stage: Stage): Promise<ReadinessReview[]> {
    return this.tx.find(ReadinessReview, { stageId: stage.id }, { orderBy: { ordinal: 'asc' } });
  }
}
