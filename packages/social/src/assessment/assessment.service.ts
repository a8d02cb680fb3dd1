import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ConflictError, NotFoundError, RecipientNotFoundError, ValidationError } from '@sl/core';
import { Application } from '../application/application.entity.js';
import { rulesOf, type SocialContext, snapshot, todayOf } from '../common/social-context.js';
import { ConsentEvent } from '../consent/consent.entity.js';
import { ConsentAction, ConsentKind } from '../consent/consent.enums.js';
import { latestByScope } from '../consent/consent.rules.js';
import { Recipient } from '../recipient/recipient.entity.js';
import { AutonomyDegree } from '../recipient/recipient.enums.js';
import { Assessment, HoursPer } from './assessment.entity.js';
import type { AnnulAssessmentInput, RecordAssessmentInput } from './assessment.inputs.js';

/**
 * Seed 002 appendix: the application form carries the person's consent to the individual
 * questionnaire; no assessment may be recorded without it. The person's consent record decides
 * when it has a fact on the day (a withdrawal stops assessments); otherwise the consent on their
 * latest application filed by that day counts, re-assessments included.
 */
async function assertConsentToAssessment(em: EntityManager, recipientId: string, assessedOn: string) {
  const facts = await em.find(ConsentEvent, { recipientId, kind: ConsentKind.ASSESSMENT });
  const latest = latestByScope(facts, assessedOn).values().next().value;
  if (latest?.action === ConsentAction.WITHDRAWN) {
    throw new ValidationError(
      `Гражданин отозвал согласие на анкетирование (${latest.effectiveOn}): оценка не проводится`,
      'assessedOn',
      'ASSESSMENT_CONSENT_WITHDRAWN',
      { withdrawnOn: latest.effectiveOn },
    );
  }
  if (latest) return;
  const application = await em.findOne(
    Application,
    { recipientId, submittedOn: { $lte: assessedOn } },
    { orderBy: { submittedOn: 'desc', createdAt: 'desc' }, fields: ['id', 'consentToAssessmentOn'] },
  );
  const consent = application?.consentToAssessmentOn ?? null;
  if (!consent || consent > assessedOn) {
    throw new ValidationError(
      application
        ? 'Нет согласия гражданина на анкетирование (оценку) на дату оценки: запишите его в заявлении'
        : 'Оценка проводится по заявлению гражданина с его согласием на анкетирование: сначала зарегистрируйте заявление',
      'assessedOn',
      'ASSESSMENT_CONSENT_MISSING',
      { applicationId: application?.id ?? null },
    );
  }
}

export class AssessmentService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Records an assessment: the total is the sum of the questionnaire's answers (kept with it, so a
   * disputed score can be reviewed); the region's rule set gives the degree, the service type with its hours
   * and the re-assessment date (001 §9, §9.1, §15). The person's current degree follows the newest one.
   */
  async record(ctx: SocialContext, input: RecordAssessmentInput): Promise<Assessment> {
    const rules = rulesOf(ctx);
    const { score, answers } = rules.scoreQuestionnaire(input.answers);
    if (input.score !== null && input.score !== undefined && input.score !== score) {
      throw new ValidationError(
        `Итог по ответам анкеты — ${score} балл., а указано ${input.score}: проверьте ответы или итог`,
        'score',
        'SCORE_MISMATCH',
        { computed: score, given: input.score },
      );
    }
    const { degree, serviceType } = rules.assess(score);
    if (input.assessedOn > todayOf(ctx)) {
      throw new ValidationError('Дата оценки не может быть в будущем', 'assessedOn', 'DATE_IN_FUTURE');
    }
    return this.em.transactional(async (em) => {
      const recipient = await em.findOne(Recipient, { id: input.recipientId });
      if (!recipient) throw new RecipientNotFoundError(input.recipientId);
      await assertConsentToAssessment(em, recipient.id, input.assessedOn);
      const assessment = em.create(Assessment, {
        recipientId: recipient.id,
        assessedOn: input.assessedOn,
        assessor: input.assessor.trim(),
        score,
        answers,
        degree: degree as AutonomyDegree,
        region: rules.data.region,
        serviceTypeCode: serviceType.code,
        serviceTypeName: serviceType.name,
        hoursMin: serviceType.hours.min,
        hoursMax: serviceType.hours.max,
        hoursPer: serviceType.hours.per as HoursPer,
        reassessmentDueOn: rules.reassessmentDueDate(input.assessedOn),
      });
      const [latest] = await this.latestFor([recipient.id], em);
      if (!latest || latest.assessedOn <= input.assessedOn)
        recipient.autonomyDegree = degree as AutonomyDegree;
      await em.flush();
      ctx.audit?.change({
        recipientId: recipient.id,
        entity: 'Assessment',
        entityId: assessment.id,
        action: 'create',
        before: null,
        after: snapshot(assessment),
      });
      return assessment;
    });
  }

  /**
   * Annuls a wrong assessment (issue 23, corrections): only the coordinator running the person's
   * case may, with a reason; the record stays as it was, marked with who, when and why, and the
   * person's degree is derived again from the newest assessment still in force. A correct one is
   * then recorded anew (`record`); the timeline shows both.
   */
  async annul(ctx: SocialContext, input: AnnulAssessmentInput): Promise<Assessment> {
    return this.em.transactional(async (em) => {
      const assessment = await em.findOne(Assessment, { id: input.assessmentId });
      if (!assessment) throw new NotFoundError('Оценка', input.assessmentId);
      const recipient = await em.findOneOrFail(Recipient, { id: assessment.recipientId });
      if (recipient.caseCoordinatorId !== ctx.actor!.id)
        throw new AppError(
          'NOT_CASE_COORDINATOR',
          'Аннулировать оценку может только координатор, который ведёт дело этого человека',
          { field: 'assessmentId' },
        ).about(recipient.id);
      if (assessment.annulledAt)
        throw new ConflictError('ALREADY_ANNULLED', 'Эта оценка уже аннулирована', { field: 'assessmentId' });
      const before = snapshot(assessment);
      assessment.annulledAt = ctx.clock.now();
      assessment.annulledBy = ctx.actor!.name;
      assessment.annulmentReason = input.reason.trim();
      await em.flush();
      const [latest] = await this.latestFor([recipient.id], em);
      recipient.autonomyDegree = latest?.degree ?? null;
      await em.flush();
      ctx.audit?.change({
        recipientId: recipient.id,
        entity: 'Assessment',
        entityId: assessment.id,
        action: 'update',
        before,
        after: snapshot(assessment),
      });
      return assessment;
    });
  }

  /** The newest assessment in force of each person (by date, then by entry), one query for all of them. */
  async latestFor(recipientIds: readonly string[], em: EntityManager = this.em): Promise<Assessment[]> {
    if (recipientIds.length === 0) return [];
    const rows = await em.find(
      Assessment,
      { recipientId: { $in: [...recipientIds] }, annulledAt: null },
      { orderBy: { recipientId: 'asc', assessedOn: 'desc', createdAt: 'desc' } },
    );
    const latest = new Map<string, Assessment>();
    for (const row of rows) if (!latest.has(row.recipientId)) latest.set(row.recipientId, row);
    return [...latest.values()];
  }
}
