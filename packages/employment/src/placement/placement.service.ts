import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError, NotFoundError, ValidationError } from '@sl/core';
import { type EmploymentContext, snapshot, todayOf } from '../common.js';
import { Employer } from '../employer/employer.entity.js';
import { WorkRecommendation, WorkVerdict } from '../ipra/work-recommendation.entity.js';
import { Vacancy } from '../vacancy/vacancy.entity.js';
import { WORK_KIND_NAMES, type WorkKind } from '../work-kind.js';
import { Placement } from './placement.entity.js';
import type { EndPlacementInput, PlaceRecipientInput } from './placement.inputs.js';

/** seed 004 item 2.2.2: a placement must respect the kinds of work the ИПРА forbids. */
export function checkWorkKind(
  workKind: WorkKind,
  recommendations: Pick<WorkRecommendation, 'workKind' | 'verdict' | 'ipraNumber'>[],
): void {
  const forbidden = recommendations.find(
    (r) => r.workKind === workKind && r.verdict === WorkVerdict.FORBIDDEN,
  );
  if (forbidden) {
    throw new ValidationError(
      `Трудоустройство невозможно: вид труда «${WORK_KIND_NAMES[workKind]}» противопоказан по ИПРА № ${forbidden.ipraNumber}`,
      'workKind',
      'WORK_KIND_FORBIDDEN',
      { workKind, ipraNumber: forbidden.ipraNumber },
    );
  }
}

export class PlacementService {
  constructor(private readonly em: EntityManager) {}

  place(ctx: EmploymentContext, input: PlaceRecipientInput): Promise<Placement> {
    if (input.startDate > todayOf(ctx)) {
      throw new ValidationError(
        'Дата начала работы не может быть позже сегодняшней',
        'startDate',
        'DATE_IN_FUTURE',
      );
    }
    return this.em.transactional(async (em) => {
      const employer = await em.findOne(Employer, { id: input.employerId });
      if (!employer) throw new NotFoundError('Работодатель', input.employerId);
      let vacancy: Vacancy | null = null;
      if (input.vacancyId) {
        vacancy = await em.findOne(Vacancy, { id: input.vacancyId });
        if (!vacancy) throw new NotFoundError('Вакансия', input.vacancyId);
        if (vacancy.employer.id !== employer.id) {
          throw new ValidationError(
            'Вакансия другого работодателя',
            'vacancyId',
            'VACANCY_OF_ANOTHER_EMPLOYER',
          );
        }
        if (vacancy.closedOn !== null || vacancy.openedOn > input.startDate) {
          throw new ConflictError(
            'VACANCY_CLOSED',
            'Вакансия закрыта или ещё не открыта на дату начала работы',
            {
              field: 'vacancyId',
            },
          );
        }
      }
      const workKind = vacancy?.workKind ?? input.workKind;
      if (!workKind) {
        throw new ValidationError('Укажите вид труда', 'workKind', 'WORK_KIND_REQUIRED');
      }
      checkWorkKind(workKind, await em.find(WorkRecommendation, { recipientId: input.recipientId }));
      const mentorName = input.mentorName?.trim() || null;
      const placement = em.create(Placement, {
        recipientId: input.recipientId,
        employer,
        vacancy,
        position: input.position.trim(),
        workKind,
        startDate: input.startDate,
        supported: mentorName !== null,
        mentorName,
        quota: vacancy?.quota ?? false,
      });
      if (vacancy) vacancy.closedOn = input.startDate;
      await em.flush();
      ctx.audit?.change({
        recipientId: input.recipientId,
        entity: 'Placement',
        entityId: placement.id,
        action: 'create',
        before: null,
        after: snapshot(placement),
      });
      return placement;
    });
  }

  end(ctx: EmploymentContext, input: EndPlacementInput): Promise<Placement> {
    return this.em.transactional(async (em) => {
      const placement = await em.findOne(Placement, { id: input.placementId });
      if (!placement) throw new NotFoundError('Трудоустройство', input.placementId);
      if (placement.endDate) {
        throw new ConflictError('PLACEMENT_ALREADY_ENDED', 'Трудоустройство уже завершено', {
          field: 'placementId',
        });
      }
      if (input.endDate < placement.startDate || input.endDate > todayOf(ctx)) {
        throw new ValidationError(
          'Дата окончания должна быть не раньше начала работы и не позже сегодняшней',
          'endDate',
          'END_DATE_INVALID',
        );
      }
      const before = snapshot(placement);
      placement.endDate = input.endDate;
      await em.flush();
      ctx.audit?.change({
        recipientId: placement.recipientId,
        entity: 'Placement',
        entityId: placement.id,
        action: 'update',
        before,
        after: snapshot(placement),
      });
      return placement;
    });
  }
}
