import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AppError,
  ConflictError,
  listNarrowing,
  NotFoundError,
  RecipientNotFoundError,
  Role,
  ValidationError,
} from '@sl/core';
import { Application } from '../application/application.entity.js';
import { rulesOf, type SocialContext, snapshot, todayOf } from '../common/social-context.js';
import { Recipient } from '../recipient/recipient.entity.js';
import { InteragencyAnswer } from './interagency-answer.entity.js';
import {
  ANSWERED_BY,
  AnswerSource,
  INTERAGENCY_READ,
  InteragencyRequest,
  InteragencySubject,
} from './interagency-request.entity.js';
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

/** A medical conclusion's answer states whether it found contraindications; other subjects do not. */
function contraindicationsOf(
  subject: InteragencySubject,
  value: boolean | null | undefined,
  field: string,
): boolean | null {
  if (subject !== InteragencySubject.MEDICAL_CONCLUSION) {
    if (value !== undefined && value !== null) {
      throw new ValidationError(
        'Противопоказания указываются только в ответе на запрос медицинского заключения',
        field,
        'CONTRAINDICATIONS_UNEXPECTED',
      );
    }
    return null;
  }
  if (value === undefined || value === null) {
    throw new ValidationError(
      'Укажите, выявлены ли заключением противопоказания (приказ 202н)',
      field,
      'CONTRAINDICATIONS_REQUIRED',
    );
  }
  return value;
}

type AnswerFields = Pick<
  InteragencyAnswer,
  'source' | 'answeredOn' | 'answer' | 'document' | 'answerRecordId' | 'contraindicationsPresent'
>;

/** Puts an answer in force on the request and keeps it in the request's history of answers. */
async function answer(em: EntityManager, request: InteragencyRequest, fields: AnswerFields): Promise<void> {
  await em.nativeUpdate(InteragencyAnswer, { requestId: request.id }, { inForce: false });
  request.answeredOn = fields.answeredOn;
  request.answer = fields.answer;
  request.answerRecordId = fields.answerRecordId;
  request.answerSource = fields.source;
  request.contraindicationsPresent = fields.contraindicationsPresent;
  em.create(InteragencyAnswer, { requestId: request.id, ...fields, inForce: true });
}

/**
 * The receiving agency is one of the region's agency directory (coordination's), named by its id:
 * asked of coordination through the graph, never from its tables; its name is kept with the
 * request as it was when the request was sent.
 */
async function directoryAgency(ctx: SocialContext, agencyId: string): Promise<{ id: string; name: string }> {
  const found = await ctx.peer<{ agency: { id: string; name: string; region: string } | null }>(
    'coordination',
    'query ($id: ID!) { agency(id: $id) { id name region } }',
    { id: agencyId },
  );
  if (!found.agency || found.agency.region !== ctx.region) {
    throw new ValidationError(
      'Ведомство не найдено в справочнике ведомств региона',
      'agencyId',
      'AGENCY_UNKNOWN',
    );
  }
  return found.agency;
}

export class InteragencyRequestService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Issue 23 / 152-ФЗ: a ministry officer's queue leaves out the people whose consents do not allow
   * the authorised body to share their data with that ministry — one person's missing consent must
   * not fail the whole queue. The people of the queue are few next to the whole register, and their
   * sharing states come from the request's consent loader in one batch.
   */
  async withheldFromQueue(ctx: SocialContext, subject: InteragencySubject): Promise<string[]> {
    const sharing = ctx.sharing;
    if (!sharing || !ctx.actor || !listNarrowing(ctx.actor, INTERAGENCY_READ).sharedOnly) return [];
    const rows: { recipient_id: string }[] = await this.em
      .getConnection()
      .execute(
        'select distinct recipient_id from social.interagency_request where subject = ? and answered_on is null',
        [subject],
      );
    const states = await Promise.all(rows.map((r) => sharing(r.recipient_id)));
    // Break-the-glass lets the officer in on a person despite consent (audited as such): kept.
    const grants = ctx.actor.grants ?? [];
    return rows
      .filter((r, i) => states[i] !== 'IN_FORCE' && !grants.includes(r.recipient_id))
      .map((r) => r.recipient_id);
  }

  /** Records a request sent (001 §4); the answer is due by the region's rule set. */
  async send(ctx: SocialContext, input: SendInteragencyRequestInput): Promise<InteragencyRequest> {
    if (input.sentOn > todayOf(ctx)) {
      throw new ValidationError('Дата отправки не может быть позже сегодняшней', 'sentOn', 'DATE_IN_FUTURE');
    }
    const agency = await directoryAgency(ctx, input.agencyId);
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
        agencyId: agency.id,
        agency: agency.name,
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
      // The coordinator never answers for another agency: they mark the paper answer received,
      // naming the document; an owner in the graph answering later replaces it (markAnswered).
      const document = input.document?.trim();
      if (!document) {
        throw new ValidationError(
          'Укажите реквизиты бумажного ответа ведомства (номер и дату документа)',
          'document',
          'ANSWER_DOCUMENT_REQUIRED',
        );
      }
      const contraindications = contraindicationsOf(
        request.subject,
        input.contraindicationsPresent,
        'contraindicationsPresent',
      );
      const before = snapshot(request);
      await answer(em, request, {
        source: AnswerSource.PAPER,
        answeredOn: input.answeredOn,
        answer: input.answer.trim(),
        document,
        answerRecordId: null,
        contraindicationsPresent: contraindications,
      });
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
      // A paper answer marked earlier gives way to the owner's; a second owner answer does not.
      if (request.answerSource === AnswerSource.AGENCY) {
        throw new ConflictError('REQUEST_ALREADY_ANSWERED', 'Ответ на этот запрос уже записан', {
          field: 'requestId',
        });
      }
      const before = snapshot(request);
      await answer(em, request, {
        source: AnswerSource.AGENCY,
        answeredOn: todayOf(ctx),
        answer: ANSWERED_IN_GRAPH[answerer] ?? 'Ответ дан ведомством',
        document: null,
        answerRecordId: input.answerRecordId,
        contraindicationsPresent:
          input.contraindicationsPresent === undefined || input.contraindicationsPresent === null
            ? null
            : contraindicationsOf(
                request.subject,
                input.contraindicationsPresent,
                'contraindicationsPresent',
              ),
      });
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
