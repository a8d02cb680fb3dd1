import { randomUUID } from 'node:crypto';
import type { Opt } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Access, Personal } from '@sl/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Application } from '../application/application.entity.js';
import { ApplicationDocumentKind } from '../application/application.enums.js';
import { Recipient } from '../recipient/recipient.entity.js';
import { CaseDocumentKind } from './case-document.enums.js';

/**
 * A file of the person's case: a scan or signed copy, optionally standing for an item of an
 * application's checklist (001 §3). The bytes live here, in social's own schema beside the case
 * they belong to, rather than in a folder: a backup of the database (`./dev.sh db:backup`) keeps
 * them with the record, a file is stored in the same transaction as its row (never one without
 * the other), and the database role of the social subgraph is the only way to them. Files are
 * small scans (CASE_DOCUMENT_MAX_BYTES), so TOAST holds them well; lists never load the bytes.
 */
@ObjectType({ description: 'Файл дела: скан или подписанная копия документа' })
@Entity({ tableName: 'case_document' })
@Index({ properties: ['recipientId', 'uploadedAt'] })
@Index({ properties: ['applicationId', 'checklistItem'] })
@Check({ name: 'case_document_size', expression: 'size > 0 and size = octet_length(content)' })
@Check({
  name: 'case_document_item_has_application',
  expression: 'checklist_item is null or application_id is not null',
})
export class CaseDocument {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @ManyToOne(() => Recipient, { mapToPk: true, fieldName: 'recipient_id', deleteRule: 'restrict' })
  recipientId!: string;

  @Personal(Access.CASE)
  @Field(() => CaseDocumentKind)
  @Enum({ items: () => CaseDocumentKind })
  kind!: CaseDocumentKind;

  @Personal(Access.CASE)
  @Field(() => ID, { nullable: true, description: 'The application whose checklist item the file satisfies' })
  @ManyToOne(() => Application, {
    mapToPk: true,
    fieldName: 'application_id',
    nullable: true,
    deleteRule: 'restrict',
  })
  applicationId: string | null = null;

  @Personal(Access.CASE)
  @Field(() => ApplicationDocumentKind, {
    nullable: true,
    description: 'The checklist item (001 §3) the file satisfies',
  })
  @Enum({ items: () => ApplicationDocumentKind, nullable: true })
  checklistItem: ApplicationDocumentKind | null = null;

  @Personal(Access.CASE)
  @Field(() => String, { description: 'The name shown and downloaded as; never used as a path' })
  @Property({ type: 'string', length: 200 })
  fileName!: string;

  @Personal(Access.CASE)
  @Field(() => String, { description: 'The type found in the content itself (PDF, JPEG, PNG, DOCX)' })
  @Property({ type: 'string', length: 100 })
  mediaType!: string;

  @Personal(Access.CASE)
  @Field(() => Int, { description: 'Bytes' })
  @Property({ type: 'integer' })
  size!: number;

  @Personal(Access.CASE)
  @Field(() => String, { description: 'SHA-256 of the content, hex: the same file uploaded twice shows' })
  @Property({ type: 'string', columnType: 'char(64)' })
  sha256!: string;

  @Personal(Access.CASE)
  @Field(() => Date)
  @Property({ type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()' })
  uploadedAt: Opt<Date> = new Date();

  @Personal(Access.CASE)
  @Field(() => ID, { description: 'The account (or API client) that uploaded it' })
  @Property({ type: 'string', length: 100 })
  uploadedById!: string;

  @Personal(Access.CASE)
  @Field(() => String, { description: 'Its login, as the audit log names it' })
  @Property({ type: 'string', length: 200 })
  uploadedBy!: string;

  @Property({ type: 'blob', lazy: true })
  content!: Buffer;
}
