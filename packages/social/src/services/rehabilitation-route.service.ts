import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type AuditTrail, ConflictError, isUuid, NotFoundError } from '@sl/core';
import { Provider } from '../provider/provider.entity.js';
import { RehabilitationRoute, RouteGoal } from './rehabilitation-route.entity.js';
import { lockRecipient } from './service-plan.service.js';
import type {
  AddRouteGoalInput,
  CreateRehabilitationRouteInput,
  SetGoalStatusInput,
} from './services.inputs.js';
import { type ServiceWriteScope, UNSCOPED } from './write-scope.js';

const snapshotGoal = (g: RouteGoal) => ({
  id: g.id,
  routeId: g.route.id,
  text: g.text,
  targetDate: g.targetDate,
  status: g.status,
});

export class RehabilitationRouteService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit?: AuditTrail,
    private readonly scope: ServiceWriteScope = UNSCOPED,
  ) {}

  /** One route per participant, drawn up by the serving organisation (002 §10). */
  create(input: CreateRehabilitationRouteInput, today: string): Promise<RehabilitationRoute> {
    return this.em
      .transactional(async (em) => {
        this.scope.provider(input.providerId);
        await lockRecipient(em, input.recipientId);
        await this.scope.person(input.recipientId);
        if (await em.count(RehabilitationRoute, { recipientId: input.recipientId })) {
          throw new ConflictError(
            'ROUTE_EXISTS',
            'У получателя уже есть индивидуальный реабилитационный маршрут',
            {
              field: 'recipientId',
            },
          );
        }
        const provider = await em.findOne(Provider, { id: input.providerId });
        if (!provider) throw new NotFoundError('Поставщик социальных услуг', input.providerId);
        const route = em.create(RehabilitationRoute, {
          recipientId: input.recipientId,
          provider,
          approvedOn: input.approvedOn ?? today,
        });
        const goals = input.goals.map((g) =>
          em.create(RouteGoal, {
            route,
            recipientId: input.recipientId,
            text: g.text.trim(),
            targetDate: g.targetDate,
          }),
        );
        await em.flush();
        this.audit?.change({
          recipientId: input.recipientId,
          entity: 'RehabilitationRoute',
          entityId: route.id,
          action: 'create',
          before: null,
          after: {
            id: route.id,
            providerId: provider.id,
            approvedOn: route.approvedOn,
            goals: goals.map(snapshotGoal),
          },
        });
        return route;
      })
      .catch((error: unknown) => {
        if (error instanceof UniqueConstraintViolationException) {
          throw new ConflictError(
            'ROUTE_EXISTS',
            'У получателя уже есть индивидуальный реабилитационный маршрут',
          );
        }
        throw error;
      });
  }

  addGoal(input: AddRouteGoalInput): Promise<RouteGoal> {
    return this.em.transactional(async (em) => {
      const route = isUuid(input.routeId)
        ? await em.findOne(RehabilitationRoute, { id: input.routeId })
        : null;
      if (!route) throw new NotFoundError('Реабилитационный маршрут', input.routeId);
      await this.scope.person(route.recipientId);
      const goal = em.create(RouteGoal, {
        route,
        recipientId: route.recipientId,
        text: input.text.trim(),
        targetDate: input.targetDate,
      });
      await em.flush();
      this.audit?.change({
        recipientId: route.recipientId,
        entity: 'RouteGoal',
        entityId: goal.id,
        action: 'create',
        before: null,
        after: snapshotGoal(goal),
      });
      return goal;
    });
  }

  setStatus(input: SetGoalStatusInput): Promise<RouteGoal> {
    return this.em.transactional(async (em) => {
      const goal = isUuid(input.goalId) ? await em.findOne(RouteGoal, { id: input.goalId }) : null;
      if (!goal) throw new NotFoundError('Цель маршрута', input.goalId);
      await this.scope.person(goal.recipientId);
      const before = snapshotGoal(goal);
      goal.status = input.status;
      await em.flush();
      this.audit?.change({
        recipientId: goal.recipientId,
        entity: 'RouteGoal',
        entityId: goal.id,
        action: 'update',
        before,
        after: snapshotGoal(goal),
      });
      return goal;
    });
  }
}
