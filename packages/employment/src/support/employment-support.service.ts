import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError, checkStartedPeriod, ValidationError } from '@sl/core';
import { type EmploymentContext, snapshot, todayOf } from '../common.js';
import { Placement } from '../placement/placement.entity.js';
import { EmploymentSupport, SupportKind } from './employment-support.entity.js';
import type { RecordEmploymentSupportInput } from './employment-support.inputs.js';

/** seed 004 items 2.1.1 and 2.1.3: training and own-business support are for the registered unemployed. */
export const NEEDS_UNEMPLOYED_STATUS = new Set([
  SupportKind.VOCATIONAL_TRAINING,
  SupportKind.SELF_EMPLOYMENT_SUPPORT,
]);

export function registeredOn(
  supports: Pick<EmploymentSupport, 'kind' | 'startDate' | 'endDate'>[],
  day: string,
) {
  return supports.some(
    (s) =>
      s.kind === SupportKind.UNEMPLOYMENT_REGISTRATION &&
      s.startDate <= day &&
      (s.endDate === null || s.endDate >= day),
  );
}

export class EmploymentSupportService {
  constructor(private readonly em: EntityManager) {}

  record(ctx: EmploymentContext, input: RecordEmploymentSupportInput): Promise<EmploymentSupport> {
    checkStartedPeriod(input.startDate, input.endDate, todayOf(ctx));
    return this.em.transactional(async (em) => {
      const supports = await em.find(EmploymentSupport, { recipientId: input.recipientId });
      if (input.kind === SupportKind.UNEMPLOYMENT_REGISTRATION) {
        // A person at work is not unemployed (Law 565-ФЗ art. 3), and one registration at a time.
        const placements = await em.find(Placement, { recipientId: input.recipientId });
        if (placements.some((p) => p.isActiveOn(input.startDate))) {
          throw new ValidationError(
            'Работающий на эту дату гражданин не может быть зарегистрирован безработным',
            'kind',
            'EMPLOYED_ON_DATE',
          );
        }
        if (registeredOn(supports, input.startDate)) {
          throw new ConflictError(
            'ALREADY_REGISTERED',
            'Гражданин уже зарегистрирован безработным на эту дату',
            {
              field: 'startDate',
            },
          );
        }
      }
      if (NEEDS_UNEMPLOYED_STATUS.has(input.kind)) {
        if (!registeredOn(supports, input.startDate)) {
          throw new ValidationError(
            'Мера доступна только гражданину, зарегистрированному в качестве безработного на дату начала',
            'kind',
            'UNEMPLOYED_STATUS_REQUIRED',
          );
        }
      }
      const support = em.create(EmploymentSupport, {
        recipientId: input.recipientId,
        kind: input.kind,
        programme: input.programme?.trim() ?? null,
        startDate: input.startDate,
        endDate: input.endDate ?? null,
      });
      await em.flush();
      ctx.audit?.change({
        recipientId: input.recipientId,
        entity: 'EmploymentSupport',
        entityId: support.id,
        action: 'create',
        before: null,
        after: snapshot(support),
      });
      return support;
    });
  }
}
