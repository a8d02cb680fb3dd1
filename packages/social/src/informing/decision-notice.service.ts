import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError, NotFoundError, ValidationError } from '@sl/core';
import { Application } from '../application/application.entity.js';
import { type SocialContext, snapshot, todayOf } from '../common/social-context.js';
import { DecisionNotice } from './decision-notice.entity.js';
import type { RecordDecisionNoticeInput } from './decision-notice.inputs.js';

/**
 * Seed 001 §13 names informing the person among the ministry's duties but sets no term for it
 * (§14's ten days are for the decision itself), so a missing notice is a next step of the case,
 * not a dated deadline of the work queue.
 */
export class DecisionNoticeService {
  constructor(private readonly em: EntityManager) {}

  async record(ctx: SocialContext, input: RecordDecisionNoticeInput): Promise<DecisionNotice> {
    if (input.informedOn > todayOf(ctx)) {
      throw new ValidationError('Дата не может быть позже сегодняшней', 'informedOn', 'DATE_IN_FUTURE');
    }
    return this.em.transactional(async (em) => {
      const application = await em.findOne(Application, { id: input.applicationId });
      if (!application) throw new NotFoundError('Заявление', input.applicationId);
      if (!application.decision || !application.decidedOn) {
        throw new ConflictError(
          'DECISION_NOT_MADE',
          'По заявлению ещё не принято решение: сообщать не о чем',
          {
            field: 'applicationId',
          },
        );
      }
      if (input.informedOn < application.decidedOn) {
        throw new ValidationError(
          `Гражданина нельзя проинформировать о решении раньше, чем оно принято (${application.decidedOn})`,
          'informedOn',
          'NOTICE_BEFORE_DECISION',
          { decidedOn: application.decidedOn },
        );
      }
      const same = await em.count(DecisionNotice, {
        applicationId: application.id,
        method: input.method,
        informedOn: input.informedOn,
      });
      if (same > 0) {
        throw new ConflictError('NOTICE_REPEATED', 'Это информирование уже записано (тот же способ и дата)', {
          field: 'method',
        });
      }
      const notice = em.create(DecisionNotice, {
        applicationId: application.id,
        recipientId: application.recipientId,
        informedOn: input.informedOn,
        method: input.method,
        letterGenerated: input.letterGenerated ?? false,
        note: input.note?.trim() || null,
        recordedBy: ctx.actor?.name ?? 'system',
      });
      await em.flush();
      ctx.audit?.change({
        recipientId: application.recipientId,
        entity: 'DecisionNotice',
        entityId: notice.id,
        action: 'create',
        before: null,
        after: snapshot(notice),
      });
      return notice;
    });
  }
}
