import { IsBase64, IsOptional, IsUUID, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ApplicationDocumentKind } from '../application/application.enums.js';
import { CaseDocumentKind } from './case-document.enums.js';

@InputType()
export class UploadCaseDocumentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Неверный идентификатор получателя' })
  recipientId!: string;

  @Field(() => CaseDocumentKind)
  kind!: CaseDocumentKind;

  @Field(() => ID, {
    nullable: true,
    description: 'With `checklistItem`: the application whose item the file satisfies',
  })
  @IsOptional()
  @IsUUID('all', { message: 'Неверный идентификатор заявления' })
  applicationId?: string | null;

  @Field(() => ApplicationDocumentKind, {
    nullable: true,
    description:
      'The checklist item (001 §3) the file satisfies; recorded as received on the upload day when the open application lacks it',
  })
  @IsOptional()
  checklistItem?: ApplicationDocumentKind | null;

  @Field(() => String, { description: 'The file’s name on the uploader’s computer (display only)' })
  @Length(1, 255, { message: 'Имя файла: от 1 до 255 символов' })
  fileName!: string;

  @Field(() => String, {
    description:
      'The file, base64; its type is found from the content (PDF, JPEG, PNG, DOCX), at most CASE_DOCUMENT_MAX_BYTES',
  })
  @IsBase64(undefined, { message: 'Содержимое файла должно быть в base64' })
  contentBase64!: string;
}
