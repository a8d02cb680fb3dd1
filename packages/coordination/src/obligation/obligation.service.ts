import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  type Actor,
  type Clock,
  type ConnectionShape,
  isUuid,
  localDateOf,
  NotFoundError,
  type PageRequest,
  paginate,
  ValidationError,
} from '@sl/core';
import { attachEvidence } from '../accountability/evidence.js';
import { completionDate } from '../accountability/lateness.js';
import { reporterOf, requireExecutor } from '../accountability/reporter.js';
import type { Agency } from '../agency/agency.entity.js';
import { expandDeadline } from '../roadmap/deadline.js';
import { ItemExecutor, Roadmap, RoadmapItem } from '../roadmap/roadmap.entity.js';
import {
  EvidenceFile,
  Obligation,
  ObligationStatus,
  ProgressReport,
  StoredObligationStatus,
} from './obligation.entity.js';
import type { ObligationFilter, ProgressReportInput } from './obligation.inputs.js';

const OPEN = [StoredObligationStatus.NOT_STARTED, StoredObligationStatus.IN_PROGRESS];

/** The status a reader sees: LATE when open and past due (today from the clock, never stored). */
export function effectiveStatus(o: Pick<Obligation, 'status' | 'dueDate'>, today: string): ObligationStatus {
  if (OPEN.includes(o.status) && o.dueDate < today) return ObligationStatus.LATE;
  return o.status as unknown as ObligationStatus;
}

/**
 * The SQL condition of each status as of `today`. Indicators count obligations with the same
 * conditions, so a list and a count can never disagree.
 */
export function statusCondition(status: ObligationStatus, today: string): FilterQuery<Obligation> {
  switch (status) {
    case ObligationStatus.LATE:
      return { status: { $in: OPEN }, dueDate: { $lt: today } };
    case ObligationStatus.NOT_STARTED:
    case ObligationStatus.IN_PROGRESS:
      return { status: status as unknown as StoredObligationStatus, dueDate: { $gte: today } };
    default:
      return { status: status as unknown as StoredObligationStatus };
  }
}

export class ObligationService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  today(): string {
    return localDateOf(this.clock.now());
  }

  /** One obligation per period of each item's deadline; periods that disappeared are cancelled. */
  async syncForRoadmap(
    roadmap: Roadmap,
    items: RoadmapItem[],
    responsibleOf: (item: RoadmapItem) => Agency | null,
  ) {
    const existing = await this.em.find(Obligation, { item: { $in: items.map((i) => i.id) } });
    const byItem = new Map<string, Obligation[]>();
    for (const o of existing) byItem.set(o.item.id, [...(byItem.get(o.item.id) ?? []), o]);
    const window = { firstYear: roadmap.periodStartYear, lastYear: roadmap.periodEndYear };
    for (const item of items) {
      const periods = item.withdrawn
        ? []
        : expandDeadline({ text: item.deadlineText ?? '', terms: item.deadline }, window);
      const current = new Map((byItem.get(item.id) ?? []).map((o) => [o.periodKey, o]));
      for (const period of periods) {
        const o =
          current.get(period.key) ??
          this.em.create(Obligation, {
            item,
            roadmap,
            periodKey: period.key,
            periodLabel: period.label,
            dueDate: period.dueDate,
          });
        Object.assign(o, {
          periodLabel: period.label,
          startDate: period.startDate,
          dueDate: period.dueDate,
          section: item.section,
          responsibleAgency: responsibleOf(item),
        });
        if (o.status === StoredObligationStatus.CANCELLED && current.has(period.key))
          o.status = StoredObligationStatus.NOT_STARTED;
        current.delete(period.key);
      }
      for (const gone of current.values())
        if (OPEN.includes(gone.status)) gone.status = StoredObligationStatus.CANCELLED;
    }
    await this.em.flush();
  }

  async list(filter: ObligationFilter = {}, page: PageRequest = {}): Promise<ConnectionShape<Obligation>> {
    const today = this.today();
    const and: FilterQuery<Obligation>[] = [];
    if (filter.region) and.push({ roadmap: { region: filter.region } });
    if (filter.roadmapId) and.push({ roadmap: filter.roadmapId });
    if (filter.sectionId) and.push({ section: filter.sectionId });
    if (filter.status) and.push(statusCondition(filter.status, today));
    if (filter.agencyId) {
      // Every agency the item names, responsible or co-executing, sees it in its view.
      const rows = await this.em.find(ItemExecutor, { agency: filter.agencyId }, { fields: ['item'] });
      and.push({
        $or: [{ responsibleAgency: filter.agencyId }, { item: { $in: rows.map((r) => r.item.id) } }],
      });
    }
    if (filter.dueBefore) and.push({ dueDate: { $lte: filter.dueBefore } });
    const where = (and.length ? { $and: and } : {}) as FilterQuery<Obligation>;
    return paginate(
      this.em,
      Obligation,
      where,
      [
        { field: 'dueDate', direction: 'ASC' },
        { field: 'id', direction: 'ASC' },
      ],
      page,
    );
  }

  async get(id: string): Promise<Obligation> {
    const found = isUuid(id) ? await this.em.findOne(Obligation, { id }) : null;
    if (!found) throw new NotFoundError('Обязательство', id);
    return found;
  }

  /** An evidence file with its content (loaded only here: lists never carry the bytes). */
  async evidenceFile(id: string): Promise<EvidenceFile> {
    const found = isUuid(id)
      ? await this.em.findOne(EvidenceFile, { id }, { populate: ['content'] as never })
      : null;
    if (!found) throw new NotFoundError('Файл', id);
    return found;
  }

  async setStatus(id: string, status: StoredObligationStatus, on?: string | null): Promise<Obligation> {
    return this.em.transactional(async (tx) => {
      const o = await new ObligationService(tx, this.clock).get(id);
      o.status = status;
      o.completedOn =
        status === StoredObligationStatus.DONE
          ? completionDate(on, this.today(), 'completedOn', {
              date: o.startDate,
              message: 'Дата выполнения не может быть раньше начала периода',
            })
          : null;
      await tx.flush();
      return o;
    });
  }

  /** A report by the caller for their agency, which the item must name (or the coordination body). */
  async report(input: ProgressReportInput, actor: Actor | null): Promise<ProgressReport> {
    return this.em.transactional(async (tx) => {
      const o = await new ObligationService(tx, this.clock).get(input.obligationId);
      const reporter = await reporterOf(tx, actor);
      const roadmap = await tx.findOneOrFail(Roadmap, { id: o.roadmap.id });
      await requireExecutor(tx, reporter, o.item.id, roadmap.region);
      if (o.status === StoredObligationStatus.CANCELLED) {
        throw new ValidationError(
          'Обязательство отменено: отчёт по нему не принимается',
          'obligationId',
          'OBLIGATION_CANCELLED',
        );
      }
      const item = await tx.findOneOrFail(RoadmapItem, { id: o.item.id });
      const reportedOn = input.reportedOn ?? this.today();
      if (reportedOn > this.today()) {
        throw new ValidationError(
          'Дата отчёта не может быть в будущем',
          'reportedOn',
          'REPORT_DATE_IN_FUTURE',
        );
      }
      for (const figure of input.figures ?? []) {
        if (!item.targets.some((t) => t.index === figure.targetIndex)) {
          throw new ValidationError(
            `У мероприятия нет целевого показателя № ${figure.targetIndex}`,
            'figures',
            'TARGET_UNKNOWN',
          );
        }
      }
      const report = tx.create(ProgressReport, {
        obligation: o,
        agency: reporter.agency,
        authorId: reporter.authorId,
        authorName: reporter.authorName,
        reportedOn,
        text: input.text.trim(),
        figures: (input.figures ?? []).map((f) => ({ targetIndex: f.targetIndex, value: f.value })),
      });
      attachEvidence(tx, { report }, input.evidence ?? []);
      if (input.done) {
        o.status = StoredObligationStatus.DONE;
        o.completedOn = reportedOn;
      } else if (o.status === StoredObligationStatus.NOT_STARTED) {
        o.status = StoredObligationStatus.IN_PROGRESS;
      }
      await tx.flush();
      return report;
    });
  }
}
