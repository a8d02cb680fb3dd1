import { currentProviderOf, NO_HOURS } from './deadline.sql.js';

/**
 * The grant `a` is the person's latest decision in force and no termination (001 §17) in force
 * followed it; annulled decisions and terminations (issue 23) count for nothing.
 */
const grantInForce = (a: string) => `${a}.decision = 'GRANTED' and ${a}.decision_annulled_at is null
    and not exists (select 1 from social.application n where n.recipient_id = ${a}.recipient_id
                    and n.status = 'DECIDED' and n.decision_annulled_at is null
                    and (n.decided_on, n.created_at) > (${a}.decided_on, ${a}.created_at))
    and not exists (select 1 from social.termination t
                    where t.recipient_id = ${a}.recipient_id and t.effective_on >= ${a}.decided_on
                      and t.annulled_at is null)`;

/**
 * Deadlines and alerts the case rules raise (issue 23), in the shape of DEADLINE_SOURCES: one SELECT
 * of (kind, item_id, recipient_id, due_on, agency, provider_id, hours_planned, hours_delivered) each,
 * reading `p`.
 */
export const CASE_RULE_SOURCES: Record<string, string> = {
  // 001 §3 д, order 202н: the medical conclusion in force found contraindications, for a person
  // whose application is open or who is granted supported living; shown from the answer's day.
  CONTRAINDICATION: `
    select 'CONTRAINDICATION' as kind, c.id as item_id, c.recipient_id, c.answered_on as due_on,
           c.agency, ${currentProviderOf('c.recipient_id')} as provider_id, ${NO_HOURS}
    from (select distinct on (recipient_id) id, recipient_id, answered_on, agency, contraindications_present
          from social.interagency_request, p
          where subject = 'MEDICAL_CONCLUSION' and contraindications_present is not null
            and answered_on <= p.today
          order by recipient_id, answered_on desc, created_at desc) c
    where c.contraindications_present
      and (exists (select 1 from social.application o where o.recipient_id = c.recipient_id and o.status <> 'DECIDED')
           or exists (select 1 from (select * from social.application g where g.recipient_id = c.recipient_id
                                      and g.status = 'DECIDED' and g.decision_annulled_at is null
                                      order by g.decided_on desc, g.created_at desc limit 1) g
                      where ${grantInForce('g')}))`,
  // 002 §15.2: all readiness reviews held, none "ready": the coordinator decides — terminate or
  // re-assess the need; a new assessment after the last review answers it.
  READINESS_EXHAUSTED: `
    select 'READINESS_EXHAUSTED' as kind, s.id as item_id, s.recipient_id, l.reviewed_on as due_on,
           null::varchar as agency, s.provider_id, ${NO_HOURS}
    from social.stage s
    cross join p
    join lateral (select r.ordinal, r.outcome, r.reviewed_on from social.readiness_review r
                  where r.stage_id = s.id order by r.ordinal desc limit 1) l on true
    where s.kind = 'TRAINING' and s.ended_on is null
      and l.ordinal >= p.max_reviews and l.outcome <> 'READY'
      and not exists (select 1 from social.assessment a
                      where a.recipient_id = s.recipient_id and a.assessed_on >= l.reviewed_on
                        and a.annulled_at is null)`,
  // 001 §10: services run for the term of need the grant set; its end is near or past.
  NEED_TERM: `
    select 'NEED_TERM' as kind, a.id as item_id, a.recipient_id, a.need_until as due_on,
           null::varchar as agency, ${currentProviderOf('a.recipient_id')} as provider_id, ${NO_HOURS}
    from social.application a, p
    where a.need_until <= p.today + p.horizon and ${grantInForce('a')}`,
  // 001 §17: the end of the ИППСУ's term ends the services; near or past for a granted person.
  IPPSU_TERM: `
    select 'IPPSU_TERM' as kind, d.id as item_id, a.recipient_id, d.valid_until as due_on,
           null::varchar as agency, ${currentProviderOf('a.recipient_id')} as provider_id, ${NO_HOURS}
    from social.application_document d
    join social.application a on a.id = d.application_id
    cross join p
    where d.kind = 'IPPSU' and d.valid_until <= p.today + p.horizon and ${grantInForce('a')}`,
};
