import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type AuditTrail,
  ConflictError,
  isUuid,
  localDateOf,
  NotFoundError,
  ValidationError,
} from '@sl/core';
import { TIME_ZONE } from '../common/time-zone.js';
import { lockRecipient, planOn, staffOfProvider } from './service-plan.service.js';
import type { RecordVisitInput, RescheduleVisitInput, ScheduleVisitInput } from './services.inputs.js';
import { Visit } from './visit.entity.js';
import { type ServiceWriteScope, UNSCOPED } from './write-scope.js';

/** No person receives more than 24 hours of service in one day. */
export const MAX_HOURS_PER_DAY = 24;

const snapshotVisit = (v: Visit) => ({
  id: v.id,
  recipientId: v.recipientId,
  staffMemberId: v.staffMember.id,
  plannedAt: v.plannedAt.toISOString(),
  delivered: v.delivered,
  hoursDelivered: v.hoursDelivered,
  recordedAt: v.recordedAt?.toISOString() ?? null,
});

/** An outcome once recorded stays: a second form (or a stale screen) must not replace it unseen. */
function assertNotRecorded(visit: Visit): void {
  if (visit.recordedAt || visit.delivered) {
    throw new ConflictError(
      'VISIT_ALREADY_RECORDED',
      `Итог этого посещения уже записан (${visit.delivered ? `проведено, ${visit.hoursDelivered} ч` : 'не состоялось'})`,
      { field: 'visitId' },
    );
  }
}

export class VisitService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit?: AuditTrail,
    private readonly scope: ServiceWriteScope = UNSCOPED,
  ) {}

  /** A visit on the schedule (002 §14) by a member of the provider serving the person that day. */
  schedule(input: ScheduleVisitInput): Promise<Visit> {
    return this.em.transactional(async (em) => {
      await lockRecipient(em, input.recipientId);
      await this.scope.person(input.recipientId);
      const day = localDateOf(input.plannedAt, TIME_ZONE);
      const plan = await planOn(em, input.recipientId, day);
      const staffMember = await staffOfProvider(em, input.staffMemberId, plan.provider);
      const visit = em.create(Visit, {
        recipientId: input.recipientId,
        staffMember,
        plannedAt: input.plannedAt,
      });
      await em.flush();
      this.audit?.change({
        recipientId: visit.recipientId,
        entity: 'Visit',
        entityId: visit.id,
        action: 'create',
        before: null,
        after: snapshotVisit(visit),
      });
      return visit;
    });
  }

  /**
   * Moves a visit not yet recorded to another time, by a member of the provider serving the person
   * on the new day (the same rule as scheduling); provider staff only for a person in their scope.
   */
  reschedule(input: RescheduleVisitInput): Promise<Visit> {
    return this.em.transactional(async (em) => {
      const found = isUuid(input.visitId) ? await em.findOne(Visit, { id: input.visitId }) : null;
      if (!found) throw new NotFoundError('Посещение', input.visitId);
      await lockRecipient(em, found.recipientId);
      await this.scope.person(found.recipientId);
      await em.refresh(found);
      assertNotRecorded(found);
      const before = snapshotVisit(found);
      const plan = await planOn(em, found.recipientId, localDateOf(input.plannedAt, TIME_ZONE));
      found.staffMember = await staffOfProvider(
        em,
        input.staffMemberId ?? found.staffMember.id,
        plan.provider,
      );
      found.plannedAt = input.plannedAt;
      await em.flush();
      this.audit?.change({
        recipientId: found.recipientId,
        entity: 'Visit',
        entityId: found.id,
        action: 'update',
        before,
        after: snapshotVisit(found),
      });
      return found;
    });
  }

  /**
   * Records whether the visit took place and its hours, once; at most 24 hours a person a day.
   */
  record(input: RecordVisitInput, now: Date): Promise<Visit> {
    return this.em.transactional(async (em) => {
      const found = isUuid(input.visitId) ? await em.findOne(Visit, { id: input.visitId }) : null;
      if (!found) throw new NotFoundError('Посещение', input.visitId);
      await lockRecipient(em, found.recipientId);
      await this.scope.person(found.recipientId);
      // Read again under the person's lock: two forms sent at once must not both pass the check.
      await em.refresh(found);
      assertNotRecorded(found);
      const hours = input.delivered ? (input.hoursDelivered ?? null) : null;
      if (input.delivered) {
        if (hours === null) {
          throw new ValidationError(
            'Укажите, сколько часов заняло посещение',
            'hoursDelivered',
            'HOURS_REQUIRED',
          );
        }
        if (found.plannedAt.getTime() > now.getTime()) {
          throw new ValidationError(
            'Нельзя отметить проведённым посещение, время которого не наступило',
            'visitId',
            'VISIT_IN_FUTURE',
          );
        }
        const day = localDateOf(found.plannedAt, TIME_ZONE);
        const rows: { total: string | null }[] = await em.getConnection().execute(
          `select sum(hours_delivered) as total from social.visit
            where recipient_id = ? and delivered and id <> ?
              and (planned_at at time zone '${TIME_ZONE}')::date = ?::date`,
          [found.recipientId, found.id, day],
          'all',
          em.getTransactionContext(),
        );
        const other = Number(rows[0]?.total ?? 0);
        if (other + hours > MAX_HOURS_PER_DAY) {
          throw new ValidationError(
            `За ${day} получателю уже оказано ${other} ч; вместе с этим посещением больше 24 часов в сутки`,
            'hoursDelivered',
            'DAILY_HOURS_EXCEEDED',
            { day, alreadyDelivered: other },
          );
        }
      }
      const before = snapshotVisit(found);
      found.delivered = input.delivered;
      found.hoursDelivered = hours;
      found.recordedAt = now;
      await em.flush();
      this.audit?.change({
        recipientId: found.recipientId,
        entity: 'Visit',
        entityId: found.id,
        action: 'update',
        before,
        after: snapshotVisit(found),
      });
      return found;
    });
  }
}

/** The weeks asked for must be a real range of at most a year. */
export function checkWeekRange(from: string, to: string): void {
  if (to < from) throw new ValidationError('Конец периода раньше начала', 'to', 'PERIOD_INVALID');
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (days > 371) throw new ValidationError('Период не длиннее 53 недель', 'to', 'PERIOD_INVALID');
}
