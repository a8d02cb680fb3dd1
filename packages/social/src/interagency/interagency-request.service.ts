import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AppError,
  ConflictError,
  NotFoundError,
  RecipientNotFoundError,
  Role,
  ValidationError,
} from '@sl/core';
import { Application } from '../application/application.entity.js';
import { rulesOf, type SocialContext, snapshot, todayOf } from '../common/social-context.js';
import { Recipient } from '../recipient/recipient.entity.js';
import { ANSWERED_BY, InteragencyRequest, type InteragencySubject } from './interagency-request.entity.js';
import type {
  MarkInteragencyAnsweredInput,
  RecordInteragencyAnswerInput,
  SendInteragencyRequestInput,
} from './interagency-request.inputs.js';

/** What the answer says in the case when a ministry of the graph answered it. */
const ANSWERED_IN_GRAPH: Partial<Record<Role, string>> = {
  [Role.HEALTH_OFFICER]: 'Медицинское заключение выдано министерством здравоохранения',
  [Role.EDUCATION_OFFICER]: 'Сведения представлены министерством образования',
  [Role.EMPLOYMENT_OFFICER]: 'Сведения представлены службой занятости',
};

/** A ministry officer works only the queue of the subjects their ministry answers. */
export function assertAnswersSubject(roles: readonly string[], subject: InteragencySubject): Role {
  const answerer = ANSWERED_BY[subject];
  if (!answerer || !roles.includes(answerer)) {
    throw new AppError('OUT_OF_SCOPE', 'Запросы этого вида адресованы другому ведомству');
  }
  return answerer;
}

export class InteragencyRequestService {
  constructor(private readonly em: EntityManager) {}

  /** Records a request sent (001 §4); the answer is due by the region's rule set. */
  async send(ctx: SocialContext, input: SendInteragencyRequestInput): Promise<InteragencyRequest> {
    if (input.sentOn > todayOf(ctx)) {
      throw new ValidationError('Дата отправки не может быть позже сегодняшней', 'sentOn', 'DATE_IN_FUTURE');
    }
    return this.em.transactional(async (em) => {
      const recipient = await em.findOne(Recipient, { id: input.recipientId }, { fields: ['id'] });
      if (!recipient) throw new RecipientNotFoundError(input.recipientId);
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

  /**
   * The answering ministry marks the request answered in the case, naming the record it created.
   * Why a mark rather than reading the ministry's answer: social reads no other schema, and the
   * queue (a list of social's rows) and the request's `status` must agree, so both follow this one
   * column. The ministry sends the mark after its own answer succeeded (its dashboard sends the
   * mark with the answer's id in a second request: fields of one operation all run even when an
   * earlier one fails, so one operation could mark a refused answer); if the mark is lost, the
   * request stays in the queue with the ministry's answer beside it, and marking again closes it.
   */
  async markAnswered(ctx: SocialContext, input: MarkInteragencyAnsweredInput): Promise<InteragencyRequest> {
    return this.em.transactional(async (em) => {
      const request = await em.findOne(InteragencyRequest, { id: input.requestId });
      if (!request) throw new NotFoundError('Межведомственный запрос', input.requestId);
      const answerer = assertAnswersSubject(ctx.actor?.roles ?? [], request.subject);
      if (request.recipientId !== input.recipientId) {
        throw new ValidationError(
          'Запрос касается другого получателя',
          'recipientId',
          'REQUEST_OF_ANOTHER_RECIPIENT',
        );
      }
      if (request.answeredOn) {
        throw new ConflictError('REQUEST_ALREADY_ANSWERED', 'Ответ на этот запрос уже записан', {
          field: 'requestId',
        });
      }
      const before = snapshot(request);
      request.answeredOn = todayOf(ctx);
      request.answer = ANSWERED_IN_GRAPH[answerer] ?? 'Ответ дан ведомством';
      request.answerRecordId = input.answerRecordId;
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
