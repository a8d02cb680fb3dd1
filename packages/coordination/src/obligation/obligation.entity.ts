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
import { figuresVersionTrigger, LocalDate } from '@sl/core';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Agency } from '../agency/agency.entity.js';
import { DecisionReport } from '../council/decision-report.entity.js';
import { Roadmap, RoadmapItem, RoadmapSection } from '../roadmap/roadmap.entity.js';

/** What is stored; LATE is never stored: it follows from the due date and today's date. */
export enum StoredObligationStatus {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}

registerEnumType(StoredObligationStatus, {
  name: 'ObligationStatusChange',
  description: 'A status that can be set by hand (LATE cannot: it follows from the date)',
});

export enum ObligationStatus {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  LATE = 'LATE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ObligationStatus, {
  name: 'ObligationStatus',
  description: 'LATE: not done nor cancelled and its due date has passed (computed from today)',
});

/** One period of an item's deadline: what the responsible agency owes by `dueDate`. */
@ObjectType({ description: 'What an item requires for one period, and its execution' })
@Trigger(figuresVersionTrigger('coordination', 'obligation'))
@Entity({ tableName: 'obligation' })
@Unique({ properties: ['item', 'periodKey'] })
@Index({ properties: ['roadmap', 'dueDate', 'id'] })
@Index({ properties: ['status', 'dueDate', 'id'] })
@Index({ properties: ['responsibleAgency', 'dueDate', 'id'] })
@Index({ properties: ['section', 'dueDate', 'id'] })
@Check({
  name: 'obligation_done_has_date',
  expression: "(status = 'DONE') = (completed_on is not null)",
})
export class Obligation {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => RoadmapItem, { deleteRule: 'cascade' })
  item!: RoadmapItem;

  /** Denormalised from the item so that views by roadmap and section need no join. */
  @ManyToOne(() => Roadmap, { deleteRule: 'cascade' })
  roadmap!: Roadmap;

  @ManyToOne(() => RoadmapSection, { nullable: true, deleteRule: 'set null' })
  section: RoadmapSection | null = null;

  /** The first responsible executor the directory resolved; null when none resolved. */
  @ManyToOne(() => Agency, { nullable: true, updateRule: 'cascade' })
  responsibleAgency: Agency | null = null;

  @Field(() => String, { description: 'Period within the item (a date, 2021-04, Y2025)' })
  @Property({ type: 'string', length: 40 })
  periodKey!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 80 })
  periodLabel!: string;

  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  startDate: string | null = null;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  dueDate!: string;

  @Enum({ items: () => StoredObligationStatus, nativeEnumName: 'obligation_status' })
  status: Opt<StoredObligationStatus> = StoredObligationStatus.NOT_STARTED;

  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  completedOn: string | null = null;
}

@ObjectType({ description: 'A figure reported against one of the item’s targets' })
export class ReportedFigure {
  @Field(() => Int)
  targetIndex!: number;

  @Field(() => Float)
  value!: number;
}

@ObjectType({ description: 'A progress report of an executing agency on an obligation, by its author' })
@Trigger(figuresVersionTrigger('coordination', 'progress_report'))
@Entity({ tableName: 'progress_report' })
@Index({ properties: ['obligation', 'reportedOn'] })
@Check({ name: 'progress_report_text_present', expression: 'length(text) > 0' })
export class ProgressReport {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Obligation, { deleteRule: 'cascade' })
  obligation!: Obligation;

  /** The author's agency when they reported (null only in reports older than the rule). */
  @ManyToOne(() => Agency, { nullable: true, updateRule: 'cascade' })
  agency: Agency | null = null;

  @Field(() => ID, { nullable: true, description: 'The account (or API client) that filed the report' })
  @Property({ type: 'string', length: 64, nullable: true })
  authorId: string | null = null;

  @Field(() => String, { nullable: true, description: 'Its login or name, as the audit log shows it' })
  @Property({ type: 'string', length: 200, nullable: true })
  authorName: string | null = null;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  reportedOn!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  text!: string;

  @Field(() => [ReportedFigure])
  @Property({ type: 'json' })
  figures: ReportedFigure[] = [];

  @Property({ type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

/** Evidence attached to a report; the bytes are in the database, named by their hash only. */
@ObjectType({ description: 'An evidence file attached to a progress report or a Council decision’s report' })
@Entity({ tableName: 'evidence_file' })
@Index({ properties: ['report'] })
@Index({ properties: ['decisionReport'] })
@Check({
  name: 'evidence_file_one_report',
  expression: '(report_id is null) <> (decision_report_id is null)',
})
@Index({ properties: ['sha256'] })
@Check({ name: 'evidence_file_size', expression: 'size > 0 and size = octet_length(content)' })
export class EvidenceFile {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => ProgressReport, { deleteRule: 'cascade', nullable: true })
  report: ProgressReport | null = null;

  @ManyToOne(() => DecisionReport, { deleteRule: 'cascade', nullable: true })
  decisionReport: DecisionReport | null = null;

  @Field(() => String, { description: 'SHA-256 of the content, hex' })
  @Property({ type: 'string', columnType: 'char(64)' })
  sha256!: string;

  @Field(() => String, { description: 'Display name only; never used as a path' })
  @Property({ type: 'string', length: 200 })
  displayName!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  mediaType!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  size!: number;

  @Property({ type: 'blob', lazy: true })
  content!: Buffer;
}
