import type { EntityManager } from '@mikro-orm/postgresql';
import { TIME_ZONE } from '../common/time-zone.js';

export interface WeeklyHoursRow {
  recipientId: string;
  weekStart: string;
  planned: number;
  delivered: number;
}

/**
 * Planned vs delivered hours per week (Monday to Sunday) for many people in one statement.
 * Planned hours of a plan that covers only part of a week count for the days it covers.
 */
export async function weeklyHours(
  em: EntityManager,
  recipientIds: readonly string[],
  from: string,
  to: string,
): Promise<WeeklyHoursRow[]> {
  const rows: { recipient_id: string; week_start: string; planned: string; delivered: string }[] = await em
    .getConnection()
    .execute(
      `with weeks as (
         select d::date as week_start
           from generate_series(date_trunc('week', ?::timestamp), ?::timestamp, interval '7 days') as d
       ), people as (select unnest(?::uuid[]) as recipient_id)
       select p.recipient_id, to_char(w.week_start, 'YYYY-MM-DD') as week_start,
         coalesce((select round(sum(sp.hours_per_week
                      * ((least(coalesce(sp.to_date, 'infinity'::date), w.week_start + 6)
                          - greatest(sp.from_date, w.week_start) + 1)::numeric / 7)), 2)
                     from social.service_plan sp
                    where sp.recipient_id = p.recipient_id
                      and sp.from_date <= w.week_start + 6
                      and coalesce(sp.to_date, 'infinity'::date) >= w.week_start), 0) as planned,
         coalesce((select sum(v.hours_delivered) from social.visit v
                    where v.recipient_id = p.recipient_id and v.delivered
                      and (v.planned_at at time zone '${TIME_ZONE}')::date between w.week_start and w.week_start + 6), 0)
           as delivered
         from people p cross join weeks w
        order by p.recipient_id, w.week_start`,
      [from, to, `{${recipientIds.join(',')}}`],
    );
  return rows.map((r) => ({
    recipientId: r.recipient_id,
    weekStart: r.week_start,
    planned: Number(r.planned),
    delivered: Number(r.delivered),
  }));
}
