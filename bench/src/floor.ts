import { createServer } from 'node:http';
import pg from 'pg';

/**
 * The floor: the least a server can do to answer the card and the list page over HTTP — a pool,
 * one hand-written SQL statement per request, JSON out. No GraphQL, no authentication, no audit.
 * The gateway's throughput is reported as a ratio of this one's, measured in the same session on
 * the same database, so the ratio says what the graph's machinery costs on this machine.
 */

/** The card's data (the dashboard's card for a coordinator) across the four ministries' schemas. */
export const CARD_SQL = `
select json_build_object(
  'id', r.id, 'snils', r.snils, 'lastName', r.last_name, 'firstName', r.first_name,
  'patronymic', r.patronymic, 'birthDate', r.birth_date, 'sex', r.sex, 'municipality', r.municipality,
  'version', r.version, 'address', r.address, 'phone', r.phone, 'email', r.email,
  'legalCapacity', r.legal_capacity, 'disabilityGroup', r.disability_group, 'ipraNumber', r.ipra_number,
  'ipraDate', r.ipra_date, 'autonomyDegree', r.autonomy_degree,
  'applications', (select coalesce(json_agg(json_build_object('id', a.id, 'submittedOn', a.submitted_on,
      'status', a.status, 'decisionDueOn', a.decision_due_on, 'decision', a.decision, 'decidedOn', a.decided_on)
      order by a.submitted_on), '[]') from social.application a where a.recipient_id = r.id),
  'assessments', (select coalesce(json_agg(json_build_object('id', s.id, 'assessedOn', s.assessed_on,
      'assessor', s.assessor, 'score', s.score, 'degree', s.degree, 'reassessmentDueOn', s.reassessment_due_on)
      order by s.assessed_on), '[]') from social.assessment s where s.recipient_id = r.id),
  'interagencyRequests', (select coalesce(json_agg(json_build_object('id', q.id, 'agency', q.agency,
      'subject', q.subject, 'sentOn', q.sent_on, 'dueOn', q.due_on, 'answeredOn', q.answered_on)
      order by q.sent_on), '[]') from social.interagency_request q where q.recipient_id = r.id),
  'stages', (select coalesce(json_agg(json_build_object('id', st.id, 'kind', st.kind, 'startedOn', st.started_on,
      'endedOn', st.ended_on, 'current', st.ended_on is null, 'providerId', st.provider_id,
      'serviceType', st.service_type) order by st.started_on), '[]') from social.stage st where st.recipient_id = r.id),
  'visits', (select coalesce(json_agg(json_build_object('id', v.id, 'plannedAt', v.planned_at,
      'delivered', v.delivered, 'hoursDelivered', v.hours_delivered, 'staffMember',
      json_build_object('id', m.id, 'fullName', m.full_name, 'role', m.role)) order by v.planned_at), '[]')
      from social.visit v join social.staff_member m on m.id = v.staff_member_id
      where v.recipient_id = r.id and v.planned_at >= $2::date and v.planned_at < $3::date + 1),
  'housing', json_build_object('current', (select json_build_object('id', o.id, 'fromDate', o.from_date,
      'unit', json_build_object('id', u.id, 'address', u.address, 'municipality', u.municipality, 'kind', u.kind))
      from social.housing_occupancy o join social.housing_unit u on u.id = o.unit_id
      where o.recipient_id = r.id and o.from_date <= current_date and (o.to_date is null or o.to_date >= current_date)
      order by o.from_date desc limit 1)),
  'servicePlans', (select coalesce(json_agg(json_build_object('id', p.id, 'hoursPerWeek', p.hours_per_week,
      'fromDate', p.from_date) order by p.from_date), '[]') from social.service_plan p where p.recipient_id = r.id),
  'medicalConclusions', (select coalesce(json_agg(json_build_object('id', c.id, 'issuedOn', c.issued_on,
      'contraindicationsPresent', c.contraindications_present, 'organisation', c.organisation,
      'validUntil', c.valid_until) order by c.issued_on), '[]') from health.medical_conclusion c where c.recipient_id = r.id),
  'enrolments', (select coalesce(json_agg(json_build_object('id', e.id, 'level', e.level, 'organisation', e.organisation,
      'programme', e.programme, 'form', e.form, 'startDate', e.start_date, 'endDate', e.end_date, 'status', e.status)
      order by e.start_date), '[]') from education.enrolment e where e.recipient_id = r.id),
  'pmpkRecommendations', (select coalesce(json_agg(json_build_object('id', k.id, 'issuedOn', k.issued_on,
      'commission', k.commission, 'programme', k.programme, 'conditions', k.conditions) order by k.issued_on), '[]')
      from education.pmpk_recommendation k where k.recipient_id = r.id),
  'guidanceSessions', (select coalesce(json_agg(json_build_object('id', g.id, 'heldOn', g.held_on,
      'organisation', g.organisation, 'suggestedProfessions', g.suggested_professions) order by g.held_on), '[]')
      from education.guidance_session g where g.recipient_id = r.id),
  'placements', (select coalesce(json_agg(json_build_object('id', pl.id, 'employer',
      json_build_object('id', em.id, 'name', em.name), 'position', pl.position, 'workKind', pl.work_kind,
      'startDate', pl.start_date, 'endDate', pl.end_date, 'supported', pl.supported, 'quota', pl.quota)
      order by pl.start_date), '[]')
      from employment.placement pl join employment.employer em on em.id = pl.employer_id where pl.recipient_id = r.id),
  'workRecommendations', (select coalesce(json_agg(json_build_object('id', w.id, 'workKind', w.work_kind,
      'verdict', w.verdict, 'ipraNumber', w.ipra_number)), '[]')
      from employment.work_recommendation w where w.recipient_id = r.id)
) as card
from social.recipient r where r.id = $1`;

/** One keyset page of the filtered, sorted list (birth date, newest first) with its total. */
export const LIST_SQL = `
with page as (
  select r.id, r.snils, r.last_name as "lastName", r.first_name as "firstName", r.patronymic,
         r.birth_date as "birthDate", r.municipality, r.autonomy_degree as "autonomyDegree",
         (select json_build_object('id', st.id, 'kind', st.kind, 'providerId', st.provider_id)
            from social.stage st where st.recipient_id = r.id and st.ended_on is null limit 1) as "currentStage"
    from social.recipient r
   -- A row comparison is one range of the (municipality, birth_date, id) index; the OR form is not.
   where r.municipality = $1 and (r.birth_date, r.id) < ($2::date, $3::uuid)
   order by r.birth_date desc, r.id desc
   limit $4::int + 1)
select (select count(*)::int from social.recipient where municipality = $1) as "totalCount",
       coalesce((select json_agg(page) from page), '[]') as rows`;

export function startFloor(databaseUrl: string, port: number, poolSize: number) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://floor');
    try {
      let body: unknown;
      if (url.pathname === '/readyz') body = (await pool.query('select 1 as ok')).rows[0];
      else if (url.pathname === '/card') {
        const q = url.searchParams;
        body = (await pool.query(CARD_SQL, [q.get('id'), q.get('from'), q.get('to')])).rows[0]?.card ?? null;
      } else if (url.pathname === '/list') {
        const q = url.searchParams;
        const { rows } = await pool.query(LIST_SQL, [
          q.get('municipality'),
          q.get('birthDate'),
          q.get('id'),
          Number(q.get('first') ?? 25),
        ]);
        const page = rows[0] as { totalCount: number; rows: unknown[] };
        const first = Number(q.get('first') ?? 25);
        body = {
          totalCount: page.totalCount,
          hasNextPage: page.rows.length > first,
          rows: page.rows.slice(0, first),
        };
      } else {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    } catch (error) {
      res
        .writeHead(500, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: String(error) }));
    }
  });
  server.keepAliveTimeout = 60_000;
  server.listen(port, '127.0.0.1');
  return {
    server,
    async stop() {
      await new Promise((r) => server.close(r));
      await pool.end();
    },
  };
}

// Run as its own process (like the gateway) so that the load generator does not share its thread.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const floor = startFloor(url, Number(process.env.PORT ?? 4100), Number(process.env.FLOOR_POOL_MAX ?? 10));
  const stop = () => void floor.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
