import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { TIME_ZONE } from '../common/time-zone.js';
import type { CaseEvent, CaseEventKind } from './timeline.model.js';

/**
 * Each source is one SELECT of (recipient_id, day, kind, code, detail, actor, sort, entity, entity_id,
 * change) over social's own tables for the people in `$1` (`people`); `sort` orders events of one
 * day in the case's order; the last three name the write the event tells of, as the audit log
 * names it (see `RecordWriteReference`).
 */
const SOURCES = [
  `select a.recipient_id, a.submitted_on as day, 'APPLICATION_SUBMITTED' as kind, a.applied_by::text as code,
          null::text as detail, null::text as actor, a.created_at as sort,
          'Application' as entity, a.id::text as entity_id, 'create' as change
     from social.application a join people using (recipient_id)`,
  `select a.recipient_id, a.decided_on, 'APPLICATION_DECIDED', a.decision::text, a.refusal_ground::text, null,
          a.created_at + interval '1 second',
          'Application', a.id::text, 'decidedOn'
     from social.application a join people using (recipient_id) where a.decided_on is not null`,
  `select a.recipient_id, (a.decision_annulled_at at time zone '${TIME_ZONE}')::date, 'DECISION_ANNULLED',
          a.decision::text, a.decision_annulment_reason, a.decision_annulled_by, a.decision_annulled_at,
          'Application', a.id::text, 'decisionAnnulledAt'
     from social.application a join people using (recipient_id) where a.decision_annulled_at is not null`,
  `select r.recipient_id, r.sent_on, 'REQUEST_SENT', r.subject::text, null, r.agency, r.created_at,
          'InteragencyRequest', r.id::text, 'create'
     from social.interagency_request r join people using (recipient_id)`,
  `select r.recipient_id, r.answered_on, 'REQUEST_ANSWERED', r.subject::text, r.answer, r.agency,
          r.created_at + interval '1 second',
          'InteragencyRequest', r.id::text, 'answeredOn'
     from social.interagency_request r join people using (recipient_id) where r.answered_on is not null`,
  `select s.recipient_id, s.assessed_on, 'ASSESSMENT', s.degree::text, s.score::text, s.assessor, s.created_at,
          'Assessment', s.id::text, 'create'
     from social.assessment s join people using (recipient_id)`,
  `select s.recipient_id, (s.annulled_at at time zone '${TIME_ZONE}')::date, 'ASSESSMENT_ANNULLED', s.degree::text,
          s.annulment_reason, s.annulled_by, s.annulled_at,
          'Assessment', s.id::text, 'annulledAt'
     from social.assessment s join people using (recipient_id) where s.annulled_at is not null`,
  `select s.recipient_id, s.started_on, 'STAGE_STARTED', s.kind::text, null, p.short_name, s.created_at,
          'Stage', s.id::text, 'create'
     from social.stage s join people using (recipient_id) left join social.provider p on p.id = s.provider_id`,
  `select s.recipient_id, s.ended_on, 'STAGE_ENDED', s.kind::text, null, null, s.created_at,
          'Stage', s.id::text, 'endedOn'
     from social.stage s join people using (recipient_id) where s.ended_on is not null`,
  `select r.recipient_id, r.reviewed_on, 'READINESS_REVIEW', r.outcome::text, r.ordinal::text, null, r.created_at,
          'ReadinessReview', r.id::text, 'create'
     from social.readiness_review r join people using (recipient_id)`,
  `select o.recipient_id, o.from_date, 'HOUSING_FROM', null, u.address, null, o.created_at,
          'HousingOccupancy', o.id::text, 'create'
     from social.housing_occupancy o join people using (recipient_id) join social.housing_unit u on u.id = o.unit_id`,
  `select o.recipient_id, o.to_date, 'HOUSING_TO', null, u.address, null, o.created_at,
          'HousingOccupancy', o.id::text, 'toDate'
     from social.housing_occupancy o join people using (recipient_id) join social.housing_unit u on u.id = o.unit_id
    where o.to_date is not null`,
  `select sp.recipient_id, sp.from_date, 'SERVICE_PLAN', null, sp.hours_per_week::text, p.short_name, sp.created_at,
          'ServicePlan', sp.id::text, 'create'
     from social.service_plan sp join people using (recipient_id) join social.provider p on p.id = sp.provider_id`,
  `select t.recipient_id, t.from_date, 'TEAM_MEMBER', m.role::text, null, m.full_name, t.created_at,
          'TeamAssignment', t.id::text, 'create'
     from social.team_assignment t join people using (recipient_id) join social.staff_member m on m.id = t.staff_member_id`,
  `select v.recipient_id, (v.planned_at at time zone '${TIME_ZONE}')::date, 'VISIT', null, v.hours_delivered::text,
          m.full_name, v.planned_at,
          'Visit', v.id::text, 'recordedAt'
     from social.visit v join people using (recipient_id) join social.staff_member m on m.id = v.staff_member_id
    where v.delivered`,
  `select c.recipient_id, c.effective_on, 'CONSENT', c.action::text,
          c.kind::text || coalesce(' ' || c.shared_with::text, ''), c.recorded_by, c.recorded_at,
          'ConsentEvent', c.id::text, 'create'
     from social.consent_event c join people using (recipient_id)`,
  `select t.recipient_id, t.effective_on, 'TERMINATION', t.reason::text, t.note, null, t.created_at,
          'Termination', t.id::text, 'create'
     from social.termination t join people using (recipient_id)`,
  `select t.recipient_id, (t.annulled_at at time zone '${TIME_ZONE}')::date, 'TERMINATION_ANNULLED', t.reason::text,
          t.annulment_reason, t.annulled_by, t.annulled_at,
          'Termination', t.id::text, 'annulledAt'
     from social.termination t join people using (recipient_id) where t.annulled_at is not null`,
  `select n.recipient_id, n.informed_on, 'DECISION_NOTIFIED', n.method::text, n.note, n.recorded_by, n.created_at,
          'DecisionNotice', n.id::text, 'create'
     from social.decision_notice n join people using (recipient_id)`,
  `select d.recipient_id, (d.uploaded_at at time zone '${TIME_ZONE}')::date, 'DOCUMENT_UPLOADED', d.kind::text,
          null, d.uploaded_by, d.uploaded_at,
          'CaseDocument', d.id::text, 'create'
     from social.case_document d join people using (recipient_id)`,
];

interface Row {
  recipient_id: string;
  day: string | Date;
  kind: CaseEventKind;
  code: string | null;
  detail: string | null;
  actor: string | null;
  entity: string;
  entity_id: string;
  change: string;
}

const iso = (value: string | Date) =>
  typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);

/** The case's events of many people in one statement, newest first per person. */
export async function caseEvents(em: EntityManager, recipientIds: readonly string[]): Promise<CaseEvent[][]> {
  const rows = await em.getConnection().execute<Row[]>(
    `with people as (select unnest(?::uuid[]) as recipient_id)
     select recipient_id, to_char(e.day, 'YYYY-MM-DD') as day, kind, code, detail, actor, entity, entity_id, change
       from (${SOURCES.join('\n union all \n')}) e
      order by recipient_id, e.day desc, e.sort desc`,
    [`{${recipientIds.join(',')}}`],
  );
  const byPerson = new Map<string, CaseEvent[]>(recipientIds.map((id) => [id, []]));
  for (const r of rows) {
    byPerson.get(r.recipient_id)?.push({
      on: iso(r.day),
      kind: r.kind,
      code: r.code,
      text: r.detail,
      by: r.actor,
      write: { recipientId: r.recipient_id, entity: r.entity, entityId: r.entity_id, change: r.change },
    });
  }
  return recipientIds.map((id) => byPerson.get(id) ?? []);
}

export const caseEventsLoader = (em: EntityManager) =>
  new DataLoader<string, CaseEvent[]>((ids) => caseEvents(em, ids));
