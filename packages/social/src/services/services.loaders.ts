import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { singleLoader } from '@sl/core';
import DataLoader from 'dataloader';
import { RehabilitationRoute, RouteGoal } from './rehabilitation-route.entity.js';
import { ServicePlan } from './service-plan.entity.js';
import { StaffMember } from './staff-member.entity.js';
import { TeamAssignment } from './team-assignment.entity.js';
import { Visit } from './visit.entity.js';
import { type WeeklyHoursRow, weeklyHours } from './weekly-hours.sql.js';

function byRecipient<T extends { recipientId: string }>(
  em: EntityManager,
  entity: new () => T,
  extra: FilterQuery<T>,
  orderBy: Record<string, 'asc' | 'desc'>,
  populate: string[] = [],
) {
  return new DataLoader<string, T[]>(async (ids) => {
    const rows = await em.find(entity, { recipientId: { $in: [...ids] }, ...extra } as FilterQuery<T>, {
      orderBy: orderBy as never,
      populate: populate as never,
    });
    const groups = new Map<string, T[]>(ids.map((id) => [id, []]));
    for (const row of rows) groups.get(row.recipientId)?.push(row);
    return ids.map((id) => groups.get(id) ?? []);
  });
}

/** One loader per argument set (a period), each batching every person of the page. */
function perPeriod<V>(make: (from: string, to: string) => DataLoader<string, V>) {
  const loaders = new Map<string, DataLoader<string, V>>();
  return (from: string, to: string) => {
    const key = `${from}|${to}`;
    let loader = loaders.get(key);
    if (!loader) {
      loader = make(from, to);
      loaders.set(key, loader);
    }
    return loader;
  };
}

export function createServicesLoaders(em: EntityManager) {
  return {
    // The provider comes with the row: loading it separately would batch by timing (one or two
    // statements for the same page, since staff members, plans and routes arrive at different ticks).
    staffMemberById: singleLoader(em, StaffMember, 'id', ['provider']),
    routeByRecipient: singleLoader(em, RehabilitationRoute, 'recipientId', ['provider']),
    goalsByRoute: new DataLoader<string, RouteGoal[]>(async (ids) => {
      const rows = await em.find(
        RouteGoal,
        { route: { $in: [...ids] } },
        { orderBy: { targetDate: 'asc', id: 'asc' } },
      );
      const groups = new Map<string, RouteGoal[]>(ids.map((id) => [id, []]));
      for (const row of rows) groups.get(row.route.id)?.push(row);
      return ids.map((id) => groups.get(id) ?? []);
    }),
    plansByRecipient: byRecipient(em, ServicePlan, {}, { fromDate: 'desc', id: 'asc' }, ['provider']),
    teamByRecipient: byRecipient(em, TeamAssignment, { toDate: null }, { fromDate: 'asc', id: 'asc' }, [
      'staffMember',
      'staffMember.provider',
    ]),
    visitsByRecipient: perPeriod(
      (from, to) =>
        new DataLoader<string, Visit[]>(async (ids) => {
          // The region's calendar days as instants: Moscow time has no daylight saving since 2014.
          const start = new Date(`${from}T00:00:00+03:00`);
          const end = new Date(new Date(`${to}T00:00:00+03:00`).getTime() + 86_400_000);
          const visits = await em.find(
            Visit,
            { recipientId: { $in: [...ids] }, plannedAt: { $gte: start, $lt: end } },
            { orderBy: { plannedAt: 'asc', id: 'asc' }, populate: ['staffMember', 'staffMember.provider'] },
          );
          const groups = new Map<string, Visit[]>(ids.map((id) => [id, []]));
          for (const v of visits) groups.get(v.recipientId)?.push(v);
          return ids.map((id) => groups.get(id) ?? []);
        }),
    ),
    weeklyHours: perPeriod(
      (from, to) =>
        new DataLoader<string, WeeklyHoursRow[]>(async (ids) => {
          const rows = await weeklyHours(em, ids, from, to);
          const groups = new Map<string, WeeklyHoursRow[]>(ids.map((id) => [id, []]));
          for (const row of rows) groups.get(row.recipientId)?.push(row);
          return ids.map((id) => groups.get(id) ?? []);
        }),
    ),
  };
}
