import { Access, Personal } from '@sl/core';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ApplicationDocument } from '../application/application.entity.js';
import type { SocialContext } from '../common/social-context.js';
import { Recipient } from '../recipient/recipient.entity.js';
import { CaseDocument } from './case-document.entity.js';
import { UploadCaseDocumentInput } from './case-document.inputs.js';
import { CaseDocumentService } from './case-document.service.js';

@Resolver(() => CaseDocument)
export class CaseDocumentResolver {
  @Authorized(...Access.CASE_WRITE)
  @Mutation(() => CaseDocument, {
    description:
      'Stores a file of the case (PDF, JPEG, PNG or DOCX by its content, at most CASE_DOCUMENT_MAX_BYTES), linked to the checklist item it satisfies',
  })
  uploadCaseDocument(
    @Ctx() ctx: SocialContext,
    @Arg('input', () => UploadCaseDocumentInput) input: UploadCaseDocumentInput,
  ) {
    return new CaseDocumentService(ctx.em).upload(ctx, input);
  }

  /** For the gateway's download route (`GET /documents/:id`), asked with the caller's own authorization. */
  @Authorized(...Access.CASE)
  @Query(() => CaseDocument, { description: 'One file of a case, with its content (`contentBase64`)' })
  caseDocument(@Ctx() ctx: SocialContext, @Arg('id', () => ID) id: string) {
    return new CaseDocumentService(ctx.em).find(id);
  }

  @Personal(Access.CASE)
  @FieldResolver(() => String, {
    description:
      'The content, base64; one file at a time. Medical documents only on the coordinator’s own case. Each read is audited as a download (`export`).',
  })
  async contentBase64(@Root() document: CaseDocument, @Ctx() ctx: SocialContext): Promise<string> {
    const content = await new CaseDocumentService(ctx.em).content(ctx, document);
    return content.toString('base64');
  }

  @FieldResolver(() => String, {
    description: 'Where the gateway serves the file (`GET`, with the same Authorization header as /graphql)',
  })
  downloadUrl(@Root() document: CaseDocument): string {
    return `/documents/${document.id}`;
  }
}

@Resolver(() => Recipient)
export class RecipientDocumentsResolver {
  @Personal(Access.CASE)
  @FieldResolver(() => [CaseDocument], { description: 'Files of the case, newest first' })
  documents(@Root() recipient: Recipient, @Ctx() ctx: SocialContext) {
    return ctx.loaders.caseDocumentsByRecipient.load(recipient.id);
  }
}

@Resolver(() => ApplicationDocument)
export class ApplicationDocumentFilesResolver {
  @Authorized(...Access.CASE)
  @FieldResolver(() => [CaseDocument], { description: 'The files that satisfy this checklist item' })
  async files(@Root() item: ApplicationDocument, @Ctx() ctx: SocialContext) {
    const files = await ctx.loaders.caseDocumentsByApplication.load(item.applicationId);
    return files.filter((f) => f.checklistItem === item.kind);
  }
}
