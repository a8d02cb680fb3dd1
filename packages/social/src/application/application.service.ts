import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError, NotFoundError, RecipientNotFoundError, ValidationError } from '@sl/core';
import { AssessmentService } from '../assessment/assessment.service.js';
import { rulesOf, type SocialContext, snapshot, todayOf } from '../common/social-context.js';
import { activeContraindicationOf } from '../interagency/contraindication.js';
import { Recipient } from '../recipient/recipient.entity.js';
import { Termination } from '../termination/termination.entity.js';
import { TerminationReason } from '../termination/termination.enums.js';
import { Application, ApplicationDocument } from './application.entity.js';
import { ApplicationStatus, AppliedBy, Decision, RefusalGround } from './application.enums.js';
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
  missingDocumentsOf,
  missingForDecision,
} from './eligibility.js';
import { assertRefusalMatchesFacts } from './refusal.rules.js';

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
    if (d.validUntil && d.validUntil < d.receivedOn) {
      throw new ValidationError(
        'Срок действия документа не может закончиться раньше его получения',
        `documents.${i}.validUntil`,
        'DOCUMENT_TERM_INVALID',
      );
    }
  });
}

/** A written statement is received with the application or after it, never before. */
function checkStatementDates(application: Application): void {
  for (const field of ['assessmentRefusedOn', 'otherFormChosenOn'] as const) {
    const date = application[field];
    if (date && date < application.submittedOn) {
      throw new ValidationError(
        'Заявление гражданина не может быть получено раньше заявления о предоставлении',
        field,
        'STATEMENT_BEFORE_APPLICATION',
      );
    }
  }
  if (application.otherFormChosenOn && !application.otherFormChosen) {
    throw new ValidationError(
      'Укажите, какую форму обслуживания выбрал гражданин',
      'otherFormChosen',
      'OTHER_FORM_REQUIRED',
    );
  }
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
      // seed 001 §17: participation ended by death; nobody may apply in the person's name after it.
      const death = await em.findOne(Termination, {
        recipientId: recipient.id,
        reason: TerminationReason.DEATH,
        annulledAt: null,
      });
      if (death) {
        throw new ValidationError(
          `Получатель умер (${death.groundOn}): заявление от его имени не принимается`,
          'recipientId',
          'RECIPIENT_DECEASED',
          { diedOn: death.groundOn },
        );
      }
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
          validUntil: d.validUntil ?? null,
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
    notInFuture(ctx, input.assessmentRefusedOn, 'assessmentRefusedOn');
    notInFuture(ctx, input.otherFormChosenOn, 'otherFormChosenOn');
    checkDocumentDates(ctx, input.documents ?? []);
    return this.em.transactional(async (em) => {
      const application = await this.openApplication(em, input.applicationId);
      const before = snapshot(application);
      if (input.consentToAssessmentOn !== undefined)
        application.consentToAssessmentOn = input.consentToAssessmentOn;
      if (input.consentToDataProcessingOn !== undefined)
        application.consentToDataProcessingOn = input.consentToDataProcessingOn;
      if (input.assessmentRefusedOn !== undefined)
        application.assessmentRefusedOn = input.assessmentRefusedOn;
      if (input.otherFormChosenOn !== undefined) application.otherFormChosenOn = input.otherFormChosenOn;
      if (input.otherFormChosen !== undefined)
        application.otherFormChosen = input.otherFormChosen?.trim() ?? null;
      checkStatementDates(application);
      const existing = await em.find(ApplicationDocument, { applicationId: application.id });
      for (const d of input.documents ?? []) {
        const found = existing.find((e) => e.kind === d.kind);
        if (found) {
          found.receivedOn = d.receivedOn;
          if (d.validUntil !== undefined) found.validUntil = d.validUntil;
        } else
          em.create(ApplicationDocument, {
            applicationId: application.id,
            kind: d.kind,
            receivedOn: d.receivedOn,
            validUntil: d.validUntil ?? null,
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
      const rules = rulesOf(ctx);
      const documents = await em.find(ApplicationDocument, { applicationId: application.id });
      const received = documents.map((d) => d.kind);
      const [latest] = await new AssessmentService(em).latestFor([application.recipientId]);
      const validAssessment =
        latest && latest.assessedOn <= input.decidedOn && latest.reassessmentDueOn > input.decidedOn
          ? latest
          : null;
      if (input.decision !== Decision.GRANTED && (input.contraindicationOverrideReason || input.needUntil)) {
        throw new ValidationError(
          'Обоснование и срок нуждаемости указываются только при решении о предоставлении',
          input.needUntil ? 'needUntil' : 'contraindicationOverrideReason',
          'GRANT_ONLY_FIELD',
        );
      }
      if (input.decision === Decision.GRANTED) {
        const recipient = await em.findOneOrFail(Recipient, { id: application.recipientId });
        const [problem] = eligibilityProblems(recipient, application.submittedOn);
        if (problem) throw new ValidationError(problem.message, 'decision', problem.code);
        const missing = missingForDecision(rules, application, received);
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
        if (!validAssessment) {
          throw new ValidationError(
            'Нет действующей оценки нуждаемости со степенью нарушения автономии (п. 16 а)',
            'decision',
            'ASSESSMENT_REQUIRED',
          );
        }
        // 001 §3 д, order 202н: a conclusion finding contraindications stops the grant unless the
        // coordinator records why the grant stands nonetheless.
        const contraindication = await activeContraindicationOf(em, application.recipientId, input.decidedOn);
        if (contraindication && !input.contraindicationOverrideReason?.trim()) {
          throw new ValidationError(
            `Медицинское заключение (ответ от ${contraindication.answeredOn}) выявило противопоказания (приказ 202н): решение о предоставлении — только с обоснованием`,
            'contraindicationOverrideReason',
            'MEDICAL_CONTRAINDICATION',
            { requestId: contraindication.id, answeredOn: contraindication.answeredOn },
          );
        }
        const needUntil = input.needUntil ?? validAssessment.reassessmentDueOn;
        if (needUntil <= input.decidedOn) {
          throw new ValidationError(
            'Срок нуждаемости должен закончиться после даты решения',
            'needUntil',
            'NEED_TERM_INVALID',
          );
        }
        application.assessmentId = validAssessment.id;
        application.needUntil = needUntil;
        application.contraindicationOverride = contraindication
          ? input.contraindicationOverrideReason!.trim()
          : null;
      }
      if (input.decision === Decision.REFUSED) {
        const missingDocuments = missingDocumentsOf(rules, application.appliedBy, received);
        assertRefusalMatchesFacts(rules, input.refusalGround!, {
          decidedOn: input.decidedOn,
          validAssessment,
          missingDocuments,
          assessmentRefusedOn: application.assessmentRefusedOn,
          otherFormChosenOn: application.otherFormChosenOn,
        });
        if (input.refusalGround === RefusalGround.DOCUMENTS_NOT_SUBMITTED)
          application.refusalMissingDocuments = missingDocuments;
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
