import type { EntityManager } from '@mikro-orm/postgresql';
import { RecipientNotFoundError, ValidationError } from '@sl/core';
import { rulesOf, type SocialContext, snapshot, todayOf } from '../common/social-context.js';
import { Recipient } from '../recipient/recipient.entity.js';
import { AutonomyDegree } from '../recipient/recipient.enums.js';
import { Assessment, HoursPer } from './assessment.entity.js';
import type { RecordAssessmentInput } from './assessment.inputs.js';

export class AssessmentService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Records an assessment: the region's rule set gives the degree, the service type with its hours
   * and the re-assessment date (001 §9, §9.1, §15). The person's current degree follows the newest one.
   */
  async record(ctx: SocialContext, input: RecordAssessmentInput): Promise<Assessment> {
    const rules = rulesOf(ctx);
    const { degree, serviceType } = rules.assess(input.score);
    if (input.assessedOn > todayOf(ctx)) {
      throw new ValidationError('Дата оценки не может быть в будущем', 'assessedOn', 'DATE_IN_FUTURE');
    }
    return this.em.transactional(async (em) => {
      const recipient = await em.findOne(Recipient, { id: input.recipientId });
      if (!recipient) throw new RecipientNotFoundError(input.recipientId);
      const assessment = em.create(Assessment, {
        recipientId: recipient.id,
        assessedOn: input.assessedOn,
        assessor: input.assessor.trim(),
        score: input.score,
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

  /** The newest assessment of each person (by date, then by entry), one query for all of them. */
  async latestFor(recipientIds: readonly string[], em: EntityManager = this.em): Promise<Assessment[]> {
    if (recipientIds.length === 0) return [];
    const rows = await em.find(
      Assessment,
      { recipientId: { $in: [...recipientIds] } },
      { orderBy: { recipientId: 'asc', assessedOn: 'desc', createdAt: 'desc' } },
    );
    const latest = new Map<string, Assessment>();
    for (const row of rows) if (!latest.has(row.recipientId)) latest.set(row.recipientId, row);
    return [...latest.values()];
  }
}
