import { Access, type SubgraphContext } from '@sl/core';
import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { daysLate } from '../accountability/lateness.js';
import { Agency } from '../agency/agency.entity.js';
import type { CoordinationLoaders } from '../loaders.js';
import { EvidenceFile } from '../obligation/obligation.entity.js';
import { CouncilDecision, DecisionStatus } from './council.entity.js';
import { CouncilService } from './council.service.js';
import { DecisionReport } from './decision-report.entity.js';
import { DecisionReportInput } from './decision-report.inputs.js';
import { DecisionReportService } from './decision-report.service.js';

type CoordinationContext = SubgraphContext<CoordinationLoaders>;

@Resolver(() => CouncilDecision)
export class DecisionTrackingResolver {
  @Authorized(...Access.PROGRESS_WRITE)
  @Mutation(() => DecisionReport, {
    description:
      'A progress report of the assigned agency (or the coordination body) on a Council decision, with evidence; `done` closes it on the report’s date',
  })
  reportDecisionProgress(
    @Ctx() ctx: CoordinationContext,
    @Arg('input', () => DecisionReportInput) input: DecisionReportInput,
  ) {
    return new DecisionReportService(ctx.em, ctx.clock).report(input, ctx.actor);
  }

  @FieldResolver(() => [DecisionReport], { description: 'Progress reports, oldest first' })
  reports(@Root() d: CouncilDecision, @Ctx() ctx: CoordinationContext) {
    return ctx.loaders.reportsByDecision.load(d.id);
  }

  @FieldResolver(() => Int, {
    description: 'Days past the due date: of `doneOn` when done, of today while open; 0 when on time',
  })
  daysLate(@Root() d: CouncilDecision, @Ctx() ctx: CoordinationContext): number {
    if (d.status === DecisionStatus.CANCELLED) return 0;
    return daysLate(d.dueDate, d.doneOn, new CouncilService(ctx.em, ctx.clock).today());
  }

  @FieldResolver(() => Boolean, { description: 'Done, but after its due date' })
  doneLate(@Root() d: CouncilDecision): boolean {
    return d.status === DecisionStatus.DONE && d.doneOn !== null && d.doneOn > d.dueDate;
  }
}

@Resolver(() => DecisionReport)
export class DecisionReportResolver {
  @FieldResolver(() => Agency, { description: 'The author’s agency' })
  agency(@Root() r: DecisionReport, @Ctx() ctx: CoordinationContext) {
    return ctx.loaders.agencyById.load(r.agency.id);
  }

  @FieldResolver(() => [EvidenceFile])
  evidence(@Root() r: DecisionReport, @Ctx() ctx: CoordinationContext) {
    return ctx.loaders.evidenceByDecisionReport.load(r.id);
  }
}
