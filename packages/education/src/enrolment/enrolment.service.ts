import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError, NotFoundError, ValidationError } from '@sl/core';
import { type EducationContext, snapshot, todayOf } from '../common.js';
import { Enrolment, EnrolmentStatus } from './enrolment.entity.js';
import type { EnrolRecipientInput, FinishEnrolmentInput } from './enrolment.inputs.js';

export class EnrolmentService {
  constructor(private readonly em: EntityManager) {}

  enrol(ctx: EducationContext, input: EnrolRecipientInput): Promise<Enrolment> {
    if (input.startDate > todayOf(ctx)) {
      throw new ValidationError(
        'Дата зачисления не может быть позже сегодняшней',
        'startDate',
        'DATE_IN_FUTURE',
      );
    }
    return this.em.transactional(async (em) => {
      const programme = input.programme.trim();
      const same = await em.count(Enrolment, {
        recipientId: input.recipientId,
        programme,
        status: EnrolmentStatus.ACTIVE,
      });
      if (same) {
        throw new ConflictError('ALREADY_ENROLLED', 'Человек уже обучается по этой программе', {
          field: 'programme',
        });
      }
      const enrolment = em.create(Enrolment, {
        recipientId: input.recipientId,
        level: input.level,
        organisation: input.organisation.trim(),
        programme,
        form: input.form,
        startDate: input.startDate,
      });
      await em.flush();
      ctx.audit?.change({
        recipientId: input.recipientId,
        entity: 'Enrolment',
        entityId: enrolment.id,
        action: 'create',
        before: null,
        after: snapshot(enrolment),
      });
      return enrolment;
    });
  }

  finish(ctx: EducationContext, input: FinishEnrolmentInput): Promise<Enrolment> {
    return this.em.transactional(async (em) => {
      const enrolment = await em.findOne(Enrolment, { id: input.enrolmentId });
      if (!enrolment) throw new NotFoundError('Обучение', input.enrolmentId);
      if (enrolment.status !== EnrolmentStatus.ACTIVE) {
        throw new ConflictError('ENROLMENT_NOT_ACTIVE', 'Обучение уже завершено', { field: 'enrolmentId' });
      }
      if (input.endDate < enrolment.startDate || input.endDate > todayOf(ctx)) {
        throw new ValidationError(
          'Дата окончания должна быть не раньше зачисления и не позже сегодняшней',
          'endDate',
          'END_DATE_INVALID',
        );
      }
      const before = snapshot(enrolment);
      enrolment.endDate = input.endDate;
      enrolment.status = input.completed ? EnrolmentStatus.COMPLETED : EnrolmentStatus.INTERRUPTED;
      await em.flush();
      ctx.audit?.change({
        recipientId: enrolment.recipientId,
        entity: 'Enrolment',
        entityId: enrolment.id,
        action: 'update',
        before,
        after: snapshot(enrolment),
      });
      return enrolment;
    });
  }
}
