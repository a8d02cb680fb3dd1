import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type Actor,
  AppError,
  type Clock,
  isUuid,
  localDateOf,
  NotFoundError,
  ValidationError,
} from '@sl/core';
import { attachEvidence } from '../accountability/evidence.js';
import { completionDate } from '../accountability/lateness.js';
import { reporterOf, requireOwnRegion } from '../accountability/reporter.js';
import { CouncilDecision, DecisionStatus } from './council.entity.js';
import { DecisionReport } from './decision-report.entity.js';
import type { DecisionReportInput } from './decision-report.inputs.js';

/** Council decisions as tracked work: the assigned agency reports on its decision, with evidence. */
export class DecisionReportService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  /**
   * A report by the caller: of the assigned agency, or of the region's coordination body (the
   * Council's secretariat). With `done` the decision is closed on the report's date.
   */
  async report(input: DecisionReportInput, actor: Actor | null): Promise<DecisionReport> {
    return this.em.transactional(async (tx) => {
      const decision = isUuid(input.decisionId)
        ? await tx.findOne(CouncilDecision, { id: input.decisionId }, { populate: ['meeting'] })
        : null;
      if (!decision) throw new NotFoundError('Поручение Совета', input.decisionId);
      const reporter = await reporterOf(tx, actor);
      requireOwnRegion(reporter, decision.meeting.region);
      if (!reporter.coordinates && reporter.agency.id !== decision.assignee.id) {
        throw new AppError(
          'NOT_ASSIGNED_AGENCY',
          `Поручение дано другому ведомству: «${reporter.agency.name}» не может по нему отчитываться`,
        );
      }
      if (decision.status === DecisionStatus.CANCELLED) {
        throw new ValidationError(
          'Поручение отменено: отчёт по нему не принимается',
          'decisionId',
          'DECISION_CANCELLED',
        );
      }
      const today = localDateOf(this.clock.now());
      if (input.reportedOn && input.reportedOn > today) {
        throw new ValidationError(
          'Дата отчёта не может быть в будущем',
          'reportedOn',
          'REPORT_DATE_IN_FUTURE',
        );
      }
      const reportedOn = input.reportedOn ?? today;
      const report = tx.create(DecisionReport, {
        decision,
        agency: reporter.agency,
        authorId: reporter.authorId,
        authorName: reporter.authorName,
        reportedOn,
        text: input.text.trim(),
      });
      attachEvidence(tx, { decisionReport: report }, input.evidence ?? []);
      if (input.done) {
        decision.status = DecisionStatus.DONE;
        decision.doneOn = completionDate(reportedOn, today, 'reportedOn', {
          date: decision.meeting.heldOn,
          message: 'Поручение не может быть выполнено раньше заседания, на котором его дали',
        });
      }
      await tx.flush();
      return report;
    });
  }
}
