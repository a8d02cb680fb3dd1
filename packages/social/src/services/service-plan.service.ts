import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type AuditTrail,
  ConflictError,
  isUuid,
  NotFoundError,
  RecipientNotFoundError,
  ValidationError,
} from '@sl/core';
import { Assessment, HoursPer } from '../assessment/assessment.entity.js';
import { Provider } from '../provider/provider.entity.js';
import { Recipient } from '../recipient/recipient.entity.js';
import { ServicePlan } from './service-plan.entity.js';
import type { CloseServicePlanInput, CreateServicePlanInput, TeamMemberInput } from './services.inputs.js';
import { StaffMember } from './staff-member.entity.js';
import { TeamAssignment } from './team-assignment.entity.js';
import { type ServiceWriteScope, UNSCOPED } from './write-scope.js';

export const snapshotPlan = (p: ServicePlan) => ({
  id: p.id,
  recipientId: p.recipientId,
  providerId: p.provider.id,
  hoursPerWeek: p.hoursPerWeek,
  fromDate: p.fromDate,
  toDate: p.toDate,
});
const snapshotTeam = (a: TeamAssignment) => ({
  id: a.id,
  recipientId: a.recipientId,
  staffMemberId: a.staffMember.id,
  fromDate: a.fromDate,
  toDate: a.toDate,
});

/** Locks the person's row: changes to one person's plan, team and visits are serialised. */
export async function lockRecipient(em: EntityManager, id: string): Promise<Recipient> {
  const found = isUuid(id)
    ? await em.findOne(Recipient, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true })
    : null;
  if (!found) throw new RecipientNotFoundError(id);
  return found;
}

/** The plan running on `date`, whose provider serves the person then. */
export async function planOn(em: EntityManager, recipientId: string, date: string): Promise<ServicePlan> {
  const plan = await em.findOne(
    ServicePlan,
    { recipientId, fromDate: { $lte: date }, $or: [{ toDate: null }, { toDate: { $gte: date } }] },
    { populate: ['provider'] },
  );
  if (!plan) {
    throw new ValidationError(
      `На ${date} у получателя нет действующего плана обслуживания`,
      'recipientId',
      'NO_SERVICE_PLAN',
    );
  }
  return plan;
}

export async function staffOfProvider(em: EntityManager, staffMemberId: string, provider: Provider) {
  const staff = await em.findOne(StaffMember, { id: staffMemberId }, { populate: ['provider'] });
  if (!staff) throw new NotFoundError('Сотрудник', staffMemberId);
  // seed 002 §13: the team is formed by the organisation that serves the person
  if (staff.provider.id !== provider.id) {
    throw new ValidationError(
      `Сотрудник работает не у поставщика, обслуживающего получателя («${provider.shortName}»)`,
      'staffMemberId',
      'STAFF_NOT_OF_PROVIDER',
    );
  }
  return staff;
}

/**
 * Seed 001 §9.1 (Murmansk's modes, 002 §15.3): the volume of services follows the degree. The
 * plan's weekly hours must lie within the range of the service type the person's latest assessment
 * gave (hours a day count seven times a week), unless the coordinator records why not. Returns the
 * reason to keep (null when the hours fit).
 */
export async function checkHoursAgainstAssessment(
  em: EntityManager,
  input: Pick<CreateServicePlanInput, 'recipientId' | 'hoursPerWeek' | 'hoursOverrideReason'>,
  fromDate: string,
): Promise<string | null> {
  const assessment = await em.findOne(
    Assessment,
    { recipientId: input.recipientId, assessedOn: { $lte: fromDate }, annulledAt: null },
    { orderBy: { assessedOn: 'desc', createdAt: 'desc' } },
  );
  const reason = input.hoursOverrideReason?.trim() || null;
  if (!assessment) return reason;
  const range = weeklyRange(assessment);
  if (input.hoursPerWeek >= range.min && input.hoursPerWeek <= range.max) return null;
  if (reason) return reason;
  throw new ValidationError(
    `По оценке от ${assessment.assessedOn} определён тип «${assessment.serviceTypeName}»: от ${range.min} до ${range.max} часов в неделю; другое число часов — только с обоснованием`,
    'hoursPerWeek',
    'PLAN_HOURS_OUT_OF_ASSESSED_RANGE',
    { min: range.min, max: range.max, serviceType: assessment.serviceTypeCode },
  );
}

/** The assessed type's hours as hours a week. */
export function weeklyRange(a: Pick<Assessment, 'hoursMin' | 'hoursMax' | 'hoursPer'>) {
  const factor = a.hoursPer === HoursPer.DAY ? 7 : 1;
  return { min: a.hoursMin * factor, max: a.hoursMax * factor };
}

export class ServicePlanService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit?: AuditTrail,
    private readonly scope: ServiceWriteScope = UNSCOPED,
  ) {}

  createPlan(input: CreateServicePlanInput, today: string): Promise<ServicePlan> {
    const fromDate = input.fromDate ?? today;
    const toDate = input.toDate ?? null;
    return this.em
      .transactional(async (em) => {
        if (toDate !== null && toDate < fromDate) {
          throw new ValidationError('Дата окончания плана раньше даты начала', 'toDate', 'DATE_ORDER');
        }
        this.scope.provider(input.providerId);
        await lockRecipient(em, input.recipientId);
        // The plan of provider staff needs the person already in their provider's scope.
        await this.scope.person(input.recipientId);
        const provider = await em.findOne(Provider, { id: input.providerId });
        if (!provider) throw new NotFoundError('Поставщик социальных услуг', input.providerId);
        const overlapping = await em.count(ServicePlan, {
          recipientId: input.recipientId,
          $or: [{ toDate: null }, { toDate: { $gte: fromDate } }],
          ...(toDate ? { fromDate: { $lte: toDate } } : {}),
        });
        if (overlapping > 0) {
          throw new ConflictError(
            'SERVICE_PLAN_OVERLAP',
            'На эти даты у получателя уже есть план обслуживания: сначала закройте его',
            { field: 'fromDate' },
          );
        }
        const hoursOverrideReason = await checkHoursAgainstAssessment(em, input, fromDate);
        const plan = em.create(ServicePlan, {
          recipientId: input.recipientId,
          provider,
          hoursPerWeek: input.hoursPerWeek,
          fromDate,
          toDate,
          hoursOverrideReason,
        });
        await em.flush();
        this.audit?.change({
          recipientId: plan.recipientId,
          entity: 'ServicePlan',
          entityId: plan.id,
          action: 'create',
          before: null,
          after: snapshotPlan(plan),
        });
        return plan;
      })
      .catch(rethrowUnique('SERVICE_PLAN_OVERLAP', 'У получателя уже есть действующий план обслуживания'));
  }

  closePlan(input: CloseServicePlanInput, today: string): Promise<ServicePlan> {
    const date = input.date ?? today;
    return this.em.transactional(async (em) => {
      await lockRecipient(em, input.recipientId);
      await this.scope.person(input.recipientId);
      const plan = await em.findOne(
        ServicePlan,
        { recipientId: input.recipientId, toDate: null },
        { populate: ['provider'] },
      );
      if (!plan)
        throw new ValidationError('У получателя нет действующего плана', 'recipientId', 'NO_SERVICE_PLAN');
      if (date < plan.fromDate) {
        throw new ValidationError(
          `Дата окончания раньше начала плана (${plan.fromDate})`,
          'date',
          'DATE_BEFORE_START',
        );
      }
      const before = snapshotPlan(plan);
      plan.toDate = date;
      await em.flush();
      this.audit?.change({
        recipientId: plan.recipientId,
        entity: 'ServicePlan',
        entityId: plan.id,
        action: 'update',
        before,
        after: snapshotPlan(plan),
      });
      return plan;
    });
  }

  addTeamMember(input: TeamMemberInput, today: string): Promise<TeamAssignment> {
    const date = input.date ?? today;
    return this.em
      .transactional(async (em) => {
        await lockRecipient(em, input.recipientId);
        await this.scope.person(input.recipientId);
        const plan = await planOn(em, input.recipientId, date);
        const staffMember = await staffOfProvider(em, input.staffMemberId, plan.provider);
        if (await em.count(TeamAssignment, { recipientId: input.recipientId, staffMember, toDate: null })) {
          throw new ConflictError('ALREADY_IN_TEAM', 'Сотрудник уже входит в команду получателя', {
            field: 'staffMemberId',
          });
        }
        const assignment = em.create(TeamAssignment, {
          recipientId: input.recipientId,
          staffMember,
          fromDate: date,
        });
        await em.flush();
        this.audit?.change({
          recipientId: input.recipientId,
          entity: 'TeamAssignment',
          entityId: assignment.id,
          action: 'create',
          before: null,
          after: snapshotTeam(assignment),
        });
        return assignment;
      })
      .catch(rethrowUnique('ALREADY_IN_TEAM', 'Сотрудник уже входит в команду получателя'));
  }

  removeTeamMember(input: TeamMemberInput, today: string): Promise<TeamAssignment> {
    const date = input.date ?? today;
    return this.em.transactional(async (em) => {
      await lockRecipient(em, input.recipientId);
      await this.scope.person(input.recipientId);
      const assignment = await em.findOne(TeamAssignment, {
        recipientId: input.recipientId,
        staffMember: input.staffMemberId,
        toDate: null,
      });
      if (!assignment) {
        throw new ValidationError('Сотрудник не входит в команду получателя', 'staffMemberId', 'NOT_IN_TEAM');
      }
      if (date < assignment.fromDate) {
        throw new ValidationError(
          'Дата выхода из команды раньше даты включения',
          'date',
          'DATE_BEFORE_START',
        );
      }
      const before = snapshotTeam(assignment);
      assignment.toDate = date;
      await em.flush();
      this.audit?.change({
        recipientId: input.recipientId,
        entity: 'TeamAssignment',
        entityId: assignment.id,
        action: 'update',
        before,
        after: snapshotTeam(assignment),
      });
      return assignment;
    });
  }

  /**
   * Ends the person's service plan and team on `date` (termination, 001 §17), keeping the history.
   * Runs in the caller's transaction; a plan that starts after `date` ends on its first day.
   */
  static async closeAll(
    em: EntityManager,
    recipientId: string,
    date: string,
    audit?: AuditTrail,
  ): Promise<{ plans: ServicePlan[]; team: TeamAssignment[] }> {
    const plans = await em.find(
      ServicePlan,
      { recipientId, $or: [{ toDate: null }, { toDate: { $gt: date } }] },
      { populate: ['provider'] },
    );
    const team = await em.find(TeamAssignment, {
      recipientId,
      $or: [{ toDate: null }, { toDate: { $gt: date } }],
    });
    const close = <T extends { toDate: string | null; fromDate: string }>(row: T) => {
      row.toDate = date < row.fromDate ? row.fromDate : date;
    };
    for (const plan of plans) {
      const before = snapshotPlan(plan);
      close(plan);
      audit?.change({
        recipientId,
        entity: 'ServicePlan',
        entityId: plan.id,
        action: 'update',
        before,
        after: snapshotPlan(plan),
      });
    }
    for (const member of team) {
      const before = snapshotTeam(member);
      close(member);
      audit?.change({
        recipientId,
        entity: 'TeamAssignment',
        entityId: member.id,
        action: 'update',
        before,
        after: snapshotTeam(member),
      });
    }
    await em.flush();
    return { plans, team };
  }
}

function rethrowUnique(code: string, message: string) {
  return (error: unknown): never => {
    if (error instanceof UniqueConstraintViolationException) throw new ConflictError(code, message);
    throw error;
  };
}
