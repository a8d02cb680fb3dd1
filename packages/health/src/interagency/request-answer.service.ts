import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError } from '@sl/core';
import { type HealthContext, snapshot, todayOf } from '../common.js';
import { MedicalConclusionService } from '../conclusion/medical-conclusion.service.js';
import { RequestAnswer } from './request-answer.entity.js';
import type { AnswerInteragencyRequestInput } from './request-answer.inputs.js';

export class RequestAnswerService {
  constructor(private readonly em: EntityManager) {}

  /** Issues the conclusion and records it as the answer, in one transaction (001 §4). */
  answer(ctx: HealthContext, input: AnswerInteragencyRequestInput): Promise<RequestAnswer> {
    return this.em.transactional(async (em) => {
      if (await em.count(RequestAnswer, { requestId: input.requestId })) {
        throw new ConflictError('REQUEST_ALREADY_ANSWERED', 'Ответ на этот запрос уже дан', {
          field: 'requestId',
        });
      }
      const conclusion = MedicalConclusionService.create(em, ctx, input.recipientId, input.conclusion);
      const answer = em.create(RequestAnswer, {
        requestId: input.requestId,
        recipientId: input.recipientId,
        conclusionId: conclusion.id,
        answeredOn: todayOf(ctx),
      });
      await em.flush();
      ctx.audit?.change({
        recipientId: input.recipientId,
        entity: 'RequestAnswer',
        entityId: answer.id,
        action: 'create',
        before: null,
        after: snapshot(answer),
      });
      return answer;
    });
  }
}
