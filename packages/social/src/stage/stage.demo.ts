import type { DemoPerson, RowFactory } from '@sl/core';
import type { Assessment } from '../assessment/assessment.entity.js';
import type { Provider } from '../provider/provider.entity.js';
import type { RuleSet } from '../rules/rule-set.js';
import { Termination } from '../termination/termination.entity.js';
import { TerminationReason } from '../termination/termination.enums.js';
import { ReadinessReview } from './readiness-review.entity.js';
import { Stage } from './stage.entity.js';
import {
  PlannedHoursPer,
  ReadinessOutcome,
  StageEndReason,
  StageKind,
  type StageServiceType,
} from './stage.enums.js';

/** A person granted supported living in the demo: when, on which assessment. */
export interface GrantedCase {
  person: DemoPerson;
  decidedOn: string;
  assessment: Assessment;
}

/** Where a demo person's stages left them, for the housing and services demo to agree with. */
export interface DemoStageOutcome {
  person: DemoPerson;
  provider: Provider;
  current: StageKind | null;
  /** The day training began (housing and the service plan start then); null while preparatory. */
  trainingFrom: string | null;
  /** The day the termination took effect, for those terminated. */
  terminatedOn: string | null;
  /** The main stage's planned hours as hours a week, for the service plan; null before it. */
  mainHoursPerWeek: number | null;
}

/**
 * What follows the training stage's start is the person's journey (core's `demoJourney`): reviews
 * in their half-year windows (seed 002 §15.2), the main stage after a READY one, a termination
 * (001 §17). Steps that would fall after the demo's "today" are not taken, so recent grants are
 * still preparatory or early in training; the journey applies early enough for every story that
 * reaches the main stage, which the ministries' demo data relies on.
 */
const REVIEW_OUTCOME = { READY: ReadinessOutcome.READY, NOT_READY: ReadinessOutcome.NOT_READY } as const;

// Calendar days in UTC: the same dates as date-fns in local time, at a fraction of the cost per row.
const plus = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Stages only for people whose application was granted (001 §13 е, §14), beginning a week after
 * the decision, all with one provider — the one the service plan will name; the main stage takes
 * the type and the lowest hours the latest assessment gave (001 §9.1).
 */
export function seedStageDemo(
  rows: RowFactory,
  granted: GrantedCase[],
  providers: Provider[],
  rules: RuleSet,
  today: string,
): DemoStageOutcome[] {
  return granted.map(({ person, decidedOn, assessment }) => {
    const provider = providers[person.index % providers.length]!;
    const outcome: DemoStageOutcome = {
      person,
      provider,
      current: null,
      trainingFrom: null,
      terminatedOn: null,
      mainHoursPerWeek: null,
    };
    let stage: Stage | null = null;
    const begin = (kind: StageKind, on: string, service = {}) => {
      if (stage) Object.assign(stage, { endedOn: on, endReason: StageEndReason.NEXT_STAGE });
      stage = rows.create(Stage, {
        recipientId: person.id,
        kind,
        startedOn: on,
        providerId: provider.id,
        ...service,
      });
      outcome.current = kind;
      return stage;
    };
    const preparatoryOn = plus(decidedOn, 7);
    if (preparatoryOn > today) return outcome;
    begin(StageKind.PREPARATORY, preparatoryOn);
    const trainingOn = plus(preparatoryOn, 30 * (1 + (person.index % 4)));
    if (trainingOn > today) return outcome;
    const training = begin(StageKind.TRAINING, trainingOn);
    outcome.trainingFrom = trainingOn;
    let last = trainingOn;
    let reviews = 0;
    for (const step of person.journey.steps) {
      if (step === 'MAIN') {
        const on = plus(last, 5);
        if (on > today) break;
        begin(StageKind.MAIN, on, {
          serviceType: assessment.serviceTypeCode as StageServiceType,
          plannedHours: assessment.hoursMin,
          plannedHoursPer: PlannedHoursPer[assessment.hoursPer],
        });
        outcome.mainHoursPerWeek = assessment.hoursMin * (assessment.hoursPer === 'DAY' ? 7 : 1);
        last = on;
      } else if (step === 'TERMINATE') {
        const on = plus(last, 200);
        if (on > today) break;
        const current: Stage = stage!;
        Object.assign(current, {
          endedOn: on,
          endReason: StageEndReason.TERMINATED,
          terminationReason: TerminationReason.PERSONAL_INITIATIVE,
        });
        rows.create(Termination, {
          recipientId: person.id,
          stageId: current.id,
          reason: TerminationReason.PERSONAL_INITIATIVE,
          groundOn: on,
          requestedOn: on,
          effectiveOn: on,
          note: 'Заявление о досрочном завершении',
        });
        outcome.current = null;
        outcome.terminatedOn = on;
      } else {
        reviews += 1;
        const on = plus(rules.readinessReviewEarliest(trainingOn, reviews), 3);
        if (on > today) break;
        rows.create(ReadinessReview, {
          stageId: training.id,
          recipientId: person.id,
          ordinal: reviews,
          period: rules.readinessReviewPeriod(trainingOn, on),
          reviewedOn: on,
          outcome: REVIEW_OUTCOME[step],
        });
        last = on;
      }
    }
    return outcome;
  });
}
