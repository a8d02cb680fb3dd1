import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError, NotFoundError, ValidationError } from '@sl/core';
import { Application } from '../application/application.entity.js';
import { rulesOf, type SocialContext, snapshot, todayOf } from '../common/social-context.js';
import { Recipient } from '../recipient/recipient.entity.js';
import { InteragencyRequest } from './interagency-request.entity.js';
import type {
  RecordInteragencyAnswerInput,
  SendInteragencyRequestInput,
} from './interagency-request.inputs.js';

export class InteragencyRequestService {
  constructor(private readonly em: EntityManager) {}

  /** Records a request sent (001 §4); the answer is due by the region's rule set. */
  async send(ctx: SocialContext, input: SendInteragencyRequestInput): Promise<InteragencyRequest> {
    if (input.sentOn > todayOf(ctx)) {
      throw new ValidationError('Дата отправки не может быть позже сегодняшней', 'sentOn', 'DATE_IN_FUTURE');
    }
    return this.em.transactional(async (em) => {
      const recipient = await em.findOne(Recipient, { id: input.recipientId }, { fields: ['id'] });
      if (!recipient) throw new NotFoundError('Получатель', input.recipientId);
      if (input.applicationId) {
        const application = await em.findOne(
          Application,
          { id: input.applicationId },
          { fields: ['id', 'recipientId'] },
        );
        if (!application) throw new NotFoundError('Заявление', input.applicationId);
        if (application.recipientId !== recipient.id) {
          throw new ValidationError(
            'Заявление другого получателя',
            'applicationId',
            'APPLICATION_OF_ANOTHER_RECIPIENT',
          );
        }
      }
      const request = em.create(InteragencyRequest, {
        recipientId: recipient.id,
        applicationId: input.applicationId ?? null,
        agency: input.agency.trim(),
        subject: input.subject,
        sentOn: input.sentOn,
        dueOn: rulesOf(ctx).interagencyDueDate(input.sentOn),
      });
      await em.flush();
      ctx.audit?.change({
        recipientId: recipient.id,
        entity: 'InteragencyRequest',
        entityId: request.id,
        action: 'create',
        before: null,
        after: snapshot(request),
      });
      return request;
    });
  }

  async recordAnswer(ctx: SocialContext, input: RecordInteragencyAnswerInput): Promise<InteragencyRequest> {
    if (input.answeredOn > todayOf(ctx)) {
      throw new ValidationError(
        'Дата ответа не может быть позже сегодняшней',
        'answeredOn',
        'DATE_IN_FUTURE',
      );
    }
    return this.em.transactional(async (em) => {
      const request = await em.findOne(InteragencyRequest, { id: input.requestId });
      if (!request) throw new NotFoundError('Межведомственный запрос', input.requestId);
      if (request.answeredOn) {
        throw new ConflictError('REQUEST_ALREADY_ANSWERED', 'Ответ на этот запрос уже записан', {
          field: 'requestId',
        });
      }
      if (input.answeredOn < request.sentOn) {
        throw new ValidationError(
          'Ответ не может прийти раньше отправки запроса',
          'answeredOn',
          'ANSWER_DATE_INVALID',
        );
      }
      const before = snapshot(request);
      request.answeredOn = input.answeredOn;
      request.answer = input.answer.trim();
      await em.flush();
      ctx.audit?.change({
        recipientId: request.recipientId,
        entity: 'InteragencyRequest',
        entityId: request.id,
        action: 'update',
        before,
        after: snapshot(request),
      });
      return request;
    });
  }
}
