import { Access, Connection, PageArgs, type SubgraphContext, ValidationError } from '@sl/core';
import { differenceInCalendarDays, parseISO } from 'date-fns';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { daysLate } from '../accountability/lateness.js';
import { Agency } from '../agency/agency.entity.js';
import type { CoordinationLoaders } from '../loaders.js';
import { RoadmapItem } from '../roadmap/roadmap.entity.js';
import {
  EvidenceFile,
  Obligation,
  ObligationStatus,
  ProgressReport,
  StoredObligationStatus,
} from './obligation.entity.js';
import { ObligationFilter, ProgressReportInput } from './obligation.inputs.js';
import { effectiveStatus, ObligationService } from './obligation.service.js';

type CoordinationContext = SubgraphContext<CoordinationLoaders>;

@ObjectType()
export class ObligationConnection extends Connection(Obligation, 'Obligation') {}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@Resolver(() => Obligation)
export class ObligationResolver {
  @Authorized(...Access.AGGREGATE)
  @Query(() => ObligationConnection, {
    description: 'Obligations by roadmap, section, agency and status, by due date',
  })
  obligations(
    @Ctx() ctx: CoordinationContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ObligationFilter, { nullable: true }) filter?: ObligationFilter,
  ) {
    return new ObligationService(ctx.em, ctx.clock).list(filter, page);
  }

  @Authorized(...Access.AGGREGATE)
  @Query(() => ObligationConnection, {
    description: 'What is late today, oldest first, with who is responsible',
  })
  lateObligations(
    @Ctx() ctx: CoordinationContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ObligationFilter, { nullable: true }) filter?: ObligationFilter,
  ) {
    return new ObligationService(ctx.em, ctx.clock).list({ ...filter, status: ObligationStatus.LATE }, page);
  }

  @Authorized(...Access.AGGREGATE)
  @Query(() => Obligation)
  obligation(@Ctx() ctx: CoordinationContext, @Arg('id', () => ID) id: string) {
    return new ObligationService(ctx.em, ctx.clock).get(id);
  }

  @Authorized(...Access.PROGRESS_WRITE)
  @Mutation(() => ProgressReport, {
    description: 'A progress report of the responsible agency, with figures and evidence',
  })
  reportProgress(
    @Ctx() ctx: CoordinationContext,
    @Arg('input', () => ProgressReportInput) input: ProgressReportInput,
  ) {
    return new ObligationService(ctx.em, ctx.clock).report(input, ctx.actor);
  }

  @Authorized(...Access.REFERENCE_WRITE)
  @Mutation(() => Obligation, {
    description: 'Sets the status by hand (e.g. CANCELLED); LATE follows from the date',
  })
  setObligationStatus(
    @Ctx() ctx: CoordinationContext,
    @Arg('id', () => ID) id: string,
    @Arg('status', () => StoredObligationStatus) status: StoredObligationStatus,
    @Arg('completedOn', () => String, { nullable: true }) completedOn?: string,
  ) {
    if (completedOn !== undefined && completedOn !== null && !DATE.test(completedOn)) {
      throw new ValidationError('Дата в формате ГГГГ-ММ-ДД', 'completedOn', 'DATE_INVALID');
    }
    return new ObligationService(ctx.em, ctx.clock).setStatus(id, status, completedOn);
  }

  @FieldResolver(() => ObligationStatus, { description: 'LATE when open and past due as of today' })
  status(@Root() o: Obligation, @Ctx() ctx: CoordinationContext) {
    return effectiveStatus(o, new ObligationService(ctx.em, ctx.clock).today());
  }

  @FieldResolver(() => Int, { description: 'Days past the due date (0 unless LATE)' })
  daysOverdue(@Root() o: Obligation, @Ctx() ctx: CoordinationContext) {
    const today = new ObligationService(ctx.em, ctx.clock).today();
    if (effectiveStatus(o, today) !== ObligationStatus.LATE) return 0;
    return differenceInCalendarDays(parseISO(today), parseISO(o.dueDate));
  }

  @FieldResolver(() => Int, {
    description: 'Days past the due date: of `completedOn` when done, of today while open; 0 when on time',
  })
  daysLate(@Root() o: Obligation, @Ctx() ctx: CoordinationContext): number {
    if (o.status === StoredObligationStatus.CANCELLED) return 0;
    return daysLate(o.dueDate, o.completedOn, new ObligationService(ctx.em, ctx.clock).today());
  }

  @FieldResolver(() => Boolean, { description: 'Done, but after its due date' })
  completedLate(@Root() o: Obligation): boolean {
    return o.status === StoredObligationStatus.DONE && o.completedOn !== null && o.completedOn > o.dueDate;
  }

  @FieldResolver(() => RoadmapItem)
  item(@Root() o: Obligation, @Ctx() ctx: CoordinationContext) {
    return ctx.loaders.itemById.load(o.item.id);
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The first responsible executor resolved' })
  responsibleAgency(@Root() o: Obligation, @Ctx() ctx: CoordinationContext) {
    return o.responsibleAgency ? ctx.loaders.agencyById.load(o.responsibleAgency.id) : null;
  }

  @FieldResolver(() => [ProgressReport])
  reports(@Root() o: Obligation, @Ctx() ctx: CoordinationContext) {
    return ctx.loaders.reportsByObligation.load(o.id);
  }
}

@Resolver(() => EvidenceFile)
export class EvidenceFileResolver {
  /**
   * One file with its content, for the gateway's download route (`GET /evidence/:id`), which asks
   * the graph with the caller's own authorization: the same readers as the reports it belongs to.
   */
  @Authorized(...Access.AGGREGATE)
  @Query(() => EvidenceFile, { description: 'An evidence file of a progress report, with its content' })
  evidenceFile(@Ctx() ctx: CoordinationContext, @Arg('id', () => ID) id: string) {
    return new ObligationService(ctx.em, ctx.clock).evidenceFile(id);
  }

  @Authorized(...Access.AGGREGATE)
  @FieldResolver(() => String, {
    description: 'The content, base64; read one file at a time (`evidenceFile`)',
  })
  async contentBase64(@Root() file: EvidenceFile, @Ctx() ctx: CoordinationContext): Promise<string> {
    // Lists load files without their content: asked for in a list, it comes in one batch.
    const content = file.content ?? (await ctx.loaders.evidenceContentById.load(file.id));
    return content ? Buffer.from(content).toString('base64') : '';
  }

  @FieldResolver(() => String, {
    description: 'Where the gateway serves the file (`GET`, with the same Authorization header as /graphql)',
  })
  downloadUrl(@Root() file: EvidenceFile): string {
    return `/evidence/${file.id}`;
  }
}

@Resolver(() => ProgressReport)
export class ProgressReportResolver {
  @FieldResolver(() => [EvidenceFile])
  evidence(@Root() report: ProgressReport, @Ctx() ctx: CoordinationContext) {
    return ctx.loaders.evidenceByReport.load(report.id);
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The author’s agency' })
  agency(@Root() report: ProgressReport, @Ctx() ctx: CoordinationContext) {
    return report.agency ? ctx.loaders.agencyById.load(report.agency.id) : null;
  }
}
