import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError, NotFoundError, RecipientNotFoundError, ValidationError } from '@sl/core';
import { AssessmentService } from '../assessment/assessment.service.js';
import { rulesOf, type SocialContext, snapshot, todayOf } from '../common/social-context.js';
import { Recipient } from '../recipient/recipient.entity.js';
import { Application, ApplicationDocument } from './application.entity.js';
import { ApplicationStatus, AppliedBy, Decision } from './application.enums.js';
import type {
  DecideApplicationInput,
  ReceivedDocumentInput,
  RecordApplicationDocumentsInput,
  SubmitApplicationInput,
} from './application.inputs.js';
import {
  admissionProblems,
  describeMissing,
  eligibilityProblems,
  missingForDecision,
} from './eligibility.js';

function notInFuture(ctx: SocialContext, date: string | null | undefined, field: string): void {
  if (date && date > todayOf(ctx)) {
    throw new ValidationError('Дата не может быть позже сегодняшней', field, 'DATE_IN_FUTURE');
  }
}

function checkDocumentDates(ctx: SocialContext, documents: readonly ReceivedDocumentInput[]): void {
  const kinds = new Set<string>();
  documents.forEach((d, i) => {
    notInFuture(ctx, d.receivedOn, `documents.${i}.receivedOn`);
    if (kinds.has(d.kind)) {
      throw new ValidationError('Документ указан дважды', `documents.${i}.kind`, 'DOCUMENT_REPEATED');
    }
    kinds.add(d.kind);
  });
}

export class ApplicationService {
  constructor(private readonly em: EntityManager) {}

  /** Registers an application; a minor or an incapable person is refused at once (002 §1–2). */
  async submit(ctx: SocialContext, input: SubmitApplicationInput): Promise<Application> {
    notInFuture(ctx, input.submittedOn, 'submittedOn');
    notInFuture(ctx, input.consentToAssessmentOn, 'consentToAssessmentOn');
    notInFuture(ctx, input.consentToDataProcessingOn, 'consentToDataProcessingOn');
    checkDocumentDates(ctx, input.documents ?? []);
    return this.em.transactional(async (em) => {
      const recipient = await em.findOne(Recipient, { id: input.recipientId });
      if (!recipient) throw new RecipientNotFoundError(input.recipientId);
      const [problem] = admissionProblems(recipient, input.submittedOn);
      if (problem) throw new ValidationError(problem.message, 'recipientId', problem.code);
      if (input.appliedBy === AppliedBy.REPRESENTATIVE && !recipient.representative) {
        throw new ValidationError(
          'Заявление подано представителем, но в карточке получателя представитель не указан',
          'appliedBy',
          'REPRESENTATIVE_MISSING',
        );
      }
      const open = await em.count(Application, {
        recipientId: recipient.id,
        status: { $ne: ApplicationStatus.DECIDED },
      });
      if (open > 0) {
        throw new ConflictError(
          'APPLICATION_ALREADY_OPEN',
          'У получателя уже есть нерассмотренное заявление',
          {
            field: 'recipientId',
          },
        );
      }
      const application = em.create(Application, {
        recipientId: recipient.id,
        submittedOn: input.submittedOn,
        appliedBy: input.appliedBy,
        consentToAssessmentOn: input.consentToAssessmentOn ?? null,
        consentToDataProcessingOn: input.consentToDataProcessingOn ?? null,
        decisionDueOn: rulesOf(ctx).decisionDueDate(input.submittedOn),
      });
      for (const d of input.documents ?? []) {
        em.create(ApplicationDocument, {
          applicationId: application.id,
          kind: d.kind,
          receivedOn: d.receivedOn,
        });
      }
      await em.flush();
      this.audit(ctx, application, 'create', null);
      return application;
    });
  }

  /** Adds or re-dates received documents and consents of an undecided application. */
  async recordDocuments(ctx: SocialContext, input: RecordApplicationDocumentsInput): Promise<Application> {
    notInFuture(ctx, input.consentToAssessmentOn, 'consentToAssessmentOn');
    notInFuture(ctx, input.consentToDataProcessingOn, 'consentToDataProcessingOn');
    checkDocumentDates(ctx, input.documents ?? []);
    return this.em.transactional(async (em) => {
      const application = await this.openApplication(em, input.applicationId);
      const before = snapshot(application);
      if (input.consentToAssessmentOn !== undefined)
        application.consentToAssessmentOn = input.consentToAssessmentOn;
      if (input.consentToDataProcessingOn !== undefined)
        application.consentToDataProcessingOn = input.consentToDataProcessingOn;
      const existing = await em.find(ApplicationDocument, { applicationId: application.id });
      for (const d of input.documents ?? []) {
        const found = existing.find((e) => e.kind === d.kind);
        if (found) found.receivedOn = d.receivedOn;
        else
          em.create(ApplicationDocument, {
            applicationId: application.id,
            kind: d.kind,
            receivedOn: d.receivedOn,
          });
      }
      await em.flush();
      this.audit(ctx, application, 'update', before);
      return application;
    });
  }

  async startReview(ctx: SocialContext, applicationId: string): Promise<Application> {
    return this.em.transactional(async (em) => {
      const application = await this.openApplication(em, applicationId);
      if (application.status === ApplicationStatus.UNDER_REVIEW) return application;
      const before = snapshot(application);
      application.status = ApplicationStatus.UNDER_REVIEW;
      await em.flush();
      this.audit(ctx, application, 'update', before);
      return application;
    });
  }

  /**
   * The decision (001 §13 д, §16). A grant needs every condition of 002 §2, the documents of
   * 001 §3 with both consents, and an assessment that gives a degree (001 §16 а).
   */
  async decide(ctx: SocialContext, input: DecideApplicationInput): Promise<Application> {
    notInFuture(ctx, input.decidedOn, 'decidedOn');
    if (input.decision === Decision.REFUSED && !input.refusalGround) {
      throw new ValidationError(
        'Укажите основание отказа (п. 16 а–г)',
        'refusalGround',
        'REFUSAL_GROUND_REQUIRED',
      );
    }
    if (input.decision !== Decision.REFUSED && input.refusalGround) {
      throw new ValidationError(
        'Основание отказа указывается только при отказе',
        'refusalGround',
        'REFUSAL_GROUND_UNEXPECTED',
      );
    }
    return this.em.transactional(async (em) => {
      const application = await this.openApplication(em, input.applicationId);
      if (input.decidedOn < application.submittedOn) {
        throw new ValidationError(
          'Решение не может быть принято раньше подачи заявления',
          'decidedOn',
          'DECISION_DATE_INVALID',
        );
      }
      const before = snapshot(application);
      if (input.decision === Decision.GRANTED) {
        const recipient = await em.findOneOrFail(Recipient, { id: application.recipientId });
        const [problem] = eligibilityProblems(recipient, application.submittedOn);
        if (problem) throw new ValidationError(problem.message, 'decision', problem.code);
        const documents = await em.find(ApplicationDocument, { applicationId: application.id });
        const missing = missingForDecision(
          application,
          documents.map((d) => d.kind),
        );
        if (missing.length > 0) {
          throw new ValidationError(
            `Не представлены: ${describeMissing(missing)}`,
            'decision',
            'DOCUMENTS_MISSING',
            {
              missing,
            },
          );
        }
        const [latest] = await new AssessmentService(em).latestFor([recipient.id]);
        if (!latest || latest.assessedOn > input.decidedOn || latest.reassessmentDueOn <= input.decidedOn) {
          throw new ValidationError(
            'Нет действующей оценки нуждаемости со степенью нарушения автономии (п. 16 а)',
            'decision',
            'ASSESSMENT_REQUIRED',
          );
        }
        application.assessmentId = latest.id;
      }
      application.status = ApplicationStatus.DECIDED;
      application.decision = input.decision;
      application.refusalGround = input.refusalGround ?? null;
      application.decidedOn = input.decidedOn;
      await em.flush();
      this.audit(ctx, application, 'update', before);
      return application;
    });
  }

  private async openApplication(em: EntityManager, id: string): Promise<Application> {
    const application = await em.findOne(Application, { id });
    if (!application) throw new NotFoundError('Заявление', id);
    if (application.status === ApplicationStatus.DECIDED) {
      throw new ConflictError('APPLICATION_ALREADY_DECIDED', 'По заявлению уже принято решение', {
        field: 'applicationId',
      });
    }
    return application;
  }

  private audit(ctx: SocialContext, application: Application, action: 'create' | 'update', before: unknown) {
    ctx.audit?.change({
      recipientId: application.recipientId,
      entity: 'Application',
      entityId: application.id,
      action,
      before,
      after: snapshot(application),
    });
  }
}
