import { IsBase64, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { REGION_MESSAGE, REGION_PATTERN } from '../agency/agency.inputs.js';
import { DeadlineTerm } from './deadline.js';
import { Roadmap } from './roadmap.entity.js';
import { Target } from './targets.js';

/** Decoded size limit; the base64 text is a third larger and must fit the gateway's MAX_BODY_BYTES. */
export const MAX_ROADMAP_BYTES = 700_000;

@InputType({ description: 'A roadmap document as base64 (no multipart upload)' })
export class RoadmapImportInput {
  @Field(() => String)
  @Matches(REGION_PATTERN, { message: REGION_MESSAGE })
  region!: string;

  @Field(() => String, { description: 'File name; its extension chooses the format: .txt, .docx or .xlsx' })
  @Length(5, 200, { message: 'Имя файла: от 5 до 200 символов' })
  @Matches(/^[^/\\]+\.(txt|docx|xlsx)$/i, {
    message: 'Имя файла должно оканчиваться на .txt, .docx или .xlsx',
  })
  filename!: string;

  @Field(() => String)
  @IsBase64(undefined, { message: 'Содержимое файла должно быть в base64' })
  @MaxLength(Math.ceil(MAX_ROADMAP_BYTES / 3) * 4 + 4, {
    message: `Файл больше ${MAX_ROADMAP_BYTES / 1000} КБ`,
  })
  contentBase64!: string;

  @Field(() => String, { nullable: true, description: 'Title, when the document has none above its table' })
  @IsOptional()
  @Length(3, 1000, { message: 'Название дорожной карты: от 3 до 1000 символов' })
  title?: string;
}

export enum ImportOutcome {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  PREVIEW = 'PREVIEW',
}
registerEnumType(ImportOutcome, { name: 'ImportOutcome' });

export enum ItemChangeKind {
  CREATED = 'CREATED',
  CHANGED = 'CHANGED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ItemChangeKind, {
  name: 'RoadmapItemChangeKind',
  description: 'What a re-import does to an item: added, changed in place, or gone from the document',
});

@ObjectType({ description: 'An item a (re-)import adds, changes or withdraws, against the stored version' })
export class ItemChange {
  @Field(() => String)
  key!: string;

  @Field(() => String, { nullable: true })
  number!: string | null;

  @Field(() => String)
  measure!: string;

  @Field(() => ItemChangeKind)
  change!: ItemChangeKind;

  @Field(() => [String], {
    description:
      'CHANGED: what changed (measure, deadline, executors, documentType, problem, expectedResult, targets, footnotes, number)',
  })
  fields!: string[];
}

@ObjectType({ description: 'An agency the document’s own list of abbreviations adds to the directory' })
export class ListedAgency {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  abbreviation!: string;

  @Field(() => Boolean, { description: 'False: an agency already in the directory gains the abbreviation' })
  isNew!: boolean;
}

@ObjectType()
export class UnresolvedExecutor {
  @Field(() => String)
  itemKey!: string;

  @Field(() => String)
  name!: string;
}

@ObjectType()
export class PreviewExecutor {
  @Field(() => String)
  nameAsWritten!: string;

  @Field(() => String, { nullable: true })
  agencyName!: string | null;

  @Field(() => Boolean)
  coExecutor!: boolean;
}

@ObjectType({ description: 'An item as it would be imported' })
export class PreviewItem {
  @Field(() => String)
  key!: string;

  @Field(() => String, { nullable: true })
  number!: string | null;

  @Field(() => String, { nullable: true })
  sectionKey!: string | null;

  @Field(() => String)
  measure!: string;

  @Field(() => String, { nullable: true })
  deadlineText!: string | null;

  @Field(() => [DeadlineTerm])
  deadline!: DeadlineTerm[];

  @Field(() => [Target])
  targets!: Target[];

  @Field(() => [PreviewExecutor])
  executors!: PreviewExecutor[];
}

@ObjectType({ description: 'What an import did, or would do (preview)' })
export class RoadmapImportResult {
  @Field(() => ImportOutcome)
  outcome!: ImportOutcome;

  @Field(() => Roadmap, { nullable: true, description: 'Null in a preview' })
  roadmap!: Roadmap | null;

  @Field(() => String)
  title!: string;

  @Field(() => Int)
  sectionCount!: number;

  @Field(() => Int)
  itemCount!: number;

  @Field(() => Int, { description: 'Items added' })
  created!: number;

  @Field(() => Int, { description: 'Items changed in place' })
  updated!: number;

  @Field(() => Int, { description: 'Items gone from the new version (kept, marked withdrawn)' })
  withdrawn!: number;

  @Field(() => [UnresolvedExecutor], {
    description: 'Names the agency directory did not resolve (kept as written)',
  })
  unresolvedExecutors!: UnresolvedExecutor[];

  @Field(() => [String])
  warnings!: string[];

  @Field(() => [PreviewItem])
  items!: PreviewItem[];

  @Field(() => Int, {
    nullable: true,
    description: 'Version of the stored roadmap (same region and title) the changes are against; null if new',
  })
  storedVersion!: number | null;

  @Field(() => [ItemChange], {
    description: 'Preview: every item created, changed or withdrawn against the stored version',
  })
  changes!: ItemChange[];

  @Field(() => [ListedAgency], { description: 'Agencies the document’s list of abbreviations adds' })
  listedAgencies!: ListedAgency[];
}
