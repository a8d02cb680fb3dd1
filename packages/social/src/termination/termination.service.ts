import type { EntityManager } from '@mikro-orm/postgresql';
import { type AuditTrail, ConflictError, ValidationError } from '@sl/core';
import { Decision } from '../application/application.enums.js';
import { grantStatusOf } from '../application/grant-status.js';
import { HousingService } from '../housing/housing.service.js';
import type { RuleSet } from '../rules/rule-set.js';
import { ServicePlanService } from '../services/service-plan.service.js';
import { Stage } from '../stage/stage.entity.js';
import { StageEndReason } from '../stage/stage.enums.js';
import { currentStageOf, lockRecipient, notInFuture } from '../stage/stage.service.js';
import { stageSnapshot } from '../stage/stage.snapshot.js';
import { Termination } from './termination.entity.js';
import type { TerminateParticipationInput } from './termination.inputs.js';
import { terminationEffectiveDate } from './termination.rules.js';

export interface CloserContext {
  today: string;
  rules: RuleSet;
  audit?: AuditTrail | undefined;
}

/**
 * One thing a termination closes (seed 001 §17 / issue: the stage, the housing place, the service
 * plan). Closers run in order inside the termination's transaction: if one throws, nothing of the
 * termination is written. Each keeps the history — it ends records, it never deletes them.
 */
export interface TerminationCloser {
  readonly name: string;
  close(tx: EntityManager, termination: Termination, ctx: CloserContext): Promise<void>;
}

/** The current stage ends on the effective date, marked with the ground. */
export const closeCurrentStage: TerminationCloser = {
  name: 'stage',
  async close(tx, termination, ctx) {
    if (!termination.stageId) return;
    const stage = await tx.findOneOrFail(Stage, { id: termination.stageId });
    const before = stageSnapshot(stage);
    stage.endedOn = termination.effectiveOn;
    stage.endReason = StageEndReason.TERMINATED;
    stage.terminationReason = termination.reason;
    await tx.flush();
    ctx.audit?.change({
      recipientId: stage.recipientId,
      entity: 'Stage',
      entityId: stage.id,
      action: 'update',
      before,
      after: stageSnapshot(stage),
    });
  },
};

/**
 * What a termination closes, in order. The housing place and the service plan (built in their own
 * folders) add their closers here.
 */
/** The housing place ends on the effective date (the history stays). */
export const vacateHousing: TerminationCloser = {
  name: 'housing',
  async close(tx, termination, ctx) {
    await HousingService.vacateAll(tx, termination.recipientId, termination.effectiveOn, ctx.audit);
  },
};

/** The service plan and the team end on the effective date. */
export const closeServicePlan: TerminationCloser = {
  name: 'service plan',
  async close(tx, termination, ctx) {
    await ServicePlanService.closeAll(tx, termination.recipientId, termination.effectiveOn, ctx.audit);
  },
};

// seed 001 §17: termination closes the stage, the housing place and the service plan.
export const terminationClosers: readonly TerminationCloser[] = [
  closeCurrentStage,
  vacateHousing,
  closeServicePlan,
];

export class TerminationService {
  constructor(
    private readonly tx: EntityManager,
    private readonly rules: RuleSet,
    private readonly today: string,
    private readonly audit?: AuditTrail,
    private readonly closers: readonly TerminationCloser[] = terminationClosers,
  ) {}

  async terminate(input: TerminateParticipationInput): Promise<Termination> {
    await lockRecipient(this.tx, input.recipientId);
    notInFuture(input.groundOn, this.today, 'groundOn');
    const effectiveOn = terminationEffectiveDate(this.rules, input);
    const stage = await currentStageOf(this.tx, input.recipientId);
    // A person granted supported living who has not begun a stage yet is a participant too: their
    // grant ends (001 §17) with nothing else to close but what they already have.
    const grant = stage ? null : await grantStatusOf(this.tx, input.recipientId);
    if (!stage && (grant?.decision !== Decision.GRANTED || grant.terminated)) {
      throw new ConflictError(
        'NO_CURRENT_STAGE',
        'У получателя нет ни текущего этапа, ни действующего решения о предоставлении сопровождаемого проживания: прекращать нечего',
        { field: 'recipientId' },
      );
    }
    const startedOn = stage ? stage.startedOn : grant!.decidedOn;
    if (effectiveOn < startedOn) {
      throw new ValidationError(
        stage
          ? `Прекращение не может вступить в силу раньше начала текущего этапа (${startedOn})`
          : `Прекращение не может вступить в силу раньше решения о предоставлении (${startedOn})`,
        'groundOn',
        'TERMINATION_BEFORE_STAGE_START',
        { stageStartedOn: startedOn },
      );
    }
    const termination = this.tx.create(Termination, {
      recipientId: input.recipientId,
      stageId: stage?.id ?? null,
      reason: input.reason,
      groundOn: input.groundOn,
      requestedOn: input.requestedOn ?? null,
      effectiveOn,
      note: input.note?.trim() ?? '',
    });
    await this.tx.flush();
    this.audit?.change({
      recipientId: termination.recipientId,
      entity: 'Termination',
      entityId: termination.id,
      action: 'create',
      before: null,
      after: {
        id: termination.id,
        recipientId: termination.recipientId,
        stageId: termination.stageId,
        reason: termination.reason,
        groundOn: termination.groundOn,
        requestedOn: termination.requestedOn,
        effectiveOn: termination.effectiveOn,
        note: termination.note,
      },
    });
    const ctx: CloserContext = { today: this.today, rules: this.rules, audit: this.audit };
    for (const closer of this.closers) await closer.close(this.tx, termination, ctx);
    return termination;
  }
}
