import { RuleSet } from '@sl/social';
import type { TestSystem } from './system.js';

/**
 * Records a grant of supported living for a person straight in the social schema — an assessment
 * with the region's recommendation for `score` and a decided application resting on it — for tests
 * of what comes after a grant (stages, housing, services: 001 §13 е). The grant itself is walked
 * through the gateway in case.e2e-spec.ts and case-walkthrough.e2e-spec.ts.
 */
export async function recordGrant(
  t: TestSystem,
  recipientId: string,
  { region, decidedOn, score = 100 }: { region: string; decidedOn: string; score?: number },
): Promise<void> {
  const rules = RuleSet.for(region);
  const { degree, serviceType } = rules.assess(score);
  const connection = t.system.runtimes.get('social')!.orm.em.getConnection();
  const [assessment] = await connection.execute<{ id: string }[]>(
    `insert into social.assessment (id, recipient_id, assessed_on, assessor, score, degree, region,
       service_type_code, service_type_name, hours_min, hours_max, hours_per, reassessment_due_on)
     values (gen_random_uuid(), ?, ?::date - 3, 'Петрова А. В.', ?, ?, ?, ?, ?, ?, ?, ?, ?::date + interval '3 years')
     returning id`,
    [
      recipientId,
      decidedOn,
      score,
      degree,
      region,
      serviceType.code,
      serviceType.name,
      serviceType.hours.min,
      serviceType.hours.max,
      serviceType.hours.per,
      decidedOn,
    ],
  );
  await connection.execute(
    `insert into social.application (id, recipient_id, submitted_on, applied_by, status, decision_due_on,
       decision, decided_on, assessment_id, consent_to_assessment_on)
     values (gen_random_uuid(), ?, ?::date - 5, 'PERSON', 'DECIDED', ?::date + 5, 'GRANTED', ?, ?, ?::date - 5)`,
    [recipientId, decidedOn, decidedOn, decidedOn, assessment!.id, decidedOn],
  );
}
