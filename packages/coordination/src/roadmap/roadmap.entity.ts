import { randomUUID } from 'node:crypto';
import type { Opt } from '@mikro-orm/core';
import {
  Check,
  Entity,
  Enum,
  Index,
  ManyToOne,
  PrimaryKey,
  Property,
  Trigger,
  Unique,
} from '@mikro-orm/decorators/legacy';
import { figuresVersionTrigger } from '@sl/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Agency } from '../agency/agency.entity.js';
import { DeadlineTerm } from './deadline.js';
import { Target } from './targets.js';

export enum RoadmapFormat {
  TEXT = 'TEXT',
  DOCX = 'DOCX',
  XLSX = 'XLSX',
}
registerEnumType(RoadmapFormat, { name: 'RoadmapFormat' });

export enum ExecutorRole {
  RESPONSIBLE = 'RESPONSIBLE',
  CO_EXECUTOR = 'CO_EXECUTOR',
}
registerEnumType(ExecutorRole, { name: 'ExecutorRole' });

@ObjectType({ description: 'A roadmap (дорожная карта) as imported from the official document' })
@Trigger(figuresVersionTrigger('coordination', 'roadmap'))
@Entity({ tableName: 'roadmap' })
@Unique({ properties: ['region', 'title'] })
@Index({ properties: ['region', 'importedAt', 'id'] })
export class Roadmap {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String)
  @Property({ type: 'string', length: 40 })
  region!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  title!: string;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  periodStartYear: number | null = null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  periodEndYear: number | null = null;

  @Field(() => RoadmapFormat)
  @Enum({ items: () => RoadmapFormat, nativeEnumName: 'roadmap_format' })
  format!: RoadmapFormat;

  @Field(() => String, { description: 'File name as uploaded (display only)' })
  @Property({ type: 'string', length: 200 })
  filename!: string;

  /** SHA-256 of the parsed content: the same document imported again changes nothing. */
  @Property({ type: 'string', columnType: 'char(64)' })
  contentHash!: string;

  @Field(() => Int, { description: 'Incremented by each import of a changed document' })
  @Property({ type: 'integer' })
  version: Opt<number> = 1;

  @Field(() => Date)
  @Property({ type: 'Date', columnType: 'timestamptz' })
  importedAt!: Date;
}

@ObjectType({ description: 'A section of a roadmap (numbered heading row)' })
@Entity({ tableName: 'roadmap_section' })
@Unique({ properties: ['roadmap', 'key'] })
@Index({ properties: ['roadmap', 'position'] })
export class RoadmapSection {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Roadmap, { deleteRule: 'cascade' })
  roadmap!: Roadmap;

  @Field(() => String, {
    description: 'Unique within the roadmap; «4.4/2.1» for numbering restarted inside 4.4',
  })
  @Property({ type: 'string', length: 80 })
  key!: string;

  @Field(() => String, { nullable: true, description: 'Number as the document writes it' })
  @Property({ type: 'string', length: 40, nullable: true })
  number: string | null = null;

  @Field(() => String)
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Agency written under the title, if any' })
  @Property({ type: 'text', nullable: true })
  executorsText: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 80, nullable: true })
  parentKey: string | null = null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  level!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  position!: number;
}

@ObjectType({ description: 'A roadmap item (мероприятие)' })
@Trigger(figuresVersionTrigger('coordination', 'roadmap_item'))
@Entity({ tableName: 'roadmap_item' })
@Unique({ properties: ['roadmap', 'key'] })
@Index({ properties: ['roadmap', 'position', 'id'] })
@Index({ properties: ['section'] })
@Check({ name: 'roadmap_item_measure_present', expression: 'length(measure) > 0' })
export class RoadmapItem {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Roadmap, { deleteRule: 'cascade' })
  roadmap!: Roadmap;

  @ManyToOne(() => RoadmapSection, { nullable: true, deleteRule: 'set null' })
  section: RoadmapSection | null = null;

  @Field(() => String, {
    description: 'Unique within the roadmap: the number, prefixed where numbering restarts',
  })
  @Property({ type: 'string', length: 80 })
  key!: string;

  @Field(() => String, { nullable: true, description: 'Hierarchical number as written (1.1.1)' })
  @Property({ type: 'string', length: 40, nullable: true })
  number: string | null = null;

  @Field(() => Int, { nullable: true, description: 'The row number column (№ п/п), when filled' })
  @Property({ type: 'integer', nullable: true })
  ordinal: number | null = null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  position!: number;

  @Field(() => Int, { description: 'Line (or table row) of the source the item was read from' })
  @Property({ type: 'integer' })
  sourceLine!: number;

  @Field(() => String)
  @Property({ type: 'text' })
  measure!: string;

  @Field(() => String, { nullable: true, description: 'Executors as written' })
  @Property({ type: 'text', nullable: true })
  executorsText: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  documentType: string | null = null;

  @Field(() => String, { nullable: true, description: 'Problem (current state), seed 004' })
  @Property({ type: 'text', nullable: true })
  problem: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  expectedResult: string | null = null;

  @Field(() => String, { nullable: true, description: 'Deadline as written' })
  @Property({ type: 'text', nullable: true })
  deadlineText: string | null = null;

  @Field(() => [DeadlineTerm])
  @Property({ type: 'json' })
  deadline: DeadlineTerm[] = [];

  @Field(() => [Target])
  @Property({ type: 'json' })
  targets: Target[] = [];

  @Field(() => [String], {
    description: 'Footnotes of the item’s cells, apart from its text (seed 004 item 4.4.1)',
  })
  @Property({ type: 'json', default: '[]' })
  footnotes: Opt<string[]> = [];

  @Field(() => Boolean, { description: 'Gone from the latest version of the document' })
  @Property({ type: 'boolean', default: false })
  withdrawn: Opt<boolean> = false;
}

@ObjectType({
  description: 'An executor of an item, resolved against the agency directory or kept as written',
})
@Entity({ tableName: 'item_executor' })
@Index({ properties: ['item', 'position'] })
@Index({ properties: ['agency'] })
export class ItemExecutor {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => RoadmapItem, { deleteRule: 'cascade' })
  item!: RoadmapItem;

  @ManyToOne(() => Agency, { nullable: true, updateRule: 'cascade' })
  agency: Agency | null = null;

  @Field(() => String)
  @Property({ type: 'text' })
  nameAsWritten!: string;

  @Field(() => ExecutorRole)
  @Enum({ items: () => ExecutorRole, nativeEnumName: 'executor_role' })
  role!: ExecutorRole;

  @Field(() => Int)
  @Property({ type: 'integer' })
  position!: number;
}
