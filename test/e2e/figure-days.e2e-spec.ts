import { DEMO_TODAY, ManualClock } from '@sl/core';
import pg from 'pg';
import { startTestSystem, type TestSystem } from '../support/system.js';

/**
 * The Council's figures are kept by triggers as the records change (each subgraph's `figure_days`
 * migration) instead of being counted per request. Each figure here is also counted the direct
 * way, from its definition over the records, and the two must agree on every date and scope —
 * on the demo data and again after a mix of changes that exercise every trigger: moves between
 * municipalities, overlapping periods, ties, terminations, deletions, an employer that moves.
 */

const DATES = [
  '2023-12-31',
  '2024-06-30',
  '2025-03-31',
  '2025-12-31',
  '2026-06-30',
  DEMO_TODAY,
  '2027-12-31',
];
const KEYS = `k(scope, as_of) as (select s, d from unnest($1::text[]) s cross join unnest($2::date[]) d)`;
const IN_SCOPE = (column: string) => `(k.scope = 'region' or ${column} = k.scope)`;

/** The direct counts: `figure`, `dim`, `n` per key, one statement per subgraph. */
const DIRECT: Record<string, string> = {
  social: `with ${KEYS}
    select k.scope, k.as_of, 'app.submitted' as figure, '' as dim, count(*) as n
      from k join social.application a on a.submitted_on <= k.as_of
      join social.recipient r on r.id = a.recipient_id and ${IN_SCOPE('r.municipality')} group by 1, 2
    union all
    select k.scope, k.as_of, 'app.decided', '', count(*) from k join social.application a
      on a.submitted_on <= k.as_of and a.decided_on <= k.as_of
      join social.recipient r on r.id = a.recipient_id and ${IN_SCOPE('r.municipality')} group by 1, 2
    union all
    -- seed 001 §14: on time means decided within the 10 calendar days
    select k.scope, k.as_of, 'app.on_time', '', count(*) from k join social.application a
      on a.submitted_on <= k.as_of and a.decided_on <= k.as_of and a.decided_on <= a.decision_due_on
      join social.recipient r on r.id = a.recipient_id and ${IN_SCOPE('r.municipality')} group by 1, 2
    union all
    select k.scope, k.as_of, 'app.pending_overdue', '', count(*) from k join social.application a
      on a.submitted_on <= k.as_of and (a.decided_on is null or a.decided_on > k.as_of) and a.decision_due_on < k.as_of
      join social.recipient r on r.id = a.recipient_id and ${IN_SCOPE('r.municipality')} group by 1, 2
    union all
    select k.scope, k.as_of, 'stage', s.kind::text, count(distinct s.recipient_id) from k
      join social.stage s on s.started_on <= k.as_of and (s.ended_on is null or s.ended_on > k.as_of)
      join social.recipient r on r.id = s.recipient_id and ${IN_SCOPE('r.municipality')} group by 1, 2, 4
    union all
    select la.scope, la.as_of, f.figure, f.dim, count(*) from (
      select k.scope, k.as_of, l.* from k cross join lateral (
        select distinct on (a.recipient_id) a.degree, a.service_type_code, a.service_type_name, a.reassessment_due_on
        from social.assessment a join social.recipient r on r.id = a.recipient_id
        where a.assessed_on <= k.as_of and ${IN_SCOPE('r.municipality')}
          and not exists (select 1 from social.stage t where t.recipient_id = a.recipient_id
            and t.end_reason = 'TERMINATED' and t.ended_on <= k.as_of)
        order by a.recipient_id, a.assessed_on desc, a.created_at desc) l) la
    cross join lateral (values ('asm.degree', la.degree::text, true),
      ('asm.type', la.service_type_code || chr(31) || la.service_type_name, true),
      ('asm.overdue', '', la.reassessment_due_on < la.as_of)) f(figure, dim, counted)
    where f.counted group by 1, 2, 3, 4
    union all
    select k.scope, k.as_of, f.figure, u.kind::text, sum(f.n) from k
      join social.housing_unit u on ${IN_SCOPE('u.municipality')}
      cross join lateral (values ('housing.units', 1), ('housing.places', u.places),
        ('housing.occupied', (select count(*)::int from social.housing_occupancy h where h.unit_id = u.id
          and h.from_date <= k.as_of and (h.to_date is null or h.to_date > k.as_of)))) f(figure, n)
      group by 1, 2, 3, 4`,
  health: `with ${KEYS}
    select k.scope, k.as_of, f.figure, '' as dim, f.n from k cross join lateral (values
      ('conclusion.issued', (select count(*) from health.medical_conclusion c where c.issued_on <= k.as_of)),
      ('conclusion.contraindicated', (select count(*) from health.medical_conclusion c
        where c.issued_on <= k.as_of and c.contraindications_present)),
      ('conclusion.valid', (select count(*) from health.medical_conclusion c where c.issued_on <= k.as_of
        and (c.valid_until is null or c.valid_until >= k.as_of))),
      ('answer', (select count(*) from health.request_answer a where a.answered_on <= k.as_of)),
      ('rehabilitation', (select count(distinct e.recipient_id) from health.rehabilitation_episode e
        where e.start_date <= k.as_of and (e.end_date is null or e.end_date >= k.as_of))),
      ('mobile_visit', (select count(*) from health.mobile_team_visit v where v.visited_on <= k.as_of))) f(figure, n)
    where k.scope = 'region'`,
  education: `with ${KEYS}
    select k.scope, k.as_of, f.figure, f.dim, f.n from k cross join lateral (
      select 'studying' as figure, '' as dim, count(distinct e.recipient_id) as n from education.enrolment e
        where e.start_date <= k.as_of and (e.end_date is null or e.end_date >= k.as_of)
      union all
      select 'studying.level', e.level::text, count(distinct e.recipient_id) from education.enrolment e
        where e.start_date <= k.as_of and (e.end_date is null or e.end_date >= k.as_of) group by e.level
      union all
      select 'completed', '', count(*) from education.enrolment e where e.status = 'COMPLETED' and e.end_date <= k.as_of
      union all
      select 'pmpk', '', count(*) from education.pmpk_recommendation p where p.issued_on <= k.as_of
      union all
      select 'guidance', '', count(*) from education.guidance_session g where g.held_on <= k.as_of) f
    where k.scope = 'region'`,
  employment: `with ${KEYS}
    select k.scope, k.as_of, f.figure, '' as dim, f.n from k cross join lateral (
      select 'employed' as figure, count(distinct p.recipient_id) as n from employment.placement p
        join employment.employer w on w.id = p.employer_id
        where p.start_date <= k.as_of and (p.end_date is null or p.end_date >= k.as_of) and ${IN_SCOPE('w.municipality')}
      union all
      select 'employed.supported', count(distinct p.recipient_id) from employment.placement p
        join employment.employer w on w.id = p.employer_id where p.supported
        and p.start_date <= k.as_of and (p.end_date is null or p.end_date >= k.as_of) and ${IN_SCOPE('w.municipality')}
      union all
      select 'employed.quota', count(distinct p.recipient_id) from employment.placement p
        join employment.employer w on w.id = p.employer_id where p.quota
        and p.start_date <= k.as_of and (p.end_date is null or p.end_date >= k.as_of) and ${IN_SCOPE('w.municipality')}
      union all
      select 'vacancy.' || v.f, count(*) from employment.vacancy x join employment.employer w on w.id = x.employer_id
        cross join lateral (values
          ('open', x.opened_on <= k.as_of and (x.closed_on is null or x.closed_on > k.as_of)),
          ('quota_open', x.quota and x.opened_on <= k.as_of and (x.closed_on is null or x.closed_on > k.as_of)),
          ('created', x.origin = 'CREATED' and x.opened_on <= k.as_of),
          ('equipped', x.origin = 'EQUIPPED' and x.opened_on <= k.as_of),
          ('above_quota', x.origin = 'ABOVE_QUOTA' and x.opened_on <= k.as_of)) v(f, counted)
        where v.counted and ${IN_SCOPE('w.municipality')} group by v.f
      union all
      select 'support.' || v.f, count(distinct s.recipient_id) from employment.employment_support s
        cross join lateral (values ('unemployed', 'UNEMPLOYMENT_REGISTRATION'), ('training', 'VOCATIONAL_TRAINING')) v(f, kind)
        where k.scope = 'region' and s.kind::text = v.kind and s.start_date <= k.as_of
          and (s.end_date is null or s.end_date >= k.as_of) group by v.f
      union all
      select 'support.' || v.f, count(*) from employment.employment_support s
        cross join lateral (values ('guidance', 'VOCATIONAL_GUIDANCE'), ('self_employment', 'SELF_EMPLOYMENT_SUPPORT')) v(f, kind)
        where k.scope = 'region' and s.kind::text = v.kind and s.start_date <= k.as_of group by v.f) f`,
  coordination: `with ${KEYS}
    select k.scope, k.as_of, 'need.identified' as figure, '' as dim, count(*) as n
      from k join coordination.need_registry_entry n on n.identified_on <= k.as_of
      where k.scope = 'region' group by 1, 2`,
};

const MAINTAINED = (schema: string) => `with ${KEYS}
  select k.scope, k.as_of, f.figure, f.dim, sum(f.n) as n
  from k join ${schema}.figure_day f on f.scope = k.scope and f.day <= k.as_of
  group by 1, 2, 3, 4`;

type Line = string;
const lines = (rows: Record<string, unknown>[]): Line[] =>
  rows
    .filter((r) => Number(r.n) !== 0)
    .map((r) => {
      const day = r.as_of instanceof Date ? r.as_of.toISOString().slice(0, 10) : String(r.as_of);
      return `${r.scope} ${day} ${r.figure} ${r.dim} = ${Number(r.n)}`;
    })
    .sort();

describe('figures kept as the records change', () => {
  let t: TestSystem;
  let db: pg.Client;
  let scopes: string[];

  beforeAll(async () => {
    t = await startTestSystem({
      env: { DEMO_DATA: 'true', DEMO_PEOPLE: '300' },
      clock: new ManualClock(new Date(`${DEMO_TODAY}T09:00:00Z`)),
    });
    db = new pg.Client({ connectionString: t.database.url });
    // The dates come back as text: no time zone between the two counts.
    db.setTypeParser(1082, (v) => v);
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await t?.stop();
  });

  const compare = async () => {
    scopes = [
      'region',
      ...(await db.query<{ m: string }>('select distinct municipality as m from social.recipient')).rows.map(
        (r) => r.m,
      ),
      ...(
        await db.query<{ m: string }>(
          'select distinct municipality as m from employment.employer where municipality is not null',
        )
      ).rows.map((r) => r.m),
    ];
    let compared = 0;
    for (const schema of Object.keys(DIRECT)) {
      const params = [[...new Set(scopes)], DATES];
      const direct = lines((await db.query(DIRECT[schema]!, params)).rows);
      const kept = lines((await db.query(MAINTAINED(schema), params)).rows);
      expect({ schema, kept }).toEqual({ schema, kept: direct });
      compared += direct.length;
    }
    return compared;
  };

  it('agree with a direct count on the demo data, on every date and scope', async () => {
    // Enough figures compared that an empty side cannot pass.
    expect(await compare()).toBeGreaterThan(500);
  });

  it('stay in agreement through changes that touch every trigger', async () => {
    const ids = (sql: string) => db.query<{ id: string }>(sql).then((r) => r.rows.map((x) => x.id));
    const people = await ids('select id from social.recipient order by id limit 40');
    const [a, b, c, d, e, f] = people;
    const other = (await db.query<{ m: string }>('select max(municipality) as m from social.recipient'))
      .rows[0]!.m;
    await db.query('begin');
    // A person moves: every figure of theirs changes municipality.
    await db.query(`update social.recipient set municipality = $1 where id = any($2)`, [
      other,
      people.slice(0, 10),
    ]);
    // An application decided late, one decided today, one not decided any more.
    await db.query(
      `update social.application set decided_on = decision_due_on + 3 where recipient_id = $1 and decided_on is not null`,
      [a],
    );
    await db.query(
      `update social.application set decided_on = null, decision = null, refusal_ground = null, status = 'UNDER_REVIEW'
        where recipient_id = $1`,
      [b],
    );
    // A termination cuts the latest assessment from the day the stage ended.
    await db.query(
      `update social.stage set ended_on = greatest(started_on, '2026-01-15'), end_reason = 'TERMINATED',
         termination_reason = 'PERSONAL_INITIATIVE' where recipient_id = $1 and ended_on is null`,
      [c],
    );
    // A second assessment on the same day: the one recorded later is the latest.
    await db.query(
      `insert into social.assessment (id, recipient_id, assessed_on, assessor, score, degree, region, service_type_code,
         service_type_name, hours_min, hours_max, hours_per, reassessment_due_on, created_at)
       select gen_random_uuid(), recipient_id, assessed_on, assessor, score, 'IV', region, service_type_code,
         service_type_name, hours_min, hours_max, hours_per, '2026-02-01', created_at + interval '1 minute'
       from social.assessment where recipient_id = any($1)`,
      [[d, e]],
    );
    // A flat moves and a tenant moves out.
    await db.query(
      `update social.housing_unit set municipality = $1
        where id = (select unit_id from social.housing_occupancy order by id limit 1)`,
      [other],
    );
    await db.query(`update social.housing_occupancy set to_date = '2026-03-01' where recipient_id = $1`, [f]);
    // Overlapping periods: a person is counted once however many cover the day.
    await db.query(
      `insert into health.rehabilitation_episode (id, recipient_id, setting, organisation, start_date, end_date)
       select gen_random_uuid(), recipient_id, setting, organisation, start_date - 30, end_date
       from health.rehabilitation_episode order by id limit 5`,
    );
    await db.query(
      `delete from health.mobile_team_visit where id in (select id from health.mobile_team_visit limit 3)`,
    );
    await db.query(
      `update health.medical_conclusion set valid_until = greatest(issued_on, '2026-05-31') where recipient_id = any($1)`,
      [people.slice(10, 20)],
    );
    await db.query(
      `insert into education.enrolment (id, recipient_id, level, organisation, programme, start_date, end_date, status, form)
       select gen_random_uuid(), recipient_id, level, organisation, programme || ' (2)', start_date + 10, null, 'ACTIVE', form
       from education.enrolment order by id limit 5`,
    );
    await db.query(
      `update education.enrolment set status = 'COMPLETED', end_date = greatest(start_date, '2026-06-30')
        where id = (select id from education.enrolment where status <> 'COMPLETED' order by id limit 1)`,
    );
    await db.query(
      `insert into employment.placement (id, recipient_id, position, start_date, end_date, supported, mentor_name,
         employer_id, work_kind, quota)
       select gen_random_uuid(), recipient_id, position || ' (2)', start_date + 5, end_date, supported, mentor_name,
         employer_id, work_kind, quota
       from employment.placement order by id limit 5`,
    );
    await db.query(
      `update employment.employer set municipality = $1
        where id = (select employer_id from employment.placement order by id limit 1)`,
      [other],
    );
    await db.query(
      `update employment.vacancy set closed_on = '2026-04-01' where id = (select id from employment.vacancy order by id limit 1)`,
    );
    await db.query(
      `delete from coordination.need_registry_entry where recipient_id in
        (select recipient_id from coordination.need_registry_entry order by recipient_id limit 3)`,
    );
    await db.query('commit');
    expect(await compare()).toBeGreaterThan(500);
  });
});
