import { TIME_ZONE } from '../common/time-zone.js';
import { CASE_RULE_SOURCES } from './case-rules.sources.js';
import { DeadlineKind } from './deadline.entity.js';
import { currentProviderOf, due, NO_HOURS } from './deadline.sql.js';

/**
 * The parameters every source reads, as one row `p`: today, the horizon in days, and the
 * training-stage rules of the region's rule set (seed 002 §15.2). `deadlineParams` gives them in
 * this order.
 */
export const PARAMS_CTE = `p as (select ?::date as today, ?::int as horizon,
  ?::int as first_review, ?::int as review_every, ?::int as max_reviews, ?::boolean as upcoming)`;

export interface DeadlineParams {
  today: string;
  horizonDays: number;
  training: { firstReviewAfterMonths: number; reviewEveryMonths: number; maxReviews: number };
  /** Decisions and answers not yet late but due within the horizon count too (the work queue). */
  upcoming?: boolean;
}

export const deadlineParams = ({
  today,
  horizonDays,
  training,
  upcoming = false,
}: DeadlineParams): unknown[] => [
  today,
  horizonDays,
  training.firstReviewAfterMonths,
  training.reviewEveryMonths,
  training.maxReviews,
  upcoming,
];

/**
 * Seed 002 §15.2: each open training stage whose next readiness review is still possible (fewer
 * than the maximum held, none READY) with its half-year window. The windows are computed with the
 * same month arithmetic as the rule set (PostgreSQL and date-fns both clamp to the month's end).
 * The one definition of "a review is due": the `readinessReviewsDue` query and the READINESS_REVIEW
 * deadlines both read it.
 */
export const READINESS_WINDOWS = `
  select s.id as stage_id, s.recipient_id, s.provider_id, s.started_on,
    coalesce(l.ordinal, 0) + 1 as review_number,
    (s.started_on + make_interval(months => p.first_review + coalesce(l.period, 0) * p.review_every))::date as due_from,
    (s.started_on + make_interval(months => p.first_review + (coalesce(l.period, 0) + 1) * p.review_every)
      - interval '1 day')::date as due_by
  from social.stage s
  cross join p
  left join lateral (
    select r.ordinal, r.period, r.outcome from social.readiness_review r
    where r.stage_id = s.id order by r.ordinal desc limit 1
  ) l on true
  where s.kind = 'TRAINING' and s.ended_on is null
    and coalesce(l.ordinal, 0) < p.max_reviews
    and (l.outcome is null or l.outcome <> 'READY')`;

/**
 * Each source is one SELECT of (kind, item_id, recipient_id, due_on, agency, provider_id,
 * hours_planned, hours_delivered) — named
 * so, since a filter may leave any one of them alone in the union — over the social schema; the
 * parameters come from `p` (PARAMS_CTE). A new kind of deadline is a new entry here.
 */
export const DEADLINE_SOURCES: Record<string, string> = {
  // seed 001 §14: an application still undecided after its 10 calendar days
  [DeadlineKind.DECISION]: `
    select 'DECISION' as kind, a.id as item_id, a.recipient_id, a.decision_due_on as due_on,
           null::varchar as agency, null::uuid as provider_id, ${NO_HOURS}
    from social.application a, p
    where a.status <> 'DECIDED' and ${due('a.decision_due_on')}`,
  // seed 001 §15: the latest assessment of a person in supported living is due for renewal — only
  // while the person's latest decision is a grant (001 §16: a refusal ends the case) and no
  // termination (001 §17) came after that grant.
  [DeadlineKind.REASSESSMENT]: `
    select 'REASSESSMENT' as kind, s.id as item_id, s.recipient_id, s.reassessment_due_on as due_on,
           null::varchar as agency, ${currentProviderOf('s.recipient_id')} as provider_id, ${NO_HOURS}
    from (select distinct on (recipient_id) id, recipient_id, reassessment_due_on
          from social.assessment where annulled_at is null
          order by recipient_id, assessed_on desc, created_at desc) s
    cross join p
    cross join lateral (
      select g.decision, g.decided_on from social.application g
      where g.recipient_id = s.recipient_id and g.status = 'DECIDED' and g.decision_annulled_at is null
      order by g.decided_on desc, g.created_at desc limit 1
    ) g
    where s.reassessment_due_on <= p.today + p.horizon
      and g.decision = 'GRANTED'
      and not exists (select 1 from social.termination t
                      where t.recipient_id = s.recipient_id and t.effective_on >= g.decided_on
                        and t.annulled_at is null)`,
  // seed 001 §4: a request unanswered after its due date
  [DeadlineKind.INTERAGENCY_REQUEST]: `
    select 'INTERAGENCY_REQUEST' as kind, r.id as item_id, r.recipient_id, r.due_on, r.agency,
           null::uuid as provider_id, ${NO_HOURS}
    from social.interagency_request r, p
    where r.answered_on is null and ${due('r.due_on')}`,
  // seed 002 §15.2: the next readiness review of a training stage whose half-year window opens
  // within the horizon, is open, or closed without a review; due on the window's last day.
  [DeadlineKind.READINESS_REVIEW]: `
    select 'READINESS_REVIEW' as kind, w.stage_id as item_id, w.recipient_id, w.due_by as due_on,
           null::varchar as agency, w.provider_id, ${NO_HOURS}
    from (${READINESS_WINDOWS}) w, p
    where w.due_from <= p.today + p.horizon`,
  // issue 23: the alerts the case rules raise (contraindication, exhausted reviews, terms)
  ...CASE_RULE_SOURCES,
  // seed 001 §9.1, 002 §14: services follow the plan's hours. A plan in force during last week
  // (Monday–Sunday in the region's time zone) whose share of that week's hours (pro rata for a
  // plan that began or ended in it) exceeds the hours of the visits delivered is under-delivered,
  // due on that Sunday. Its item is the plan.
  [DeadlineKind.SERVICE_HOURS]: `
    select 'SERVICE_HOURS' as kind, sp.id as item_id, sp.recipient_id, (w.monday + 6) as due_on,
           null::varchar as agency, sp.provider_id, h.planned as hours_planned, h.delivered as hours_delivered
    from p
    cross join lateral (select (date_trunc('week', p.today::timestamp) - interval '7 days')::date as monday) w
    join social.service_plan sp on sp.from_date <= w.monday + 6
      and coalesce(sp.to_date, 'infinity'::date) >= w.monday
    cross join lateral (select greatest(sp.from_date, w.monday) as first_day,
                               least(coalesce(sp.to_date, 'infinity'::date), w.monday + 6) as last_day) d
    cross join lateral (
      select round(sp.hours_per_week * (d.last_day - d.first_day + 1)::numeric / 7, 2) as planned,
             coalesce(sum(v.hours_delivered), 0) as delivered
      from social.visit v
      where v.recipient_id = sp.recipient_id and v.delivered
        and (v.planned_at at time zone '${TIME_ZONE}')::date between d.first_day and d.last_day
    ) h
    where h.delivered < h.planned`,
};
