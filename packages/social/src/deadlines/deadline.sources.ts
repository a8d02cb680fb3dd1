import { DeadlineKind } from './deadline.entity.js';

/**
 * Each source is one SELECT of (kind, item_id, recipient_id, due_on, agency, provider_id) — named
 * so, since a filter may leave any one of them alone in the union — over the
 * social schema; `p.today` and `p.horizon` (days ahead) come from the query's parameters. A new
 * kind of deadline is a new entry here.
 */
export const DEADLINE_SOURCES: Record<string, string> = {
  // seed 001 §14: an application still undecided after its 10 calendar days
  [DeadlineKind.DECISION]: `
    select 'DECISION' as kind, a.id as item_id, a.recipient_id, a.decision_due_on as due_on,
           null::varchar as agency, null::uuid as provider_id
    from social.application a, p
    where a.status <> 'DECIDED' and a.decision_due_on < p.today`,
  // seed 001 §15: the latest assessment of a person granted supported living is due for renewal
  [DeadlineKind.REASSESSMENT]: `
    select 'REASSESSMENT' as kind, s.id as item_id, s.recipient_id, s.reassessment_due_on as due_on,
           null::varchar as agency, null::uuid as provider_id
    from (select distinct on (recipient_id) id, recipient_id, reassessment_due_on
          from social.assessment order by recipient_id, assessed_on desc, created_at desc) s, p
    where s.reassessment_due_on <= p.today + p.horizon
      and exists (select 1 from social.application g where g.recipient_id = s.recipient_id and g.decision = 'GRANTED')`,
  // seed 001 §4: a request unanswered after its due date
  [DeadlineKind.INTERAGENCY_REQUEST]: `
    select 'INTERAGENCY_REQUEST' as kind, r.id as item_id, r.recipient_id, r.due_on, r.agency,
           null::uuid as provider_id
    from social.interagency_request r, p
    where r.answered_on is null and r.due_on < p.today`,
};
