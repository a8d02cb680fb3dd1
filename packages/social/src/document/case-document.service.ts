import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, NotFoundError, RecipientNotFoundError, ValidationError } from '@sl/core';
import { Application, ApplicationDocument } from '../application/application.entity.js';
import { ApplicationStatus } from '../application/application.enums.js';
import { type SocialContext, todayOf } from '../common/social-context.js';
import { Recipient } from '../recipient/recipient.entity.js';
import { CaseDocument } from './case-document.entity.js';
import { CHECKLIST_ITEM_OF, HEALTH_DOCUMENT_KINDS } from './case-document.enums.js';
import type { UploadCaseDocumentInput } from './case-document.inputs.js';
import { checkFile, displayName } from './file-check.js';

export class CaseDocumentService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Stores a file of the case after checking what it is from its content, and links it to the
   * checklist item it satisfies; an open application lacking that item gets it recorded as received
   * today. Anything refused stores nothing.
   */
  async upload(ctx: SocialContext, input: UploadCaseDocumentInput): Promise<CaseDocument> {
    const item = input.checklistItem ?? null;
    if (item && !input.applicationId) {
      throw new ValidationError(
        'Выберите заявление, к перечню документов которого относится файл',
        'applicationId',
        'APPLICATION_REQUIRED',
      );
    }
    if (item && CHECKLIST_ITEM_OF[input.kind] !== item) {
      throw new ValidationError(
        'Файл этого вида не подтверждает выбранный пункт перечня документов (п. 3)',
        'checklistItem',
        'CHECKLIST_ITEM_MISMATCH',
        { expected: CHECKLIST_ITEM_OF[input.kind] },
      );
    }
    const file = await checkFile(input.contentBase64, ctx.config.CASE_DOCUMENT_MAX_BYTES);
    return this.em.transactional(async (em) => {
      const recipient = await em.findOne(Recipient, { id: input.recipientId }, { fields: ['id'] });
      if (!recipient) throw new RecipientNotFoundError(input.recipientId);
      if (input.applicationId) {
        const application = await em.findOne(Application, { id: input.applicationId });
        if (!application || application.recipientId !== recipient.id) {
          throw new ValidationError(
            'У этого человека нет такого заявления',
            'applicationId',
            'APPLICATION_OF_ANOTHER_RECIPIENT',
          );
        }
        if (item) await this.satisfyItem(ctx, em, application, item);
      }
      const document = em.create(CaseDocument, {
        recipientId: recipient.id,
        kind: input.kind,
        applicationId: input.applicationId ?? null,
        checklistItem: item,
        fileName: displayName(input.fileName, file.mediaType),
        mediaType: file.mediaType,
        size: file.content.length,
        sha256: createHash('sha256').update(file.content).digest('hex'),
        uploadedAt: ctx.clock.now(),
        uploadedById: ctx.actor!.id,
        uploadedBy: ctx.actor!.name,
        content: file.content,
      });
      await em.flush();
      ctx.audit?.change({
        recipientId: recipient.id,
        entity: 'CaseDocument',
        entityId: document.id,
        action: 'create',
        before: null,
        after: describe(document),
      });
      return document;
    });
  }

  /** The checklist item the file stands for: already received, or received now on an open application. */
  private async satisfyItem(
    ctx: SocialContext,
    em: EntityManager,
    application: Application,
    item: CaseDocument['checklistItem'] & string,
  ): Promise<void> {
    const received = await em.findOne(ApplicationDocument, { applicationId: application.id, kind: item });
    if (received) return;
    if (application.status === ApplicationStatus.DECIDED) {
      throw new ValidationError(
        'По заявлению уже принято решение, а этот документ не значится среди полученных: перечень не меняется после решения',
        'checklistItem',
        'CHECKLIST_ITEM_NOT_RECEIVED',
      );
    }
    const document = em.create(ApplicationDocument, {
      applicationId: application.id,
      kind: item,
      receivedOn: todayOf(ctx),
      validUntil: null,
    });
    ctx.audit?.change({
      recipientId: application.recipientId,
      entity: 'ApplicationDocument',
      entityId: document.id,
      action: 'create',
      before: null,
      after: { applicationId: application.id, kind: item, receivedOn: todayOf(ctx) },
    });
  }

  /** One file with its metadata (the content loads only when asked for). */
  async find(id: string): Promise<CaseDocument> {
    const document = await this.em.findOne(CaseDocument, { id });
    if (!document) throw new NotFoundError('Документ', id);
    return document;
  }

  /**
   * The file's bytes for a download: health documents only to the coordinator running the case
   * (or one let in by break-the-glass), as health details are; each download is written to the
   * audit log as an `export` of that document to that person's record.
   */
  async content(ctx: SocialContext, document: CaseDocument): Promise<Buffer> {
    const actor = ctx.actor!;
    if (HEALTH_DOCUMENT_KINDS.has(document.kind)) {
      const recipient = await ctx.loaders.recipientById.load(document.recipientId);
      if (!recipient?.caseCoordinatorIds.includes(actor.id)) {
        if (!actor.grants?.includes(document.recipientId)) {
          ctx.audit?.refused(document.recipientId, 'CaseDocument.contentBase64', 'NOT_CASE_COORDINATOR');
          throw new AppError(
            'NOT_CASE_COORDINATOR',
            'Медицинские документы доступны только координатору, ведущему дело этого человека. При крайней необходимости запросите экстренный доступ с указанием причины.',
          );
        }
        // Let in only by break-the-glass: flagged in the audit log.
        ctx.audit?.brokenGlass.add(document.recipientId);
      }
    }
    const [loaded] = await this.em.find(CaseDocument, { id: document.id }, { populate: ['content'] });
    ctx.audit?.change({
      recipientId: document.recipientId,
      entity: 'CaseDocument',
      entityId: document.id,
      action: 'export',
      before: null,
      after: describe(document),
    });
    return loaded!.content;
  }
}

/** What the audit log keeps of a file: never its content, nor its name (a name can say a diagnosis). */
function describe(document: CaseDocument) {
  return {
    id: document.id,
    kind: document.kind,
    applicationId: document.applicationId,
    checklistItem: document.checklistItem,
    mediaType: document.mediaType,
    size: document.size,
    sha256: document.sha256,
  };
}
