// The SQL pieces every deadline source shares (deadline.sources.ts, case-rules.sources.ts), apart
// from the sources themselves so that neither file imports the other.

/** Only SERVICE_HOURS rows carry hours; the other sources give these two columns empty. */
export const NO_HOURS = 'null::numeric as hours_planned, null::numeric as hours_delivered';

/** A due date counts when it has passed, or (asked for `upcoming`) falls within the horizon. */
export const due = (column: string) =>
  `(${column} < p.today or (p.upcoming and ${column} <= p.today + p.horizon))`;

/**
 * The provider serving a person now: that of the current stage, else that of the open service
 * plan (both parts record it; demo and services keep them the same).
 */
export function currentProviderOf(recipient: string): string {
  return `coalesce(
    (select st.provider_id from social.stage st where st.recipient_id = ${recipient} and st.ended_on is null),
    (select sp.provider_id from social.service_plan sp where sp.recipient_id = ${recipient} and sp.to_date is null
     order by sp.from_date desc limit 1))`;
}
