import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError, NotFoundError, ValidationError } from '@sl/core';
import { Application } from '../application/application.entity.js';
import { Decision } from '../application/application.enums.js';
import { grantStatusOf } from '../application/grant-status.js';
import { type SocialContext, snapshot, todayOf } from '../common/social-context.js';
import { HousingService } from '../housing/housing.service.js';
import { Recipient } from '../recipient/recipient.entity.js';
import { ServicePlanService } from '../services/service-plan.service.js';
import { Stage } from '../stage/stage.entity.js';
import { StageEndReason } from '../stage/stage.enums.js';
import { currentStageOf, lockRecipient } from '../stage/stage.service.js';
import { stageSnapshot } from '../stage/stage.snapshot.js';
import { Termination } from '../termination/termination.entity.js';
import { assertRunsCase } from './case-coordinator.js';
import type { AnnulDecisionInput, AnnulTerminationInput } from './corrections.inputs.js';

/** A reason of blanks is no reason (the input's length check counts them). */
function reasonOf(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed.length < 5)
    throw new ValidationError('Причина аннулирования: от 5 до 1000 символов', 'reason', 'VALIDATION_FAILED');
  return trimmed;
}

/**
 * Corrections of a decision and of a termination (issue 23), by the mechanism of an assessment's
 * annulment: the record is never edited or deleted — it stays, marked with who annulled it, when
 * and why — and what followed from it is derived again from the records still in force.
 */
export class CorrectionsService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Annuls a decision. A grant in force takes with it what only a grant allows (001 §13 е, §14):
   * the current stage ends (GRANT_ANNULLED), the housing place is freed and the service plan and
   * team end, on the day of the annulment — unless an earlier grant is still in force. A refusal's
   * annulment leaves nothing to undo. Either way the correct decision is taken on a new application.
   */
  async annulDecision(ctx: SocialContext, input: AnnulDecisionInput): Promise<Application> {
    const reason = reasonOf(input.reason);
    return this.em.transactional(async (tx) => {
      const found = await tx.findOne(Application, { id: input.applicationId });
      if (!found) throw new NotFoundError('Заявление', input.applicationId);
      const recipient = await lockRecipient(tx, found.recipientId);
      assertRunsCase(ctx, recipient, 'Аннулировать решение', 'applicationId');
      const application = await tx.findOneOrFail(Application, { id: found.id }, { refresh: true });
      if (!application.decision)
        throw new ConflictError('APPLICATION_NOT_DECIDED', 'По заявлению ещё не принято решение', {
          field: 'applicationId',
        });
      if (application.decisionAnnulledAt)
        throw new ConflictError('ALREADY_ANNULLED', 'Это решение уже аннулировано', {
          field: 'applicationId',
        });
      const grantBefore = await grantStatusOf(tx, recipient.id);
      const before = snapshot(application);
      application.decisionAnnulledAt = ctx.clock.now();
      application.decisionAnnulledBy = ctx.actor!.name;
      application.decisionAnnulmentReason = reason;
      await tx.flush();
      ctx.audit?.change({
        recipientId: recipient.id,
        entity: 'Application',
        entityId: application.id,
        action: 'update',
        before,
        after: snapshot(application),
      });
      const wasInForce =
        grantBefore?.applicationId === application.id &&
        grantBefore.decision === Decision.GRANTED &&
        !grantBefore.terminated;
      const after = await grantStatusOf(tx, recipient.id);
      if (wasInForce && !(after?.decision === Decision.GRANTED && !after.terminated))
        await this.endWhatTheGrantAllowed(ctx, tx, recipient);
      return application;
    });
  }

  /**
   * Annuls a termination: the case runs on as if it had not ended — the grant is in force again and
   * the stage the termination closed is current again. The housing place and the service plan it
   * ended are not taken back by themselves (the place may be another's by now): the coordinator
   * places the person again (capacity checked) and the provider plans anew. A termination after
   * which the case went on (a new decision or stage) is no longer the one to annul.
   */
  async annulTermination(ctx: SocialContext, input: AnnulTerminationInput): Promise<Termination> {
    const reason = reasonOf(input.reason);
    return this.em.transactional(async (tx) => {
      const found = await tx.findOne(Termination, { id: input.terminationId });
      if (!found) throw new NotFoundError('Прекращение', input.terminationId);
      const recipient = await lockRecipient(tx, found.recipientId);
      assertRunsCase(ctx, recipient, 'Аннулировать прекращение', 'terminationId');
      const termination = await tx.findOneOrFail(Termination, { id: found.id }, { refresh: true });
      if (termination.annulledAt)
        throw new ConflictError('ALREADY_ANNULLED', 'Это прекращение уже аннулировано', {
          field: 'terminationId',
        });
      const laterDecisions = await tx.count(Application, {
        recipientId: recipient.id,
        decidedOn: { $gt: termination.effectiveOn },
        decisionAnnulledAt: null,
      });
      const laterStages = await tx.count(Stage, {
        recipientId: recipient.id,
        $or: [{ endedOn: null }, { startedOn: { $gte: termination.effectiveOn } }],
        ...(termination.stageId ? { id: { $ne: termination.stageId } } : {}),
      });
      if (laterDecisions > 0 || laterStages > 0)
        throw new ConflictError(
          'TERMINATION_SUPERSEDED',
          'После этого прекращения по делу уже принято новое решение или начат этап: аннулировать его нельзя',
          { field: 'terminationId' },
        );
      const before = snapshot(termination);
      termination.annulledAt = ctx.clock.now();
      termination.annulledBy = ctx.actor!.name;
      termination.annulmentReason = reason;
      await tx.flush();
      ctx.audit?.change({
        recipientId: recipient.id,
        entity: 'Termination',
        entityId: termination.id,
        action: 'update',
        before,
        after: snapshot(termination),
      });
      if (termination.stageId) {
        const stage = await tx.findOneOrFail(Stage, { id: termination.stageId });
        const stageBefore = stageSnapshot(stage);
        stage.endedOn = null;
        stage.endReason = null;
        stage.terminationReason = null;
        await tx.flush();
        ctx.audit?.change({
          recipientId: recipient.id,
          entity: 'Stage',
          entityId: stage.id,
          action: 'update',
          before: stageBefore,
          after: stageSnapshot(stage),
        });
      }
      return termination;
    });
  }

  /** What only a grant allows ends on the day of its annulment; every record keeps its history. */
  private async endWhatTheGrantAllowed(ctx: SocialContext, tx: EntityManager, recipient: Recipient) {
    const today = todayOf(ctx);
    const stage = await currentStageOf(tx, recipient.id);
    if (stage) {
      const before = stageSnapshot(stage);
      // A stage set to begin later ends the day it would have begun (ISO dates compare as strings).
      // biome-ignore lint/complexity/useMathMinMax: the operands are ISO date strings, not numbers
      stage.endedOn = today < stage.startedOn ? stage.startedOn : today;
      stage.endReason = StageEndReason.GRANT_ANNULLED;
      await tx.flush();
      ctx.audit?.change({
        recipientId: recipient.id,
        entity: 'Stage',
        entityId: stage.id,
        action: 'update',
        before,
        after: stageSnapshot(stage),
      });
    }
    await HousingService.vacateAll(tx, recipient.id, today, ctx.audit);
    await ServicePlanService.closeAll(tx, recipient.id, today, ctx.audit);
  }
}
